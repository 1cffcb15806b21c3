import { resolve } from 'node:path';
import { readNdjsonFile } from '../adapters/files/ndjson.js';
import { packageRoot } from '../adapters/files/package-root.js';
import { openShippedProductFile } from '../adapters/files/shipped-files.js';
import { createProductRecordValidator } from '../adapters/http/products/record-validator.js';
import { registerDemoRoutes } from '../adapters/http/demo/routes.js';
import type { ApiKeyService } from '../app/access/api-keys.js';
import type { CustomerTokens } from '../app/access/customer-tokens.js';
import type { CatalogService } from '../app/catalog/catalog-service.js';
import type { ContentService } from '../app/content/content-service.js';
import { setUpDemoExperiment } from '../app/demo/demo-experiment.js';
import { setUpDemoMerchandising } from '../app/demo/demo-merchandising.js';
import { holdsDemoStore, loadDemoStoreIfEmpty } from '../app/demo/demo-store.js';
import type { DemoInvoice } from '../app/demo/replay-orders.js';
import type { ExperimentService } from '../app/experiments/experiment-service.js';
import type { ExperimentAssignments } from '../app/experiments/experiment-assignments.js';
import type { ExposureLog } from '../app/experiments/exposure-log.js';
import type { CustomerContexts } from '../app/customers/customer-context.js';
import type { DecideService } from '../app/decide/decide-service.js';
import type { DecisionLog } from '../app/decide/decision-log.js';
import type { PricingService } from '../app/pricing/pricing-service.js';
import type { CustomerStatistics } from '../app/profiles/customer-statistics.js';
import type { EventIngestion } from '../app/profiles/event-ingestion.js';
import type { PromotionService } from '../app/promotions/promotion-service.js';
import type { RecommendationService } from '../app/recommendations/recommendation-service.js';
import type { SegmentService } from '../app/segments/segment-service.js';
import { capability, type Infrastructure } from './capability.js';

interface DemoDeps {
  readonly keys: ApiKeyService;
  readonly tokens: CustomerTokens;
  readonly catalog: CatalogService;
  readonly ingestion: EventIngestion;
  readonly statistics: CustomerStatistics;
  readonly rules: { readonly segments: SegmentService };
  readonly pricing: PricingService;
  readonly promotions: PromotionService;
  readonly content: ContentService;
  readonly recommendations: RecommendationService;
  readonly experiments: ExperimentService;
  readonly assignments: ExperimentAssignments;
  readonly exposures: ExposureLog;
  readonly customers: CustomerContexts;
  readonly decide: DecideService;
  readonly decisionLog: DecisionLog;
}

/**
 * Demo mode (`ATTUNE_DEMO`): the demo storefront's routes, and the demo store loaded into an empty
 * store in the background (readiness `demo load`), after which the heavier models learn it.
 * `backgroundWork` settles when that load is over (at once outside demo mode).
 */
export const demoCapability = capability(
  [
    'access',
    'catalog',
    'profiles',
    'rules',
    'pricing',
    'promotions',
    'content',
    'recommendations',
    'experiments',
    'decide',
  ],
  (infra: Infrastructure, deps: DemoDeps) => {
    const { store, config } = infra;
    if (!config.demo) return { services: { backgroundWork: Promise.resolve() } };
    let begin: (work: Promise<void>) => void = () => {};
    const backgroundWork = new Promise<void>((settle) => (begin = settle));
    return {
      services: { backgroundWork },
      routes: [
        (app) =>
          registerDemoRoutes(app, {
            keys: deps.keys,
            tokens: deps.tokens,
            catalog: deps.catalog.catalog,
            currency: config.currency,
            webRoot: resolve(packageRoot(), 'web/dist'),
            holdsDemo: () => holdsDemoStore(store),
          }),
      ],
      start: async () =>
        begin(infra.readiness.track('demo load', loadDemo(infra, deps)).catch(infra.onError)),
      stop: () => backgroundWork,
    };
  },
);

/** Loads the demo store if the store is empty; then the statistics and the heavier models learn it. */
async function loadDemo(infra: Infrastructure, deps: DemoDeps): Promise<void> {
  const { store, clock, config, logger } = infra;
  const loaded = await loadDemoStoreIfEmpty(demoSource(), {
    store,
    catalog: deps.catalog,
    ingestion: deps.ingestion,
    now: () => clock.now(),
    validate: createProductRecordValidator(),
    storeCurrency: config.currency,
    log: (message) => logger.info(message),
    merchandise: () =>
      setUpDemoMerchandising({
        segments: deps.rules.segments,
        pricing: deps.pricing,
        promotions: deps.promotions,
        content: deps.content,
        currency: config.currency,
      }),
  });
  await deps.statistics.refresh();
  // The replayed history was learnt online; the heavier models learn it before the demo is ready.
  if (!loaded) return;
  // A running experiment with simulated visitors sent through decide and ingestion, so its results
  // (and the outcomes dashboard) have numbers from the start. They run while the heavier models
  // train (off this thread): the models learn the year of history, which the visitors barely add to.
  const training = deps.recommendations.trainOnWhatIsLearnt();
  const started = clock.now();
  const enrolled = await setUpDemoExperiment({
    experiments: deps.experiments,
    customers: deps.customers,
    assignments: deps.assignments,
    decide: deps.decide,
    ingestion: deps.ingestion,
    flushLogs: async () => {
      await deps.exposures.flush();
      await deps.decisionLog.flush();
    },
    currency: config.currency,
  });
  logger.info(`demo experiment: ${enrolled} simulated visitors in ${clock.now() - started} ms`);
  await training;
}

/** The demo extract shipped in demo/online-retail (see its README section for the attribution). */
function demoSource() {
  return {
    currency: 'GBP',
    catalogueRows: () => openShippedProductFile('demo/online-retail/catalogue.ndjson.gz', 'GBP').rows,
    invoices: () =>
      readNdjsonFile<DemoInvoice>(resolve(packageRoot(), 'demo/online-retail/orders.ndjson.gz')),
  };
}
