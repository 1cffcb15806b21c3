import type { Journey } from '../../domain/journeys/index.js';
import type { Store } from '../../ports/store.js';
import type { BatchResult } from '../profiles/ingest-batch.js';

/** The longest attribution window a journey may set (see `draftJourney`). */
const MAX_WINDOW_MS = 90 * 86_400_000;

/**
 * Counts each new order for the latest message (or holdout row) of each journey the customer got
 * within that journey's attribution window before it: orders and revenue per message, for stats.
 */
export class JourneyOutcomes {
  constructor(
    private readonly deps: {
      readonly store: Store;
      readonly currency: string;
      readonly journey: (id: string) => Journey | undefined;
    },
  ) {}

  async committed(result: BatchResult): Promise<void> {
    const newOrders = result.newOrders;
    if (newOrders === undefined || newOrders.size === 0) return;
    for (const { profileId, event } of result.stored) {
      if (!newOrders.has(event.messageId) || event.commerce === undefined) continue;
      const at = Date.parse(event.timestamp);
      const revenue = event.commerce.currency === this.deps.currency ? (event.commerce.amount ?? 0) : 0;
      const candidates = await this.deps.store.finishedJourneySteps(profileId, at - MAX_WINDOW_MS);
      const latest = new Map<string, { id: string; finishedAt: number }>();
      for (const step of candidates) {
        const journey = this.deps.journey(step.journeyId);
        const finishedAt = step.finishedAt ?? 0;
        if (
          journey === undefined ||
          finishedAt > at ||
          at - finishedAt > journey.attributionDays * 86_400_000
        )
          continue;
        const held = latest.get(step.journeyId);
        if (held === undefined || held.finishedAt < finishedAt)
          latest.set(step.journeyId, { id: step.id, finishedAt });
      }
      for (const { id } of latest.values()) await this.deps.store.addJourneyOutcome(id, 1, revenue);
    }
  }
}
