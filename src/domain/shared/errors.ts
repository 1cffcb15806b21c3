/**
 * Misuse of a domain operation: a stable, machine-readable `code` plus structured `details` (such as the
 * JSON pointer of the offending field). Domain errors know nothing of HTTP; the edge maps codes to statuses.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

/** Codes raised by `domain/shared`. */
export type SharedErrorCode = 'invalid_money' | 'unknown_currency' | 'currency_mismatch' | 'invalid_id';
