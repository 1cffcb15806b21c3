import { LoyaltyProgramInForce } from '../app/loyalty/loyalty-program-in-force.js';
import type { CustomerStatistics } from '../app/profiles/customer-statistics.js';
import type { ProfileRules } from '../app/profiles/profile-evaluation.js';
import { MembershipEngine } from '../app/segments/membership-engine.js';
import { SegmentRegistry } from '../app/segments/segment-registry.js';
import { WebhookRegistry } from '../app/webhooks/webhook-registry.js';
import { JourneyPlanner } from '../app/journeys/journey-planner.js';
import { loyaltyStatus, type LoyaltyStatus, type Profile } from '../domain/profiles/index.js';
import type { Clock } from '../ports/clock.js';

/**
 * The segments, loyalty program and webhooks this node applies, and what ingestion and profiles read
 * of them. Built before ingestion and filled by the rules capability's services when they start:
 * until then they are simply empty, so an evaluation never meets anything unbuilt.
 */
export interface RulesInForce {
  readonly segments: SegmentRegistry;
  readonly webhooks: WebhookRegistry;
  readonly loyalty: LoyaltyProgramInForce;
  /** The journeys this node plans steps for (filled by the journeys capability). */
  readonly journeys: JourneyPlanner;
  /** What ingestion applies on each commit: activity to keep, evaluation, webhook messages. */
  readonly profileRules: ProfileRules;
  /** What a profile shows of segments and loyalty: stored segments that still exist, and the tier. */
  readonly standing: (
    profile: Profile,
    now: number,
  ) => { segments: readonly string[]; loyalty?: LoyaltyStatus };
}

export function rulesInForce(deps: { clock: Clock; statistics: CustomerStatistics }): RulesInForce {
  const segments = new SegmentRegistry();
  const webhooks = new WebhookRegistry();
  const loyalty = new LoyaltyProgramInForce();
  const journeys = new JourneyPlanner();
  const program = () => loyalty.program();
  const engine = new MembershipEngine({
    registry: segments,
    program,
    computed: (profile, now) => deps.statistics.computedOf(profile, now),
  });
  const profileRules: ProfileRules = {
    activitySpec: () => {
      const current = program();
      const spendTiers = current?.tiers.some((tier) => tier.minSpend !== undefined) === true;
      return segments.activitySpec(
        spendTiers ? { events: ['Order Completed'], windowMs: current?.spendWindowMs ?? null } : {},
      );
    },
    loyaltyProgram: program,
    evaluate: (profile, change, now) => engine.evaluate(profile, change, now),
    toOutbox: (announcements) => webhooks.toOutbox(announcements, deps.clock.now()),
    planJourneys: (batch) => journeys.plan(batch),
  };
  return {
    segments,
    webhooks,
    loyalty,
    journeys,
    profileRules,
    standing: (profile, now) => {
      const current = program();
      return {
        segments: profile.segments.filter(
          (id) => segments.get(id) !== undefined && !segments.isContextual(id),
        ),
        ...(current !== undefined && {
          loyalty: loyaltyStatus(
            profile.loyalty.points,
            profile.activity['Order Completed'] ?? [],
            current,
            now,
          ),
        }),
      };
    },
  };
}
