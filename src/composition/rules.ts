import { followOtherNodes } from '../app/follow-other-nodes.js';
import { LoyaltyService } from '../app/loyalty/loyalty-service.js';
import type { EventIngestion } from '../app/profiles/event-ingestion.js';
import type { ProfileCache } from '../app/profiles/profile-cache.js';
import type { ProfileRules } from '../app/profiles/profile-evaluation.js';
import type { ProfileService } from '../app/profiles/profile-service.js';
import { BackfillRunner } from '../app/segments/backfill-runner.js';
import { MembershipEngine } from '../app/segments/membership-engine.js';
import { reevaluateProfiles, type ReevaluateResult } from '../app/segments/reevaluate.js';
import { SegmentRegistry } from '../app/segments/segment-registry.js';
import { SegmentService } from '../app/segments/segment-service.js';
import { WindowScheduler } from '../app/segments/window-scheduler.js';
import { DeliveryWorker } from '../app/webhooks/delivery-worker.js';
import { WebhookRegistry } from '../app/webhooks/webhook-registry.js';
import { WebhookService } from '../app/webhooks/webhook-service.js';
import { loyaltyStatus, type ProductFacts } from '../domain/profiles/index.js';
import type { Clock } from '../ports/clock.js';
import type { EventBus } from '../ports/event-bus.js';
import type { Store } from '../ports/store.js';
import type { WebhookTransport } from '../ports/webhook-transport.js';

export interface RulesDeps {
  readonly store: Store;
  readonly bus: EventBus;
  readonly clock: Clock;
  readonly cache: ProfileCache;
  readonly nodeId: string;
  readonly transport: WebhookTransport;
  readonly productFacts: (productId: string) => ProductFacts | undefined;
  readonly onError: (error: unknown) => void;
}

/**
 * Segments, loyalty and webhooks, wired together: the rules ingestion applies, the services the HTTP
 * edge calls, and the background machinery (window scheduler, back-fills, webhook delivery).
 * `attach` connects them to ingestion and profiles, which are built with `rules` first.
 */
export function composeRules(deps: RulesDeps) {
  const { store, bus, clock, cache, nodeId } = deps;
  const registry = new SegmentRegistry();
  const webhookRegistry = new WebhookRegistry();
  const late: { ingestion?: EventIngestion; profiles?: ProfileService; loyalty?: LoyaltyService } = {};
  const program = () => late.loyalty?.program();
  const engine = new MembershipEngine({
    registry,
    program,
    computed: (profile, now) => (late.profiles as ProfileService).computedOf(profile, now),
  });
  const rules: ProfileRules = {
    activitySpec: () => {
      const current = program();
      const spendTiers = current?.tiers.some((tier) => tier.minSpend !== undefined) === true;
      return registry.activitySpec(
        spendTiers ? { events: ['Order Completed'], windowMs: current?.spendWindowMs ?? null } : {},
      );
    },
    loyaltyProgram: program,
    evaluate: (profile, change, now) => engine.evaluate(profile, change, now),
    toOutbox: (announcements) => webhookRegistry.toOutbox(announcements, clock.now()),
  };
  const worker = new DeliveryWorker({
    store,
    clock,
    registry: webhookRegistry,
    transport: deps.transport,
    onError: deps.onError,
  });
  const scheduler = new WindowScheduler({
    clock,
    recheck: async (ids) => {
      const ingestion = late.ingestion as EventIngestion;
      const result = await ingestion.exclusive(() =>
        reevaluate(ids, { eventNames: new Set(), traits: false, windows: true }),
      );
      await afterReevaluation(result);
    },
    onError: deps.onError,
  });
  const reevaluate = (
    ids: readonly string[],
    change: Parameters<typeof reevaluateProfiles>[2],
    rebuild?: Parameters<typeof reevaluateProfiles>[4],
  ) =>
    reevaluateProfiles(
      { store, cache, rules, productFacts: deps.productFacts },
      ids,
      change,
      clock.now(),
      rebuild,
    );
  const afterReevaluation = async (result: ReevaluateResult) => {
    for (const check of result.checks) scheduler.schedule(check.profileId, check.dueAt);
    if (result.announcements.length > 0) worker.nudge();
    if (result.profiles.length > 0 || result.checks.length > 0) {
      await bus.publish('profiles', {
        origin: nodeId,
        profileIds: result.profiles.map((entry) => entry.profile.id),
        identities: [],
        checks: result.checks,
      });
    }
  };
  const backfill = new BackfillRunner({
    store,
    now: () => clock.now(),
    exclusive: (work) => (late.ingestion as EventIngestion).exclusive(work),
    reevaluate,
    onPage: (result) => void afterReevaluation(result).catch(deps.onError),
    onError: deps.onError,
  });
  const segments = new SegmentService({
    store,
    bus,
    clock,
    registry,
    backfill,
    nodeId,
    activitySpec: () => rules.activitySpec(),
  });
  const loyalty = new LoyaltyService({ store, bus, backfill, nodeId });
  late.loyalty = loyalty;
  const webhooks = new WebhookService({
    store,
    bus,
    clock,
    registry: webhookRegistry,
    transport: deps.transport,
    nodeId,
  });

  return {
    rules,
    registry,
    segments,
    loyalty,
    webhooks,
    backfill,
    scheduler,
    /** What a profile shows of segments and loyalty: stored segments that still exist, and the tier. */
    standing: (profile: Parameters<typeof engine.evaluate>[0], now: number) => {
      const current = program();
      return {
        segments: profile.segments.filter(
          (id) => registry.get(id) !== undefined && !registry.isContextual(id),
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
    /** Connects ingestion and profiles, then loads segments, program and webhooks and starts the background work. */
    async attach(ingestion: EventIngestion, profiles: ProfileService): Promise<void> {
      late.ingestion = ingestion;
      late.profiles = profiles;
      ingestion.onCommitted((result) => {
        for (const check of result.checks) scheduler.schedule(check.profileId, check.dueAt);
        if (result.announcements.length > 0) worker.nudge();
      });
      await Promise.all([segments.start(), loyalty.start(), webhooks.start()]);
      await followOtherNodes(bus, nodeId, 'profiles', ({ checks }) => {
        for (const check of checks) scheduler.schedule(check.profileId, check.dueAt);
      });
      for (const check of await store.dueChecks()) scheduler.schedule(check.profileId, check.dueAt);
      worker.start();
    },
    async stop(): Promise<void> {
      scheduler.stop();
      await backfill.idle();
      await worker.stop();
    },
  };
}

export type Rules = ReturnType<typeof composeRules>;
