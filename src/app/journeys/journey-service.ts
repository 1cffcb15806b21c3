import {
  JourneyError,
  decideSend,
  draftJourney,
  type Journey,
  type JourneyInput,
  type JourneyLimits,
  type JourneyReferences,
  type SendDecision,
} from '../../domain/journeys/index.js';
import { STRATEGIES } from '../../domain/recommendations/index.js';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { Store, VersionPrecondition } from '../../ports/store.js';
import { followOtherNodes, rereadOnChange } from '../follow-other-nodes.js';
import { documentOf, loadEach, type ShapeCheck, type UnloadableReport } from '../loadable.js';
import type { SegmentRegistry } from '../segments/segment-registry.js';
import type { WebhookRegistry } from '../webhooks/webhook-registry.js';
import type { JourneyPlanner } from './journey-planner.js';
import { customerAtSend, isHeldOut } from './journey-runner.js';
import { journeyStats, type JourneyStats } from './journey-stats.js';
import type { JourneyMessageData, MessageBuilder } from './message-builder.js';

const STRATEGY_NAMES: ReadonlySet<string> = new Set(STRATEGIES);

export interface JourneyServiceDeps {
  readonly store: Store;
  readonly bus: EventBus;
  readonly clock: Clock;
  readonly nodeId: string;
  /** Where planning reads the journeys in force (inside the ingestion transaction). */
  readonly planner: JourneyPlanner;
  readonly webhooks: WebhookRegistry;
  readonly segments: SegmentRegistry;
  readonly builder: MessageBuilder;
  readonly limits: JourneyLimits;
  readonly marketingDefault: 'granted' | 'denied';
  readonly reportUnloadable: UnloadableReport;
  /** Checks a stored journey against the body its write route validates. */
  readonly shape: ShapeCheck;
}

/** What `POST /v1/journeys/{id}:simulate` answers: the decision and the message, nothing sent. */
export interface Simulation {
  readonly journeyId: string;
  readonly userId: string;
  readonly at: string;
  readonly decision: SendDecision;
  readonly message: JourneyMessageData;
}

/**
 * Journey definitions: checked on write against what exists, kept in memory on every node (re-read
 * when one changes anywhere) so ingestion plans steps without reading the store.
 */
export class JourneyService {
  #reloading: Promise<void> = Promise.resolve();

  constructor(private readonly deps: JourneyServiceDeps) {}

  async start(): Promise<void> {
    await followOtherNodes(
      this.deps.bus,
      this.deps.nodeId,
      'journeys',
      rereadOnChange(() => this.#reload()),
    );
    await this.#reload();
  }

  /** @throws JourneyError `invalid_journey`; DomainError `version_conflict`. */
  async put(id: string, input: JourneyInput, ifVersion?: VersionPrecondition): Promise<Journey> {
    const draft = draftJourney(id, input, await this.#references(input));
    const journey = await this.deps.store.putJourney(draft, { now: this.deps.clock.now(), ifVersion });
    await this.#changed(id);
    return journey;
  }

  /** @throws JourneyError `journey_not_found`. */
  get(id: string): Journey {
    const journey = this.deps.planner.get(id);
    if (journey === undefined) throw new JourneyError('journey_not_found', `no journey ${id}`, {});
    return journey;
  }

  list(): readonly Journey[] {
    return this.deps.planner.all();
  }

  /** Deletes a journey and its steps still waiting. @throws JourneyError `journey_not_found`. */
  async delete(id: string, ifVersion?: VersionPrecondition): Promise<void> {
    if (!(await this.deps.store.deleteJourney(id, ifVersion)))
      throw new JourneyError('journey_not_found', `no journey ${id}`, {});
    await this.#changed(id);
  }

  async stats(id: string): Promise<JourneyStats> {
    const journey = this.get(id);
    const steps = await this.deps.store.journeyStepsOf(id);
    const codes = steps.flatMap((step) => (step.couponCode === null ? [] : [step.couponCode]));
    const redeemed = new Set(
      (await this.deps.store.couponStates(codes))
        .filter((state) => state.redeemed)
        .map((state) => state.code),
    );
    return journeyStats(journey, steps, redeemed);
  }

  /**
   * The message a customer would get from the journey's first step at `at` (now by default), for
   * their latest occurrence of its trigger: decided and built as at send time, nothing written, no
   * coupon generated. @throws JourneyError `journey_not_found`; `invalid_journey` for an unknown customer.
   */
  async simulate(id: string, userId: string, at?: number): Promise<Simulation> {
    const journey = this.get(id);
    const now = at ?? this.deps.clock.now();
    const { store } = this.deps;
    const profileId = await store.findProfileId({ kind: 'user', value: userId });
    const stored = profileId === undefined ? undefined : await store.getProfile(profileId);
    if (profileId === undefined || stored === undefined)
      throw new JourneyError('invalid_journey', `no customer ${userId}`, { pointer: '/userId' });
    const [step] = journey.steps;
    if (step === undefined) throw new JourneyError('invalid_journey', 'the journey has no step', {});
    const latest = (await store.eventsOf(profileId))
      .map(({ event }) => event)
      .filter((event) => event.type === 'track' && triggerEvents(journey).includes(event.event ?? ''))
      .at(-1);
    const triggerAt = latest === undefined ? now : Date.parse(latest.timestamp);
    const scheduled = {
      id: 'msg_simulated',
      journeyId: id,
      stepId: step.id,
      occurrence: 'simulated',
      profileId,
      userId,
      triggerAt,
      dueAt: now,
      supersedes: false,
      context: {
        ...(latest?.commerce?.orderId !== undefined && { orderId: latest.commerce.orderId }),
        productIds: (latest?.commerce?.products ?? []).map((product) => product.productId),
      },
    };
    const decision = decideSend({
      journey,
      stepId: step.id,
      triggerAt,
      customer: customerAtSend(stored.profile, this.deps.marketingDefault),
      sentInWindow: await store.countJourneyMessages(profileId, now - this.deps.limits.cap.windowMs),
      heldOut: isHeldOut(journey, userId),
      limits: this.deps.limits,
      now,
    });
    const { data } = await this.deps.builder.build(journey, step, scheduled, now, { withCoupon: false });
    return { journeyId: id, userId, at: new Date(now).toISOString(), decision, message: data };
  }

  /** The last message journeys sent a customer (the demo storefront shows it), with its payload. */
  async lastMessage(
    userId: string,
  ): Promise<{ messageId: string; sentAt: string; payload: unknown } | undefined> {
    const { store } = this.deps;
    const profileId = await store.findProfileId({ kind: 'user', value: userId });
    if (profileId === undefined) return undefined;
    const last = await store.lastJourneyMessage(profileId);
    if (last === undefined || last.finishedAt === null) return undefined;
    const webhookId = this.get(last.journeyId).steps.find((step) => step.id === last.stepId)?.webhookId;
    const message =
      webhookId === undefined ? undefined : (await store.outboxOf(webhookId)).find((m) => m.id === last.id);
    return {
      messageId: last.id,
      sentAt: new Date(last.finishedAt).toISOString(),
      payload: message === undefined ? null : (JSON.parse(message.payload) as unknown),
    };
  }

  async #references(input: JourneyInput): Promise<JourneyReferences> {
    const { store, webhooks, segments } = this.deps;
    const promotions = new Set<string>();
    const slots = new Set<string>();
    for (const step of input.steps ?? []) {
      const promotionId = step.coupon?.promotionId;
      if (promotionId !== undefined && (await store.getPromotion(promotionId)) !== undefined)
        promotions.add(promotionId);
      for (const slot of step.content ?? [])
        if ((await store.getContentSlot(slot)) !== undefined) slots.add(slot);
    }
    return {
      hasWebhook: (id) => webhooks.get(id) !== undefined,
      hasPromotion: (id) => promotions.has(id),
      hasSegment: (id) => segments.get(id) !== undefined,
      isStrategy: (strategy) => STRATEGY_NAMES.has(strategy),
      hasContent: (slot) => slots.has(slot),
    };
  }

  async #changed(id: string): Promise<void> {
    await this.#reload();
    await this.deps.bus.publish('journeys', { origin: this.deps.nodeId, id });
  }

  #reload(): Promise<void> {
    this.#reloading = this.#reloading
      .catch(() => undefined)
      .then(async () => {
        const journeys = loadEach(
          'journey',
          await this.deps.store.listJourneys(),
          (journey) => journey.id,
          // A row that would not pass its write route (torn, a wrong type, another version's
          // shape) is skipped and reported: planning must never meet a journey without a trigger.
          (journey) => {
            const document = documentOf(journey);
            this.deps.shape(document);
            draftJourney(journey.id, document, NAMES_ANYTHING);
            return journey;
          },
          this.deps.reportUnloadable,
        );
        this.deps.planner.load(journeys);
      });
    return this.#reloading;
  }
}

/**
 * What a stored journey is checked against when it loads: its own rules (triggers, delays, ranges),
 * not whether what it names still exists, which a write checks and a later deletion may change.
 */
const NAMES_ANYTHING: JourneyReferences = {
  hasWebhook: () => true,
  hasPromotion: () => true,
  hasSegment: () => true,
  isStrategy: () => true,
  hasContent: () => true,
};

/** The event names whose latest occurrence a simulation builds its message from. */
function triggerEvents(journey: Journey): string[] {
  const { trigger } = journey;
  if ('event' in trigger) return [trigger.event];
  if ('abandonedCart' in trigger) return ['Product Added'];
  if ('quietFor' in trigger) return ['Order Completed'];
  return [];
}
