import { ID_PATTERN, isInCategory, normalizeCategoryPath, parseDuration } from '../shared/index.js';
import { compare, equals, meets } from './compare.js';
import { OPERATORS, type ActivityEntry, type Operator, type Subject, type Threshold } from './rule.js';
import { SegmentError } from './errors.js';

/** Whether a rule holds, and the earliest instant after `now` at which time alone could change that. */
export interface Outcome {
  readonly matched: boolean;
  readonly next: number | undefined;
}

/** A rule made ready to run. */
export interface CompiledRule {
  evaluate(subject: Subject): Outcome;
  test(subject: Subject): boolean;
  /** The earliest instant after `now` at which a window edge could change the outcome. */
  nextChange(subject: Subject): number | undefined;
}

const HOLDS: Outcome = Object.freeze({ matched: true, next: undefined });
const FAILS: Outcome = Object.freeze({ matched: false, next: undefined });

/** Builds a rule from its evaluation. */
function rule(evaluate: (subject: Subject) => Outcome): CompiledRule {
  return {
    evaluate,
    test: (subject) => evaluate(subject).matched,
    nextChange: (subject) => evaluate(subject).next,
  };
}

/** A rule that time alone never changes. */
function timeless(test: (subject: Subject) => boolean): CompiledRule {
  return rule((subject) => (test(subject) ? HOLDS : FAILS));
}

/** What a rule reads, so it is re-evaluated only when one of those things changes. */
export interface RuleReads {
  traits: boolean;
  /** First segments of `computed.*` paths (`orderCount`, `lifetimeValue`). */
  readonly computed: Set<string>;
  loyalty: boolean;
  context: boolean;
  /** Event names, each with the properties its `where` filters read. */
  readonly events: Map<string, Set<string>>;
  /**
   * Per event name, the categories its conditions filter on, or `any` when one condition counts the
   * event whatever its category: an event in none of those categories cannot change the rule.
   */
  readonly eventCategories: Map<string, Set<string> | 'any'>;
  readonly segments: Set<string>;
  /** The longest window; null when an event condition has no window (all time). */
  maxWindowMs: number | null;
}

const MAX_DEPTH = 20;
const MAX_NODES = 500;
const TRAIT_PATH = /^(traits|computed|loyalty)(\.[A-Za-z0-9_:-]+)+$/;
const CONTEXT_PATH = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;
const NODE_KEYS = ['all', 'any', 'not', 'trait', 'context', 'event', 'segment'] as const;
const idRegex = new RegExp(ID_PATTERN);

/**
 * Validates and compiles a segment rule once, on write.
 * @throws DomainError `invalid_rule` with the JSON `pointer` of the offending node or field.
 */
export function compileRule(raw: unknown, pointer = '/rule'): { rule: CompiledRule; reads: RuleReads } {
  const reads: RuleReads = {
    traits: false,
    computed: new Set(),
    loyalty: false,
    context: false,
    events: new Map(),
    eventCategories: new Map(),
    segments: new Set(),
    maxWindowMs: 0,
  };
  const budget = { nodes: 0 };
  return { rule: compileNode(raw, pointer, reads, 0, budget), reads };
}

function invalid(pointer: string, detail: string): never {
  throw new SegmentError('invalid_rule', detail, { pointer });
}

function compileNode(
  raw: unknown,
  pointer: string,
  reads: RuleReads,
  depth: number,
  budget: { nodes: number },
): CompiledRule {
  budget.nodes += 1;
  if (budget.nodes > MAX_NODES) invalid(pointer, `a rule may have at most ${MAX_NODES} nodes`);
  if (depth > MAX_DEPTH) invalid(pointer, `a rule may nest at most ${MAX_DEPTH} levels`);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    invalid(pointer, 'a rule node must be an object');
  const node = raw as Record<string, unknown>;
  const kinds = NODE_KEYS.filter((key) => key in node);
  if (kinds.length !== 1) invalid(pointer, `a rule node has exactly one of ${NODE_KEYS.join(', ')}`);
  switch (kinds[0]) {
    case 'all':
    case 'any':
      return compileGroup(node, kinds[0], pointer, reads, depth, budget);
    case 'not':
      onlyKeys(node, ['not'], pointer);
      return negate(compileNode(node['not'], `${pointer}/not`, reads, depth + 1, budget));
    case 'trait':
    case 'context':
      return compileCondition(node, kinds[0], pointer, reads);
    case 'event':
      return compileEvent(node, pointer, reads);
    default:
      return compileMembership(node, pointer, reads);
  }
}

function compileGroup(
  node: Record<string, unknown>,
  kind: 'all' | 'any',
  pointer: string,
  reads: RuleReads,
  depth: number,
  budget: { nodes: number },
): CompiledRule {
  onlyKeys(node, [kind], pointer);
  const list = node[kind];
  if (!Array.isArray(list) || list.length === 0)
    invalid(`${pointer}/${kind}`, `${kind} needs a non-empty list of rules`);
  const children = list.map((child: unknown, index) =>
    compileNode(child, `${pointer}/${kind}/${index}`, reads, depth + 1, budget),
  );
  // `all` is decided by its first failing child and `any` by its first holding one: the outcome
  // cannot change before that child does. Otherwise any child may change it.
  const decisive = kind !== 'all';
  return rule((subject) => {
    let next: number | undefined;
    for (const child of children) {
      const outcome = child.evaluate(subject);
      if (outcome.matched === decisive) return outcome;
      if (outcome.next !== undefined && (next === undefined || outcome.next < next)) next = outcome.next;
    }
    return next === undefined ? (decisive ? FAILS : HOLDS) : { matched: !decisive, next };
  });
}

function negate(child: CompiledRule): CompiledRule {
  return rule((subject) => {
    const outcome = child.evaluate(subject);
    return outcome.next === undefined
      ? outcome.matched
        ? FAILS
        : HOLDS
      : { matched: !outcome.matched, next: outcome.next };
  });
}

function compileCondition(
  node: Record<string, unknown>,
  kind: 'trait' | 'context',
  pointer: string,
  reads: RuleReads,
): CompiledRule {
  onlyKeys(node, [kind, 'op', 'value'], pointer);
  const path = node[kind];
  if (typeof path !== 'string' || !(kind === 'trait' ? TRAIT_PATH : CONTEXT_PATH).test(path)) {
    invalid(
      `${pointer}/${kind}`,
      kind === 'trait'
        ? 'trait must be a path such as traits.country or computed.orderCount'
        : 'context must be a key such as device or channel',
    );
  }
  const op = node['op'];
  if (typeof op !== 'string' || !(OPERATORS as readonly string[]).includes(op))
    invalid(`${pointer}/op`, `op must be one of ${OPERATORS.join(', ')}`);
  const value = node['value'];
  checkValue(op as Operator, value, `${pointer}/value`);
  if (kind === 'context') {
    reads.context = true;
    const segments = path.split('.');
    return timeless(
      (subject) =>
        subject.context !== undefined && compare(readPath(subject.context, segments), op as Operator, value),
    );
  }
  const [root, field = ''] = path.split('.');
  if (root === 'traits') reads.traits = true;
  else if (root === 'loyalty') reads.loyalty = true;
  else reads.computed.add(field);
  return timeless((subject) => compare(subject.read(path), op as Operator, value));
}

function checkValue(op: Operator, value: unknown, pointer: string): void {
  if (op === 'exists') {
    if (value !== undefined && typeof value !== 'boolean') invalid(pointer, 'exists takes true or false');
    return;
  }
  if (value === undefined) invalid(pointer, `${op} needs a value`);
  if ((op === 'in' || op === 'nin') && (!Array.isArray(value) || value.length > 1000))
    invalid(pointer, `${op} needs a list of at most 1,000 values`);
  if (
    (op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte') &&
    typeof value !== 'number' &&
    typeof value !== 'string'
  ) {
    invalid(pointer, `${op} compares with a number or an ISO date`);
  }
  if (op === 'startsWith' && typeof value !== 'string') invalid(pointer, 'startsWith needs a string');
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    invalid(pointer, 'a value is a string, number, boolean or list');
}

function compileEvent(node: Record<string, unknown>, pointer: string, reads: RuleReads): CompiledRule {
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
  const count = node['count'] === undefined ? { gte: 1 } : readThreshold(node['count'], `${pointer}/count`);
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
    for (const entry of subject.activity[name] ?? []) {
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
    const matched = meets(total, sum ?? count);
    return next === undefined ? (matched ? HOLDS : FAILS) : { matched, next };
  });
}

function compileMembership(node: Record<string, unknown>, pointer: string, reads: RuleReads): CompiledRule {
  onlyKeys(node, ['segment'], pointer);
  const id = node['segment'];
  if (typeof id !== 'string' || !idRegex.test(id))
    invalid(`${pointer}/segment`, 'segment must be a segment id');
  reads.segments.add(id);
  return timeless((subject) => subject.isMember(id));
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

function readThreshold(raw: unknown, pointer: string, extra: readonly string[] = []): Threshold {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    invalid(pointer, 'a threshold is an object such as { "gte": 2 }');
  const bounds = Object.entries(raw).filter(([key]) => !extra.includes(key));
  if (bounds.length === 0) invalid(pointer, 'a threshold needs at least one of eq, gt, gte, lt, lte');
  for (const [key, value] of bounds) {
    if (!['eq', 'gt', 'gte', 'lt', 'lte'].includes(key)) invalid(`${pointer}/${key}`, `unknown bound ${key}`);
    if (typeof value !== 'number' || !Number.isFinite(value))
      invalid(`${pointer}/${key}`, `${key} must be a number`);
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
  const raw = entry.properties?.[property];
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
    const actual = entry.properties?.[key];
    for (const candidate of wanted) if (equals(actual, candidate)) return true;
    return false;
  };
}

function onlyKeys(node: Record<string, unknown>, allowed: readonly string[], pointer: string): void {
  for (const key of Object.keys(node))
    if (!allowed.includes(key)) invalid(`${pointer}/${key}`, `unknown field ${key} in this rule node`);
}

function readPath(record: Readonly<Record<string, unknown>>, segments: readonly string[]): unknown {
  let current: unknown = record;
  for (const segment of segments) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
