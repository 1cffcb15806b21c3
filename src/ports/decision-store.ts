/** A decision as recorded for attribution: what was shown, to whom, when. */
export interface DecisionRecord {
  readonly id: string;
  /** The profile the answer was personalised for, if any. */
  readonly profileId: string | null;
  readonly at: number;
  /** What was shown (listing, recommendations, content), as JSON. */
  readonly shown: string;
}

export interface DecisionStore {
  insertDecisions(records: readonly DecisionRecord[]): Promise<void>;
  getDecision(id: string): Promise<DecisionRecord | undefined>;
}
