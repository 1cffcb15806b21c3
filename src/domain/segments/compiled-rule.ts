import { SegmentError } from './errors.js';
import type { Subject } from './rule.js';

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

/** The outcomes time alone never changes, shared rather than made per evaluation. */
export const HOLDS: Outcome = Object.freeze({ matched: true, next: undefined });
export const FAILS: Outcome = Object.freeze({ matched: false, next: undefined });

/** Builds a rule from its evaluation. */
export function rule(evaluate: (subject: Subject) => Outcome): CompiledRule {
  return {
    evaluate,
    test: (subject) => evaluate(subject).matched,
    nextChange: (subject) => evaluate(subject).next,
  };
}

/** A rule that time alone never changes. */
export function timeless(test: (subject: Subject) => boolean): CompiledRule {
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

/** @throws DomainError `invalid_rule` at `pointer`: the rule is refused as written. */
export function invalid(pointer: string, detail: string): never {
  throw new SegmentError('invalid_rule', detail, { pointer });
}

/** @throws DomainError `invalid_rule` at the first field of `node` not in `allowed`. */
export function onlyKeys(node: Record<string, unknown>, allowed: readonly string[], pointer: string): void {
  for (const key of Object.keys(node))
    if (!allowed.includes(key)) invalid(`${pointer}/${key}`, `unknown field ${key} in this rule node`);
}
