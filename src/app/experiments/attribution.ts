import {
  creditedByClick,
  isCreditedAt,
  type Experiment,
  type ExperimentEntry,
} from '../../domain/experiments/index.js';
import type { BatchResult } from '../profiles/ingest-batch.js';
import type { DecisionStore } from '../../ports/decision-store.js';
import type { ExperimentStore, OutcomeDelta } from '../../ports/experiment-store.js';
import type { Identity } from '../../ports/store.js';

type StoredEvent = BatchResult['stored'][number]['event'];

/**
 * Attributes what customers do to the experiment units they are: each order counted for the first
 * time (in the store currency) adds an order and its revenue to the customer's units in every
 * experiment running when it was placed; each `Product Clicked` or `Product Added` citing a decision
 * (`properties.decision_id`) adds a click only in the experiments that decision applied (and, with
 * a `slot`, that change that slot). Only units first exposed before the event count. Runs after
 * the events are durable, off the answer's path.
 */
export class ExperimentAttribution {
  constructor(
    private readonly deps: {
      readonly store: ExperimentStore & DecisionStore;
      readonly hashId: (identity: Identity) => string;
      readonly currency: string;
      /** Every experiment, by id, stopped ones too: without one, nothing is looked up. */
      readonly experiments: () => ReadonlyMap<string, Experiment>;
    },
  ) {}

  async committed(result: BatchResult): Promise<void> {
    const experiments = this.deps.experiments();
    if (experiments.size === 0) return;
    const profiles = new Map(result.profiles.map(({ profile }) => [profile.id, profile]));
    for (const { profileId, event } of result.stored) {
      const profile = profiles.get(profileId);
      const delta = this.#deltaOf(event, result.newOrders);
      if (delta === undefined || profile === undefined) continue;
      const at = Date.parse(event.timestamp);
      const credited = (await this.#creditedBy(event, delta, experiments)).filter((experiment) =>
        isCreditedAt(experiment, at),
      );
      if (credited.length === 0) continue;
      const ids: Identity[] = [
        ...(profile.userId === undefined ? [] : [{ kind: 'user' as const, value: profile.userId }]),
        ...profile.anonymousIds.map((value) => ({ kind: 'anon' as const, value })),
      ];
      await this.deps.store.attributeOutcome(
        ids.map(this.deps.hashId),
        at,
        delta,
        credited.map((experiment) => experiment.id),
      );
    }
  }

  /** The experiments the event may count for: all of them for an order, the cited decision's for a click. */
  async #creditedBy(
    event: StoredEvent,
    delta: OutcomeDelta,
    experiments: ReadonlyMap<string, Experiment>,
  ): Promise<Experiment[]> {
    if (delta.clicks === undefined) return [...experiments.values()];
    const decision = await this.deps.store.getDecision(event.properties['decision_id'] as string);
    if (decision === undefined) return [];
    const applied = (JSON.parse(decision.shown) as { experiments?: ExperimentEntry[] }).experiments ?? [];
    const slot = event.properties['slot'];
    return creditedByClick(applied, typeof slot === 'string' ? slot : undefined, experiments);
  }

  #deltaOf(event: StoredEvent, newOrders: ReadonlySet<string> | undefined): OutcomeDelta | undefined {
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
