import { ID_PATTERN } from '../shared/index.js';
import { compare } from './compare.js';
import { compileEvent } from './compile-event.js';
import {
  FAILS,
  HOLDS,
  invalid,
  onlyKeys,
  rule,
  timeless,
  type CompiledRule,
  type RuleReads,
} from './compiled-rule.js';
import { OPERATORS, type Operator } from './rule.js';

export type { CompiledRule, Outcome, RuleReads } from './compiled-rule.js';

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
  const kinds = NODE_KEYS.filter((key) => Object.hasOwn(node, key));
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

function compileMembership(node: Record<string, unknown>, pointer: string, reads: RuleReads): CompiledRule {
  onlyKeys(node, ['segment'], pointer);
  const id = node['segment'];
  if (typeof id !== 'string' || !idRegex.test(id))
    invalid(`${pointer}/segment`, 'segment must be a segment id');
  reads.segments.add(id);
  return timeless((subject) => subject.isMember(id));
}

function readPath(record: Readonly<Record<string, unknown>>, segments: readonly string[]): unknown {
  let current: unknown = record;
  for (const segment of segments) {
    // Own fields only: a context key named `constructor` is absent unless the request sent it.
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
