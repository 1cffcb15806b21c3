import { DomainError } from '../shared/index.js';

/** Codes raised by pricing. */
export type PricingErrorCode = 'invalid_price_list' | 'price_list_not_found';

/**
 * An error raised by pricing: its constructor takes only the codes above, so a
 * typo does not compile.
 */
export class PricingError extends DomainError {
  declare readonly code: PricingErrorCode;

  constructor(code: PricingErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
