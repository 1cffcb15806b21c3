/**
 * Misuse of an operation: a stable, machine-readable `code` plus structured `details` (such as the
 * JSON pointer of the offending field). Domain errors know nothing of HTTP; the edge maps codes to
 * statuses through its catalogue.
 *
 * The class is abstract so that every error is raised through a module's own subclass
 * (`CatalogError`, `PricingError`, ...), whose constructor takes only that module's codes: a typo
 * or a code no module declares does not compile. Subclasses keep the `(code, message, details)`
 * constructor, which {@link DomainError.under} relies on.
 */
export abstract class DomainError extends Error {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }

  /**
   * The same error (class, code, message) with its pointer placed under `prefix`, for a part checked
   * on its own inside a larger body: `/price` under `/items/3` becomes `/items/3/price`.
   */
  under(prefix: string): DomainError {
    const pointer = typeof this.details['pointer'] === 'string' ? this.details['pointer'] : '';
    const Same = this.constructor as new (
      code: string,
      message: string,
      details: Record<string, unknown>,
    ) => DomainError;
    return new Same(this.code, this.message, { ...this.details, pointer: `${prefix}${pointer}` });
  }
}

/**
 * Codes of the vocabulary every module shares: money, currencies, ids, storable text, and the version precondition
 * every resource's writes accept (`If-Match`).
 */
export type SharedErrorCode =
  | 'invalid_money'
  | 'unknown_currency'
  | 'currency_mismatch'
  | 'invalid_id'
  | 'invalid_text'
  | 'version_conflict';

/** An error with one of the shared codes, raised by any module or adapter. */
export class SharedError extends DomainError {
  declare readonly code: SharedErrorCode;

  constructor(code: SharedErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
