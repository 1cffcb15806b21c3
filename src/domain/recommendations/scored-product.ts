/** A product a strategy scored, before the business rules filter and order the list. */
export interface ScoredProduct {
  readonly productId: string;
  readonly score: number;
  /**
   * Worked out only for the few candidates that make the list (a reason can cost a lookup), from
   * the candidate's product id: one function serves every candidate a component put forward, so a
   * list of candidates kept for later (for-you, per customer) holds no closure per candidate.
   */
  readonly reason: (productId: string) => string;
}
