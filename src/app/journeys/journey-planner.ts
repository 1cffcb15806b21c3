import { randomUUID } from 'node:crypto';
import { planSteps, type Journey, type JourneySignal } from '../../domain/journeys/index.js';
import type { TrackedEvent } from '../../domain/profiles/index.js';
import type { ScheduledStep } from '../../ports/store.js';

/** What an ingestion batch hands journeys, inside its transaction. */
export interface JourneyBatch {
  readonly stored: readonly { readonly profileId: string; readonly event: TrackedEvent }[];
  readonly announcements: readonly {
    readonly type: string;
    readonly profileId: string;
    readonly data: Readonly<Record<string, unknown>>;
  }[];
  /** The messageIds of Order Completed events counted as new orders (an order triggers once). */
  readonly newOrders: ReadonlySet<string>;
  /** The userId of a profile as the batch leaves it. */
  readonly userIdOf: (profileId: string) => string | undefined;
  readonly now: number;
}

/** Events older than this when they arrive (a replayed history, an import) start no journey. */
export const STALE_SIGNAL_MS = 86_400_000;

/**
 * The journeys this node runs, in memory, so that planning steps inside the ingestion transaction
 * reads no store. Filled and refreshed by the journey service.
 */
export class JourneyPlanner {
  #journeys: readonly Journey[] = [];

  load(journeys: readonly Journey[]): void {
    this.#journeys = journeys;
  }

  all(): readonly Journey[] {
    return this.#journeys;
  }

  get(id: string): Journey | undefined {
    return this.#journeys.find((journey) => journey.id === id);
  }

  /** The steps a batch triggers, each with a fresh message id; none when no journey is active. */
  plan(batch: JourneyBatch): ScheduledStep[] {
    const active = this.#journeys.filter((journey) => journey.status === 'active');
    if (active.length === 0) return [];
    const planned: ScheduledStep[] = [];
    for (const { profileId, event } of batch.stored) {
      const signal = signalOf(event, batch.newOrders);
      const at = Date.parse(event.timestamp);
      if (signal === undefined || batch.now - at > STALE_SIGNAL_MS) continue;
      const subject = { profileId, at, ...optionalUser(batch.userIdOf(profileId) ?? event.userId) };
      for (const step of planSteps(active, signal, subject)) planned.push({ ...step, id: messageId() });
    }
    for (const announcement of batch.announcements) {
      const signal = announcementSignal(announcement);
      if (signal === undefined) continue;
      const subject = {
        profileId: announcement.profileId,
        at: batch.now,
        ...optionalUser(batch.userIdOf(announcement.profileId)),
      };
      for (const step of planSteps(active, signal, subject)) planned.push({ ...step, id: messageId() });
    }
    return planned;
  }
}

function signalOf(event: TrackedEvent, newOrders: ReadonlySet<string>): JourneySignal | undefined {
  if (event.type !== 'track' || event.event === undefined) return undefined;
  const name = event.event;
  if (name !== 'Order Completed' && name !== 'Order Refunded' && name !== 'Product Added') return undefined;
  // An order seen before (another messageId for the same orderId) is not a new occurrence.
  if (name === 'Order Completed' && !newOrders.has(event.messageId)) return undefined;
  const orderId = event.commerce?.orderId;
  return {
    kind: 'event',
    name,
    messageId: event.messageId,
    ...(orderId !== undefined && { orderId }),
    productIds: (event.commerce?.products ?? []).map((product) => product.productId),
  };
}

function announcementSignal(announcement: JourneyBatch['announcements'][number]): JourneySignal | undefined {
  const { type, data } = announcement;
  if ((type === 'segment.entered' || type === 'segment.exited') && typeof data['segmentId'] === 'string')
    return { kind: 'segment', segmentId: data['segmentId'], entered: type === 'segment.entered' };
  if (type === 'loyalty.tier_changed')
    return { kind: 'tier', tier: typeof data['to'] === 'string' ? data['to'] : null };
  return undefined;
}

function optionalUser(userId: string | undefined): { userId?: string } {
  return userId === undefined ? {} : { userId };
}

function messageId(): string {
  return `msg_${randomUUID().replaceAll('-', '')}`;
}
