import { DomainError } from '../shared/index.js';

/** Codes raised by content slots. */
export type ContentErrorCode = 'invalid_content_slot' | 'content_slot_not_found';

/**
 * An error raised by content slots: its constructor takes only the codes above, so a
 * typo does not compile.
 */
export class ContentError extends DomainError {
  declare readonly code: ContentErrorCode;

  constructor(code: ContentErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
