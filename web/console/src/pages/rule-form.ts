/**
 * A segment rule as a form edits it: `all` or `any` of trait and event conditions. Rules of other
 * shapes (nested groups, `not`, context, other segments) are edited as JSON instead; nothing is lost.
 */
export type Condition =
  | { kind: 'trait'; path: string; op: string; value: string }
  | { kind: 'event'; event: string; within: string; atLeast: string };

export interface RuleForm {
  combinator: 'all' | 'any';
  conditions: Condition[];
}

export const TRAIT_OPS = [
  'eq',
  'neq',
  'in',
  'nin',
  'gt',
  'gte',
  'lt',
  'lte',
  'exists',
  'contains',
  'startsWith',
];

type Node = Record<string, unknown>;

/** The form of a rule, or undefined when the rule has a shape the form cannot show. */
export function formOfRule(rule: unknown): RuleForm | undefined {
  if (!isNode(rule)) return undefined;
  const group = Array.isArray(rule['all']) ? 'all' : Array.isArray(rule['any']) ? 'any' : undefined;
  const leaves = group === undefined ? [rule] : (rule[group] as unknown[]);
  const conditions = leaves.map(conditionOf);
  if (conditions.some((condition) => condition === undefined)) return undefined;
  return { combinator: group ?? 'all', conditions: conditions as Condition[] };
}

export function ruleOfForm(form: RuleForm): unknown {
  const leaves = form.conditions.map(nodeOf);
  return leaves.length === 1 ? leaves[0] : { [form.combinator]: leaves };
}

function conditionOf(node: unknown): Condition | undefined {
  if (!isNode(node)) return undefined;
  if (typeof node['trait'] === 'string' && typeof node['op'] === 'string') {
    const keys = Object.keys(node).filter((key) => key !== 'trait' && key !== 'op' && key !== 'value');
    if (keys.length > 0) return undefined;
    return { kind: 'trait', path: node['trait'], op: node['op'], value: textOf(node['value']) };
  }
  if (typeof node['event'] === 'string') {
    const keys = Object.keys(node).filter((key) => !['event', 'within', 'count'].includes(key));
    const count = node['count'];
    if (keys.length > 0 || (count !== undefined && !(isNode(count) && Object.keys(count).join() === 'gte'))) {
      return undefined;
    }
    return {
      kind: 'event',
      event: node['event'],
      within: typeof node['within'] === 'string' ? node['within'] : '',
      atLeast: isNode(count) ? String(count['gte']) : '',
    };
  }
  return undefined;
}

function nodeOf(condition: Condition): Node {
  if (condition.kind === 'trait') {
    if (condition.op === 'exists') return { trait: condition.path, op: 'exists' };
    return { trait: condition.path, op: condition.op, value: valueOf(condition.op, condition.value) };
  }
  return {
    event: condition.event,
    ...(condition.within !== '' && { within: condition.within }),
    ...(condition.atLeast !== '' && { count: { gte: Number(condition.atLeast) } }),
  };
}

/** What a value box holds as JSON: numbers and booleans as such, a comma list for `in`/`nin`. */
export function valueOf(op: string, text: string): unknown {
  if (op === 'in' || op === 'nin') return text.split(',').map((part) => scalarOf(part.trim()));
  return scalarOf(text.trim());
}

function scalarOf(text: string): unknown {
  if (text === 'true' || text === 'false') return text === 'true';
  if (text !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

function textOf(value: unknown): string {
  if (Array.isArray(value)) return value.map(textOf).join(', ');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === undefined || value === null ? '' : JSON.stringify(value);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
