import { DomainError } from '../shared/index.js';

/** Codes raised by segment rules. */
export type SegmentErrorCode = 'invalid_rule' | 'segment_cycle' | 'segment_not_found' | 'segment_in_use';

/**
 * An error raised by segment rules: its constructor takes only the codes above, so a
 * typo does not compile.
 */
export class SegmentError extends DomainError {
  declare readonly code: SegmentErrorCode;

  constructor(code: SegmentErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
