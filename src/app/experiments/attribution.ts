import type { BatchResult } from '../profiles/ingest-batch.js';
import type { ExperimentStore, OutcomeDelta } from '../../ports/experiment-store.js';
import type { Identity } from '../../ports/store.js';

/**
 * Attributes what customers do to the experiment units they are: each order counted for the first
 * time (in the store currency) adds an order and its revenue, and each `Product Clicked` or
 * `Product Added` citing a decision (`properties.decision_id`) adds a click, to every unit of the
 * customer first exposed before it. Runs after the events are durable, off the answer's path.
 */
export class ExperimentAttribution {
  constructor(
    private readonly deps: {
      readonly store: ExperimentStore;
      readonly hashId: (identity: Identity) => string;
      readonly currency: string;
      /** Whether any experiment exists: without one, nothing is looked up. */
      readonly hasExperiments: () => boolean;
    },
  ) {}

  async committed(result: BatchResult): Promise<void> {
    if (!this.deps.hasExperiments()) return;
    const profiles = new Map(result.profiles.map(({ profile }) => [profile.id, profile]));
    for (const { profileId, event } of result.stored) {
      const delta = this.#deltaOf(event, result.newOrders);
      const profile = profiles.get(profileId);
      if (delta === undefined || profile === undefined) continue;
      const ids: Identity[] = [
        ...(profile.userId === undefined ? [] : [{ kind: 'user' as const, value: profile.userId }]),
        ...profile.anonymousIds.map((value) => ({ kind: 'anon' as const, value })),
      ];
      const at = Date.parse(event.timestamp);
      await this.deps.store.attributeOutcome(ids.map(this.deps.hashId), at, delta);
    }
  }

  #deltaOf(
    event: BatchResult['stored'][number]['event'],
    newOrders: ReadonlySet<string> | undefined,
  ): OutcomeDelta | undefined {
    const commerce = event.commerce;
    if (commerce?.name === 'Order Completed') {
      if (newOrders?.has(event.messageId) !== true || commerce.currency !== this.deps.currency)
        return undefined;
      return { orders: 1, revenue: commerce.amount ?? 0 };
    }
    const cited = event.properties['decision_id'];
    if ((event.event === 'Product Clicked' || event.event === 'Product Added') && typeof cited === 'string') {
      return { clicks: 1 };
    }
    return undefined;
  }
}
