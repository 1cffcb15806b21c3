/** Codes raised by segment rules. */
export type SegmentErrorCode = 'invalid_rule' | 'segment_cycle' | 'segment_not_found' | 'segment_in_use';
