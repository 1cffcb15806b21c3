import {
  NO_ACTIVITY,
  type ActivitySpec,
  type LoyaltyProgram,
  type Profile,
} from '../../domain/profiles/index.js';
import type { MembershipChange, OutboxEntry, ScheduledStep } from '../../ports/store.js';
import type { JourneyBatch } from '../journeys/journey-planner.js';

/** What changed about a profile, so only the rules that read it are evaluated again. */
export interface ProfileChange {
  /** Names of the track events applied (`Order Completed`). */
  readonly eventNames: ReadonlySet<string>;
  /** The categories (with their ancestors) of the products each event concerned; absent: unknown, assume any. */
  readonly eventCategories?: ReadonlyMap<string, ReadonlySet<string>>;
  /** An identify or group call changed the traits. */
  readonly traits: boolean;
  /** Everything may have changed (a merge, a back-fill): evaluate every rule. */
  readonly everything?: boolean;
  /** Time has passed (a scheduled re-check): evaluate every rule with a time window. */
  readonly windows?: boolean;
  /** These segments were written (a back-fill): evaluate them and everything that uses them. */
  readonly segments?: ReadonlySet<string>;
}

/** Something a webhook subscriber may want to hear about. */
export interface Announcement {
  readonly type: 'segment.entered' | 'segment.exited' | 'loyalty.tier_changed';
  /** The profile it is about (not sent: the payload names the customer by their own ids). */
  readonly profileId: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A profile after its segments and tier were evaluated, and what that changed. */
export interface Evaluation {
  readonly profile: Profile;
  readonly memberships: readonly MembershipChange[];
  readonly announcements: readonly Announcement[];
  /** When time alone could next change something; null: never; undefined: as before. */
  readonly dueAt: number | null | undefined;
}

/** Evaluates what depends on a profile (segments, tiers) once its events are applied. */
export type ProfileEvaluator = (profile: Profile, change: ProfileChange, now: number) => Evaluation;

/** Everything ingestion needs from the rules in force: what to remember, the loyalty program, evaluation, webhooks. */
export interface ProfileRules {
  activitySpec(): ActivitySpec;
  loyaltyProgram(): LoyaltyProgram | undefined;
  readonly evaluate?: ProfileEvaluator;
  toOutbox(announcements: readonly Announcement[]): OutboxEntry[];
  /** Journey steps a committed batch triggers, planned in its transaction. */
  planJourneys?(batch: JourneyBatch): ScheduledStep[];
}

/** No segments, no loyalty, no webhooks: profiles only. */
export const NO_RULES: ProfileRules = {
  activitySpec: () => NO_ACTIVITY,
  loyaltyProgram: () => undefined,
  toOutbox: () => [],
};
