import { registerLoyaltyRoutes } from '../adapters/http/loyalty/routes.js';
import { storedShapeCheck } from '../adapters/http/stored-shapes.js';
import { registerWebhookRoutes } from '../adapters/http/webhooks/routes.js';
import { WebhookBody } from '../adapters/http/webhooks/schemas.js';
import { registerSegmentRoutes } from '../adapters/http/segments/routes.js';
import { followOtherNodes } from '../app/follow-other-nodes.js';
import type { CatalogService } from '../app/catalog/catalog-service.js';
import { LoyaltyService } from '../app/loyalty/loyalty-service.js';
import type { EventIngestion } from '../app/profiles/event-ingestion.js';
import type { ProfileCache } from '../app/profiles/profile-cache.js';
import { BackfillRunner } from '../app/segments/backfill-runner.js';
import {
  reevaluateProfiles,
  type ReevaluateOptions,
  type ReevaluateResult,
} from '../app/segments/reevaluate.js';
import { SegmentService } from '../app/segments/segment-service.js';
import { WindowScheduler } from '../app/segments/window-scheduler.js';
import { FairSlices, giveWayBy } from '../app/yield-to-requests.js';
import { DeliveryWorker } from '../app/webhooks/delivery-worker.js';
import { WebhookService } from '../app/webhooks/webhook-service.js';
import { capability, type Infrastructure } from './capability.js';
import { productFactsOf } from './catalog.js';
import type { RulesInForce } from './rules-in-force.js';

interface RulesDeps {
  readonly catalog: CatalogService;
  readonly ingestion: EventIngestion;
  readonly profileCache: ProfileCache;
  readonly inForce: RulesInForce;
}

/**
 * Segments, loyalty and webhooks: the services the HTTP edge calls, which load and write the rules
 * in force, and the background machinery (window re-checks, back-fills, webhook delivery). Built
 * after ingestion, so re-checks and back-fills take its exclusive turn between commits.
 */
export const rulesCapability = capability(
  ['catalog', 'profiles'],
  (infra: Infrastructure, deps: RulesDeps) => {
    const { store, bus, clock, nodeId, onError } = infra;
    const { ingestion, inForce } = deps;
    const transport = infra.webhookTransport;
    const worker = new DeliveryWorker({
      store,
      clock,
      registry: inForce.webhooks,
      transport,
      onError,
      servingFirst: infra.servingFirst,
    });
    const reevaluate = (
      ids: readonly string[],
      change: Parameters<typeof reevaluateProfiles>[2],
      options: ReevaluateOptions,
    ) =>
      reevaluateProfiles(
        {
          store,
          cache: deps.profileCache,
          rules: inForce.profileRules,
          productFacts: productFactsOf(deps.catalog),
        },
        ids,
        change,
        clock.now(),
        options,
      );
    const scheduler = new WindowScheduler({
      clock,
      recheck: async (ids) => {
        // Up to 200 profiles whose windows passed together: requests take turns with them.
        const giveWay = giveWayBy(new FairSlices());
        const result = await ingestion.exclusive(() =>
          reevaluate(ids, { eventNames: new Set(), traits: false, windows: true }, { giveWay }),
        );
        await afterReevaluation(result);
      },
      onError,
    });
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
      exclusive: (work) => ingestion.exclusive(work),
      reevaluate,
      onPage: (result) => void afterReevaluation(result).catch(onError),
      onError,
    });
    const segments = new SegmentService({
      store,
      bus,
      clock,
      registry: inForce.segments,
      backfill,
      nodeId,
      activitySpec: () => inForce.profileRules.activitySpec(),
      reportUnloadable: infra.reportUnloadable,
    });
    const loyalty = new LoyaltyService({
      store,
      bus,
      backfill,
      nodeId,
      inForce: inForce.loyalty,
      reportUnloadable: infra.reportUnloadable,
    });
    const webhooks = new WebhookService({
      store,
      bus,
      clock,
      registry: inForce.webhooks,
      transport,
      nodeId,
      shape: storedShapeCheck(WebhookBody),
      reportUnloadable: infra.reportUnloadable,
    });
    ingestion.onCommitted((result) => {
      for (const check of result.checks) scheduler.schedule(check.profileId, check.dueAt);
      if (result.announcements.length > 0) worker.nudge();
    });

    return {
      services: { rules: { segments, loyalty, webhooks, backfill } },
      routes: [
        (app) => registerSegmentRoutes(app, segments, inForce.segments),
        (app) => registerLoyaltyRoutes(app, loyalty),
        (app) => registerWebhookRoutes(app, webhooks),
      ],
      /** Loads segments, program and webhooks, then picks up the re-checks due and starts delivery. */
      start: async () => {
        await Promise.all([segments.start(), loyalty.start(), webhooks.start()]);
        const scheduleStored = async () => {
          for (const check of await store.dueChecks()) scheduler.schedule(check.profileId, check.dueAt);
        };
        await followOtherNodes(bus, nodeId, 'profiles', {
          changed: ({ checks }) => {
            for (const check of checks) scheduler.schedule(check.profileId, check.dueAt);
          },
          missed: scheduleStored,
        });
        await scheduleStored();
        worker.start();
      },
      stop: async () => {
        scheduler.stop();
        await backfill.idle();
        await worker.stop();
      },
    };
  },
);
