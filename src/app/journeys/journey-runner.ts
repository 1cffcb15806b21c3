import { hash } from 'node:crypto';
import {
  decideSend,
  type CustomerAtSend,
  type Journey,
  type JourneyLimits,
} from '../../domain/journeys/index.js';
import type { Profile } from '../../domain/profiles/index.js';
import type { Clock } from '../../ports/clock.js';
import type { ClaimedStep, SendCheck, StepFinish, Store, VersionedProfile } from '../../ports/store.js';
import { nextTurn, type ServingFirst } from '../serving-first.js';
import type { MessageBuilder } from './message-builder.js';

export interface JourneyRunnerDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** The journey as this node holds it; read from the store when it holds none (written on a node it has not heard from). */
  readonly journey: (id: string) => Journey | undefined;
  readonly builder: MessageBuilder;
  readonly limits: JourneyLimits;
  readonly marketingDefault: 'granted' | 'denied';
  readonly onError: (error: unknown) => void;
  /** How long a claimed step stays this node's before another may take it. */
  readonly leaseMs?: number;
  /** Steps claimed at once. */
  readonly batchSize?: number;
  /** Requests go first: each slice of sending waits for a gap in serving (at most 5 s). */
  readonly servingFirst?: ServingFirst;
}

const POLL_MS = 1_000;
/** Steps decided together and finished in one transaction: one commit (a disk sync) per GROUP messages. */
const GROUP = 128;
/** The longest the runner decides before letting waiting requests in (ms). */
const SLICE_MS = 4;

/**
 * Sends the journey steps that fall due: claims a batch (a lease no other node can take meanwhile),
 * decides each step at send time (the journey, the customer, the condition, consent, holdout, caps,
 * quiet hours), builds the message and finishes the step in the transaction that writes it to the
 * webhook outbox. A node killed after claiming loses nothing (the lease ends and another node takes
 * the step) and a step finished once is never finished again, so nothing is sent twice.
 */
export class JourneyRunner {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;
  #queued: Promise<number> | undefined;

  constructor(private readonly deps: JourneyRunnerDeps) {}

  start(): void {
    this.#timer = setInterval(() => this.nudge(), POLL_MS);
    this.#timer.unref();
    this.nudge();
  }

  /** Looks for due steps now (a batch planned one, or the poll). */
  nudge(): void {
    this.runDue().catch(this.deps.onError);
  }

  /**
   * Handles every step due now, batch after batch; resolves to how many were handled. Runs one at a
   * time: a call during a run waits for it and runs again after (one queued run serves all such calls).
   */
  runDue(): Promise<number> {
    if (this.#queued !== undefined) return this.#queued;
    const previous = this.#running ?? Promise.resolve(0);
    const run: Promise<number> = previous
      .catch(() => 0)
      .then(() => {
        this.#queued = undefined;
        this.#running = run;
        return this.#drain();
      })
      .finally(() => {
        if (this.#running === run) this.#running = undefined;
      });
    this.#queued = run;
    return run;
  }

  async stop(): Promise<void> {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    await this.#running?.catch(() => undefined);
  }

  async #drain(): Promise<number> {
    const { store, clock } = this.deps;
    let handled = 0;
    for (;;) {
      await this.#turn();
      const claimed = await store.claimJourneySteps(
        clock.now(),
        this.deps.batchSize ?? GROUP,
        this.deps.leaseMs ?? 60_000,
      );
      if (claimed.length === 0) return handled;
      for (let start = 0; start < claimed.length; start += GROUP) {
        const finishes = await this.#decideGroup(claimed.slice(start, start + GROUP));
        await this.#turn();
        // One commit for the group: on a store that syncs every commit to disk, that is the cost.
        const now = clock.now();
        await store.finishJourneySteps(finishes, now, this.#sendCheck(finishes, now));
      }
      handled += claimed.length;
    }
  }

  /** Waits for the next slice of sending: for a gap in serving when the node counts its requests. */
  #turn(): Promise<void> {
    return this.deps.servingFirst?.turn() ?? nextTurn();
  }

  /**
   * Decides a group of claimed steps on what the store holds for them, read once for the group (the
   * customers, their messages in the cap's window, the journeys). Each customer's steps are decided
   * one after another, so the messages decided here count against the cap before they are written;
   * customers side by side, to hide the store's round trips. Every SLICE_MS of work lets requests in.
   */
  async #decideGroup(group: readonly ClaimedStep[]): Promise<Finish[]> {
    const { store, clock, limits } = this.deps;
    const now = clock.now();
    const profileIds = [...new Set(group.map((step) => step.profileId))];
    const [profiles, sent] = await Promise.all([
      store.getProfiles(profileIds),
      store.countJourneyMessagesOf(profileIds, now - limits.cap.windowMs),
    ]);
    const journeys = new Map<string, Journey | undefined>();
    for (const id of new Set(group.map((step) => step.journeyId)))
      journeys.set(id, this.deps.journey(id) ?? (await store.getJourney(id)));
    let sliceStarted = performance.now();
    const decideAll = async (steps: readonly ClaimedStep[]): Promise<Finish[]> => {
      const finishes: Finish[] = [];
      for (const step of steps) {
        try {
          const read = { journey: journeys.get(step.journeyId), stored: profiles.get(step.profileId) };
          const finish = await this.#decide(step, read, sent.get(step.profileId) ?? 0, now);
          if (finish !== undefined) finishes.push(finish);
          if (finish?.outcome.status === 'sent')
            sent.set(step.profileId, (sent.get(step.profileId) ?? 0) + 1);
        } catch (error) {
          // Left claimed: the lease runs out and the step is tried again, here or elsewhere.
          this.deps.onError(error);
        }
        if (performance.now() - sliceStarted >= SLICE_MS) {
          await this.#turn();
          sliceStarted = performance.now();
        }
      }
      return finishes;
    };
    return (await Promise.all([...byProfile(group).values()].map(decideAll))).flat();
  }

  /**
   * What to write for a due step (undefined: deferred, already written), on what was read for it;
   * `sentInWindow`: the customer's messages in the cap's window, those decided here included.
   */
  async #decide(
    step: ClaimedStep,
    { journey, stored }: { journey: Journey | undefined; stored: VersionedProfile | undefined },
    sentInWindow: number,
    now: number,
  ): Promise<Finish | undefined> {
    const { store, limits } = this.deps;
    const decision = decideSend({
      journey,
      stepId: step.stepId,
      triggerAt: step.triggerAt,
      customer: stored === undefined ? undefined : customerAtSend(stored.profile, this.deps.marketingDefault),
      sentInWindow,
      heldOut: journey !== undefined && isHeldOut(journey, step.userId),
      limits,
      now,
    });
    if (decision.action === 'defer') {
      await store.deferJourneyStep(step, decision.until);
      return undefined;
    }
    if (decision.action === 'skip') return { step, outcome: { status: 'skipped', reason: decision.reason } };
    const definition = journey?.steps.find((each) => each.id === step.stepId);
    if (decision.action === 'hold_out' || journey === undefined || definition === undefined)
      return { step, outcome: { status: 'held_out' } };
    const { data, coupon } = await this.deps.builder.build(journey, definition, step, now, {
      withCoupon: true,
    });
    const payload = JSON.stringify({ type: 'journey.message', timestamp: new Date(now).toISOString(), data });
    const message = {
      id: step.id,
      webhookId: definition.webhookId,
      profileId: step.profileId,
      type: 'journey.message',
      payload,
    };
    return {
      step,
      outcome: { status: 'sent', message, ...(coupon !== undefined && { coupon }) },
      journey,
      ...(stored !== undefined && { profileVersion: stored.version }),
    };
  }

  /**
   * What the finish checks again under the customer's lock: the cap, counted in the store (another
   * node may have sent since this one counted), and the customer's side of the decision when their
   * profile changed since it was read (consent withdrawn, the cart bought meanwhile).
   */
  #sendCheck(finishes: readonly Finish[], now: number): SendCheck {
    const { limits, marketingDefault } = this.deps;
    const journeys = new Map(finishes.map((finish) => [finish.step.id, finish.journey]));
    return {
      cap: { count: limits.cap.count, since: now - limits.cap.windowMs },
      recheck: (step, profile) => {
        const journey = journeys.get(step.id);
        const decision = decideSend({
          journey,
          stepId: step.stepId,
          triggerAt: step.triggerAt,
          customer: profile === undefined ? undefined : customerAtSend(profile, marketingDefault),
          // The cap and the holdout do not depend on the profile, and the store counts the cap itself.
          sentInWindow: 0,
          heldOut: false,
          // Quiet hours were checked when deciding; a time zone changed since does not hold a message back.
          limits: { cap: limits.cap },
          now,
        });
        return decision.action === 'skip' ? decision.reason : undefined;
      },
    };
  }
}

/** A decided step; `journey` and `profileVersion`: what the decision read, for the finish's recheck. */
type Finish = StepFinish & { readonly journey?: Journey };

/** Steps by the profile they are for, in claim order. */
function byProfile(steps: readonly ClaimedStep[]): Map<string, ClaimedStep[]> {
  const grouped = new Map<string, ClaimedStep[]>();
  for (const step of steps) grouped.set(step.profileId, [...(grouped.get(step.profileId) ?? []), step]);
  return grouped;
}

/** The customer as send-time checks read them. */
export function customerAtSend(profile: Profile, marketingDefault: 'granted' | 'denied'): CustomerAtSend {
  const zone = profile.traits['timezone'] ?? profile.traits['timeZone'];
  const lastOrderAt =
    profile.stats.lastOrderAt === undefined ? undefined : Date.parse(profile.stats.lastOrderAt);
  return {
    marketingConsent: profile.consent.marketing?.granted ?? marketingDefault === 'granted',
    segments: profile.segments,
    ...(lastOrderAt !== undefined && { lastOrderAt }),
    cartSize: profile.cart.length,
    ...(typeof zone === 'string' && { timeZone: zone }),
  };
}

/** Whether a customer is in a journey's holdout: a stable hash of both ids, so it never flips. */
export function isHeldOut(journey: Journey, userId: string): boolean {
  if (journey.holdoutPercent <= 0) return false;
  const digest = hash('sha256', `${journey.id}\u0000${userId}`, 'buffer');
  return digest.readUInt32BE(0) % 100 < journey.holdoutPercent;
}
