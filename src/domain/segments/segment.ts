import { compileRule, type CompiledRule, type RuleReads } from './compile-rule.js';
import type { RuleNode } from './rule.js';

/** A segment as a merchant writes it (`PUT /v1/segments/{id}`). */
export interface SegmentInput {
  readonly name: string;
  readonly description?: string;
  readonly rule: RuleNode;
}

export interface SegmentDraft extends SegmentInput {
  readonly id: string;
}

/** A stored segment. */
export interface Segment extends SegmentDraft {
  readonly version: number;
  readonly updatedAt: string;
}

/** A segment ready to evaluate. Contextual segments (their rule reads the request's context) are never stored as membership. */
export interface CompiledSegment {
  readonly segment: Segment;
  readonly rule: CompiledRule;
  readonly reads: RuleReads;
  readonly contextual: boolean;
}

/**
 * Validates a segment and compiles its rule once.
 * @throws DomainError `invalid_rule` pointing at the bad node.
 */
export function compileSegment(segment: Segment): CompiledSegment {
  const { rule, reads } = compileRule(segment.rule);
  return { segment, rule, reads, contextual: reads.context };
}
