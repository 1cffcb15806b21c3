/** Segments: a JSON rule language over profiles, events in time windows and context, compiled once. */
export { compileRule, type CompiledRule, type RuleReads } from './compile-rule.js';
export { compare } from './compare.js';
export { findCycle } from './segment-graph.js';
export {
  OPERATORS,
  type ActivityEntry,
  type Operator,
  type RuleNode,
  type Subject,
  type Threshold,
} from './rule.js';
export { SegmentError, type SegmentErrorCode } from './errors.js';
export {
  compileSegment,
  type CompiledSegment,
  type Segment,
  type SegmentDraft,
  type SegmentInput,
} from './segment.js';
