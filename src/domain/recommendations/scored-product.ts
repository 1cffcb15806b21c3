/** A product a strategy scored, before the business rules filter and order the list. */
export interface ScoredProduct {
  readonly productId: string;
  readonly score: number;
  /** Worked out only for the few candidates that make the list (a reason can cost a lookup). */
  readonly reason: () => string;
}
