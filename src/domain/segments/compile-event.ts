import { isInCategory, normalizeCategoryPath, ownValue, parseDuration } from '../shared/index.js';
import { equals, thresholdTest } from './compare.js';
import { FAILS, HOLDS, invalid, onlyKeys, rule, type CompiledRule, type RuleReads } from './compiled-rule.js';
import type { ActivityEntry, Threshold } from './rule.js';

/**
 * Compiles an event condition (`{ event, within?, where?, count? | sum? }`): how often the customer
 * did it (or how much it added up to) within a sliding window, with when the window next moves.
 * @throws DomainError `invalid_rule` with the pointer of the offending field.
 */
export function compileEvent(node: Record<string, unknown>, pointer: string, reads: RuleReads): CompiledRule {
  onlyKeys(node, ['event', 'within', 'where', 'count', 'sum'], pointer);
  const name = node['event'];
  if (typeof name !== 'string' || name.length === 0 || name.length > 200)
    invalid(`${pointer}/event`, 'event must be an event name');
  const within = node['within'];
  const windowMs =
    within === undefined ? undefined : typeof within === 'string' ? parseDuration(within) : undefined;
  if (within !== undefined && windowMs === undefined)
    invalid(`${pointer}/within`, 'within is a duration such as 30d, 12h, 90m or 2w (up to 3650d)');
  const where = readWhere(node['where'], `${pointer}/where`);
  if (node['count'] !== undefined && node['sum'] !== undefined)
    invalid(`${pointer}/sum`, 'give count or sum, not both');
  const count =
    node['count'] === undefined ? { gte: 1 } : readThreshold(node['count'], `${pointer}/count`, [], true);
  const sum = node['sum'] === undefined ? undefined : readSum(node['sum'], `${pointer}/sum`);
  const properties = reads.events.get(name) ?? new Set<string>();
  for (const key of where.keys()) properties.add(key);
  if (sum !== undefined) properties.add(sum.property);
  reads.events.set(name, properties);
  const categories = where.get('category');
  const known = reads.eventCategories.get(name);
  if (categories === undefined || known === 'any') reads.eventCategories.set(name, 'any');
  else reads.eventCategories.set(name, new Set([...(known ?? []), ...(categories as string[])]));
  reads.maxWindowMs =
    windowMs === undefined || reads.maxWindowMs === null ? null : Math.max(reads.maxWindowMs, windowMs);

  const filters = [...where].map(([key, wanted]) => filterFor(key, wanted));
  const meetsThreshold = thresholdTest(sum ?? count);
  const matches = (entry: ActivityEntry) => {
    for (const filter of filters) if (!filter(entry)) return false;
    return true;
  };
  // One pass over the remembered events: count (or sum) those in the window, and find the next
  // window edge, an event's own time while it is in the future, else when it slides out.
  return rule((subject) => {
    const { now } = subject;
    const from = windowMs === undefined ? -Infinity : now - windowMs;
    let total = 0;
    let next: number | undefined;
    for (const entry of ownValue(subject.activity, name) ?? []) {
      if (filters.length > 0 && !matches(entry)) continue;
      const edge =
        entry.t > now
          ? entry.t
          : windowMs !== undefined && entry.t + windowMs > now
            ? entry.t + windowMs
            : undefined;
      if (edge !== undefined && (next === undefined || edge < next)) next = edge;
      if (entry.t <= now && entry.t > from) total += sum === undefined ? 1 : valueOf(entry, sum.property);
    }
    const matched = meetsThreshold(total);
    return next === undefined ? (matched ? HOLDS : FAILS) : { matched, next };
  });
}

function readWhere(raw: unknown, pointer: string): Map<string, readonly unknown[]> {
  if (raw === undefined) return new Map();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    invalid(pointer, 'where is an object of property: value');
  const entries = Object.entries(raw);
  if (entries.length > 20) invalid(pointer, 'where may filter on at most 20 properties');
  return new Map(
    entries.map(([key, value]) => {
      const values = Array.isArray(value) ? value : [value];
      if (values.some((item) => typeof item === 'object' && item !== null))
        invalid(`${pointer}/${key}`, 'a where value is a scalar or a list of scalars');
      const normalised =
        key === 'category' ? values.map((item) => normalizeCategoryPath(String(item)) ?? '') : values;
      return [key, normalised];
    }),
  );
}

/** A threshold's bounds: finite numbers, or for a count, whole numbers from 0. */
function readThreshold(
  raw: unknown,
  pointer: string,
  extra: readonly string[] = [],
  isCount = false,
): Threshold {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    invalid(pointer, 'a threshold is an object such as { "gte": 2 }');
  const bounds = Object.entries(raw).filter(([key]) => !extra.includes(key));
  if (bounds.length === 0) invalid(pointer, 'a threshold needs at least one of eq, gt, gte, lt, lte');
  for (const [key, value] of bounds) {
    if (!['eq', 'gt', 'gte', 'lt', 'lte'].includes(key)) invalid(`${pointer}/${key}`, `unknown bound ${key}`);
    if (typeof value !== 'number' || !Number.isFinite(value))
      invalid(`${pointer}/${key}`, `${key} must be a number`);
    if (isCount && (!Number.isSafeInteger(value) || value < 0))
      invalid(`${pointer}/${key}`, `a count's ${key} is a whole number from 0`);
  }
  return Object.fromEntries(bounds);
}

function readSum(raw: unknown, pointer: string): Threshold & { property: string } {
  const threshold = readThreshold(raw, pointer, ['property']);
  const property = (raw as Record<string, unknown>)['property'];
  if (typeof property !== 'string' || property.length === 0)
    invalid(`${pointer}/property`, 'sum needs the property to add up');
  return { ...threshold, property };
}

/** Money properties (total, revenue, amount, value) read the event's value in minor units. */
function valueOf(entry: ActivityEntry, property: string): number {
  if (['total', 'revenue', 'amount', 'value'].includes(property)) return entry.amount ?? 0;
  const raw = entry.properties === undefined ? undefined : ownValue(entry.properties, property);
  return typeof raw === 'number' && Number.isFinite(raw) ? raw : 0;
}

/** A where filter as a plain predicate over remembered events, built once (plain loops: it runs per event, per rule). */
function filterFor(key: string, wanted: readonly unknown[]): (entry: ActivityEntry) => boolean {
  if (key === 'category') {
    const categories = wanted as readonly string[];
    return (entry) => {
      for (const path of entry.categories ?? [])
        for (const category of categories) if (isInCategory(path, category)) return true;
      return false;
    };
  }
  const anyOf = (values: readonly string[] | undefined) => {
    for (const value of values ?? [])
      for (const candidate of wanted) if (equals(value, candidate)) return true;
    return false;
  };
  if (key === 'brand') return (entry) => anyOf(entry.brands);
  if (key === 'productId' || key === 'product_id') return (entry) => anyOf(entry.productIds);
  return (entry) => {
    const actual = entry.properties === undefined ? undefined : ownValue(entry.properties, key);
    for (const candidate of wanted) if (equals(actual, candidate)) return true;
    return false;
  };
}
