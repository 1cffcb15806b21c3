import type { Journey, JourneyDraft, PlannedStep, SkipReason } from '../domain/journeys/index.js';
import type { Profile } from '../domain/profiles/index.js';
import type { VersionPrecondition, WriteOptions } from './catalog-store.js';

/** A planned step as stored: its id is also the `messageId` of the message it becomes. */
export interface ScheduledStep extends PlannedStep {
  readonly id: string;
}

export type StepStatus = 'pending' | 'sent' | 'held_out' | 'skipped';

/** A stored step with how it ended (or that it has not yet). */
export interface StepRecord extends ScheduledStep {
  readonly status: StepStatus;
  readonly reason: string | null;
  /** Epoch ms it was sent, held out or skipped. */
  readonly finishedAt: number | null;
  readonly couponCode: string | null;
  /** Orders within the attribution window after it, and their revenue (minor units, store currency). */
  readonly orders: number;
  readonly revenue: number;
}

/** A due step one node holds for a while: only the holder of `claimToken` may finish it. */
export interface ClaimedStep extends ScheduledStep {
  readonly claimToken: string;
}

/** A personal single-use coupon, written with the message that carries it. */
export interface PersonalCoupon {
  readonly code: string;
  readonly promotionId: string;
  /** Salted hash of the customer's userId, as checkout keys customers. */
  readonly customerKey: string;
  readonly expiresAt: number;
}

/** The webhook message a sent step writes to the outbox (an `OutboxEntry`). */
export interface JourneyMessage {
  readonly id: string;
  readonly webhookId: string;
  readonly profileId: string;
  readonly type: string;
  readonly payload: string;
}

/** How a claimed step ends. */
export type StepOutcome =
  | { readonly status: 'sent'; readonly message: JourneyMessage; readonly coupon?: PersonalCoupon }
  | { readonly status: 'held_out' }
  | { readonly status: 'skipped'; readonly reason: SkipReason };

/** A claimed step and how it ends, as the runner decided it. */
export interface StepFinish {
  readonly step: ClaimedStep;
  readonly outcome: StepOutcome;
  /** The version of the customer's profile the decision read; a message is re-checked when it moved. */
  readonly profileVersion?: number;
}

/**
 * What a finish checks again under the customer's lock, because the decision read it before: two
 * nodes deciding for one customer at once both count below the cap, and consent may be withdrawn
 * between deciding and writing. A message that no longer passes is written as skipped, without its coupon.
 */
export interface SendCheck {
  /** At most `count` messages per profile finished at or after `since`, across journeys, these included. */
  readonly cap: { readonly count: number; readonly since: number };
  /**
   * Decides again a message whose customer changed since (the profile's version moved; undefined:
   * the profile is gone): why it is skipped now, or undefined to send it.
   */
  readonly recheck: (step: ClaimedStep, profile: Profile | undefined) => SkipReason | undefined;
}

/** Journeys (versioned documents) and their planned steps. */
export interface JourneyStore {
  putJourney(draft: JourneyDraft, options: WriteOptions): Promise<Journey>;
  getJourney(id: string): Promise<Journey | undefined>;
  listJourneys(): Promise<Journey[]>;
  /** Deletes a journey and its steps still waiting; false when it did not exist. */
  deleteJourney(id: string, ifVersion: VersionPrecondition | undefined): Promise<boolean>;
  /**
   * Stores planned steps; one whose (journey, step, occurrence) is stored already is skipped, so an
   * occurrence heard twice plans once. A step that `supersedes` skips the customer's older waiting
   * steps of the journey (reason `superseded`). Resolves to how many were new.
   */
  scheduleJourneySteps(steps: readonly ScheduledStep[]): Promise<number>;
  /**
   * Leases up to `limit` waiting steps due by `now` for `leaseMs`, oldest due first. Two nodes never
   * hold the same step at once; a node that dies frees its steps when the lease ends.
   */
  claimJourneySteps(now: number, limit: number, leaseMs: number): Promise<ClaimedStep[]>;
  /**
   * Finishes a claimed step in one transaction with what it writes (the outbox message, the coupon):
   * only while the caller still holds the lease and the step still waits. False when it did not.
   */
  finishJourneyStep(step: ClaimedStep, outcome: StepOutcome, now: number): Promise<boolean>;
  /**
   * Finishes several claimed steps in one transaction (one durable commit for a batch of messages),
   * each as `finishJourneyStep` would. With `check`, the messages' customers are serialised with
   * every other finish (a lock per profile, held to the commit) and each message is checked again
   * in claim order: over the cap counted in the store, or no longer passing `check.recheck`, it is
   * written as skipped (reason `frequency_cap` or the recheck's) and its coupon is not written.
   * Resolves to the ids it finished.
   */
  finishJourneySteps(finishes: readonly StepFinish[], now: number, check?: SendCheck): Promise<Set<string>>;
  /** Puts a claimed step back to wait until `dueAt` (quiet hours). False when the lease was lost. */
  deferJourneyStep(step: ClaimedStep, dueAt: number): Promise<boolean>;
  /** How many messages journeys sent a profile at or after `since`. */
  countJourneyMessages(profileId: string, since: number): Promise<number>;
  /** How many messages journeys sent each of these profiles at or after `since` (absent: none). */
  countJourneyMessagesOf(profileIds: readonly string[], since: number): Promise<Map<string, number>>;
  /** Every step of a journey (for its stats). */
  journeyStepsOf(journeyId: string): Promise<StepRecord[]>;
  /** The last message sent to a profile, if any. */
  lastJourneyMessage(profileId: string): Promise<StepRecord | undefined>;
  /** A profile's steps finished as sent or held out at or after `since` (candidates for attribution). */
  finishedJourneySteps(profileId: string, since: number): Promise<StepRecord[]>;
  /** Adds an attributed order and its revenue (minor units) to a step. */
  addJourneyOutcome(stepId: string, orders: number, revenue: number): Promise<void>;
  /** Which of these codes (normalised) are personal: their customer and expiry. */
  personalCoupons(codes: readonly string[]): Promise<Map<string, { customerKey: string; expiresAt: number }>>;
}
