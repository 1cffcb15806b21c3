import { DomainError } from '../shared/index.js';

/** Codes raised by listing rules. */
export type RankingErrorCode = 'invalid_listing_rules';

/**
 * An error raised by listing rules: its constructor takes only the codes above, so a
 * typo does not compile.
 */
export class RankingError extends DomainError {
  declare readonly code: RankingErrorCode;

  constructor(code: RankingErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
