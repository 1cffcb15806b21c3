import { registerRecommendationRoutes } from '../adapters/http/recommendations/routes.js';
import { MerchandisingBody } from '../adapters/http/recommendations/schemas.js';
import { storedShapeCheck } from '../adapters/http/stored-shapes.js';
import type { CatalogService } from '../app/catalog/catalog-service.js';
import type { CustomerContexts } from '../app/customers/customer-context.js';
import type { ExperimentAssignments } from '../app/experiments/experiment-assignments.js';
import type { EventIngestion } from '../app/profiles/event-ingestion.js';
import type { ProfileService } from '../app/profiles/profile-service.js';
import type { ProductHydrator } from '../app/listing/hydration.js';
import { RecommendationService } from '../app/recommendations/recommendation-service.js';
import { customerCacheBytes } from '../config/config.js';
import { cacheMetrics } from './cache-metrics.js';
import { capability } from './capability.js';
import { snapshotMetrics } from './snapshot-metrics.js';

/** How long a scheduled snapshot waits after taking its log position, for lessons on their way, ms. */
const SNAPSHOT_GRACE_MS = 2_000;

interface RecommendationsDeps {
  readonly catalog: CatalogService;
  readonly ingestion: EventIngestion;
  readonly profiles: ProfileService;
  readonly customers: CustomerContexts;
  readonly hydrator: ProductHydrator;
  readonly assignments: ExperimentAssignments;
}

/** Recommendation models: learnt online from every commit, the heavier ones rebuilt in a worker. */
export const recommendationsCapability = capability(
  ['catalog', 'profiles', 'promotions', 'experiments'],
  (infra, { catalog, ingestion, profiles, customers, assignments, hydrator }: RecommendationsDeps) => {
    const { store, bus, clock, nodeId, onError, trainer, config, logger } = infra;
    // Read when metrics are collected, by then built.
    const rejected = snapshotMetrics(
      infra.metrics,
      () => clock.now(),
      () => recommendations,
    );
    cacheMetrics(infra.metrics, 'attune_customer_histories', "Customers' histories", () =>
      recommendations.customerHistories(),
    );
    const recommendations = new RecommendationService({
      store,
      bus,
      clock,
      catalog,
      ingestion,
      profiles,
      trainer,
      nodeId,
      onError,
      merchandising: { shape: storedShapeCheck(MerchandisingBody), reportUnloadable: infra.reportUnloadable },
      settings: {
        denseItems: config.recsDenseItems,
        easeLambda: config.recsEaseLambda,
        eventWeights: config.recsEventWeights,
        rebuildMinutes: config.recsRebuildMinutes,
        customerCacheBytes: customerCacheBytes(config).histories,
      },
      snapshots: {
        enabled: config.snapshots,
        minutes: config.snapshotMinutes,
        events: config.snapshotEvents,
        graceMs: SNAPSHOT_GRACE_MS,
      },
      onSnapshotRejected: (header, reason, error) => {
        rejected.inc({ reason });
        logger.warn(
          { snapshot: header.id, format: header.format, reason, err: error },
          'a stored snapshot was not read: the node replays the event log from further back',
        );
      },
    });
    return {
      services: { recommendations },
      routes: [
        (app) =>
          registerRecommendationRoutes(app, {
            recommendations,
            customers,
            experiments: assignments,
            hydrator,
            storeCurrency: config.currency,
          }),
      ],
      start: () => recommendations.start(),
      serving: () => recommendations.trainAfterStart(),
      stop: async () => recommendations.stop(),
    };
  },
);
