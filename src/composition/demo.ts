import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { readNdjsonFile } from '../adapters/files/ndjson.js';
import { packageRoot } from '../adapters/files/package-root.js';
import { openShippedProductFile } from '../adapters/files/shipped-files.js';
import { createProductRecordValidator } from '../adapters/http/products/record-validator.js';
import { DEMO_MAILBOX_PATH, registerDemoJourneyRoutes } from '../adapters/http/demo/journey-routes.js';
import { registerDemoRoutes } from '../adapters/http/demo/routes.js';
import type { ApiKeyService } from '../app/access/api-keys.js';
import type { CustomerTokens } from '../app/access/customer-tokens.js';
import type { CatalogService } from '../app/catalog/catalog-service.js';
import type { ContentService } from '../app/content/content-service.js';
import { setUpDemoExperiment } from '../app/demo/demo-experiment.js';
import { setUpDemoJourneys } from '../app/demo/demo-journeys.js';
import { DemoMailbox } from '../app/demo/demo-mailbox.js';
import { setUpDemoMerchandising } from '../app/demo/demo-merchandising.js';
import { holdsDemoStore, loadDemoStoreIfEmpty } from '../app/demo/demo-store.js';
import type { DemoInvoice } from '../app/demo/replay-orders.js';
import type { ExperimentService } from '../app/experiments/experiment-service.js';
import type { ExperimentAssignments } from '../app/experiments/experiment-assignments.js';
import type { ExposureLog } from '../app/experiments/exposure-log.js';
import type { CustomerContexts } from '../app/customers/customer-context.js';
import type { DecideService } from '../app/decide/decide-service.js';
import type { DecisionLog } from '../app/decide/decision-log.js';
import type { JourneyService } from '../app/journeys/journey-service.js';
import type { Checkout } from '../app/promotions/checkout.js';
import type { WebhookService } from '../app/webhooks/webhook-service.js';
import type { PricingService } from '../app/pricing/pricing-service.js';
import type { CustomerStatistics } from '../app/profiles/customer-statistics.js';
import type { EventIngestion } from '../app/profiles/event-ingestion.js';
import type { PromotionService } from '../app/promotions/promotion-service.js';
import type { RecommendationService } from '../app/recommendations/recommendation-service.js';
import type { SegmentService } from '../app/segments/segment-service.js';
import { HttpProblem } from '../adapters/http/problem.js';
import { capability, type Infrastructure } from './capability.js';

interface DemoDeps {
  readonly keys: ApiKeyService;
  readonly tokens: CustomerTokens;
  readonly catalog: CatalogService;
  readonly ingestion: EventIngestion;
  readonly statistics: CustomerStatistics;
  readonly rules: { readonly segments: SegmentService; readonly webhooks: WebhookService };
  readonly pricing: PricingService;
  readonly promotions: PromotionService;
  readonly checkout: Checkout;
  readonly journeys: JourneyService;
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
 * `backgroundWork` settles when that load is over (at once outside demo mode). Then, once the node
 * listens, the demo's journeys deliver to its own mailbox (readiness `demo journeys`; docs/journeys.md).
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
    'journeys',
  ],
  (infra: Infrastructure, deps: DemoDeps) => {
    const { store, config } = infra;
    if (!config.demo)
      return {
        services: { backgroundWork: Promise.resolve(), demoMailbox: undefined as DemoMailbox | undefined },
      };
    let begin: (work: Promise<void>) => void = () => {};
    const backgroundWork = new Promise<void>((settle) => (begin = settle));
    const mailbox = new DemoMailbox(`whsec_${randomBytes(32).toString('base64')}`, infra.clock);
    // Where the node listens, once it does (undefined if it closes first, or listens out of loopback's reach).
    let heard: (url: string | undefined) => void = () => {};
    const mailboxUrl = new Promise<string | undefined>((settle) => (heard = settle));
    let journeysWork: Promise<void> = Promise.resolve();
    let demoHere = false;
    const requireDemo = async () => {
      demoHere ||= await holdsDemoStore(store);
      if (!demoHere) throw new HttpProblem('route_not_found', 'this store does not hold the demo (yet)');
    };
    return {
      services: { backgroundWork, demoMailbox: mailbox },
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
        (app) => {
          app.server.once('listening', () => heard(mailboxUrlOf(app.server.address())));
          return registerDemoJourneyRoutes(app, {
            mailbox,
            tokens: deps.tokens,
            checkout: deps.checkout,
            customers: deps.customers,
            experiments: deps.assignments,
            currency: config.currency,
            requireDemo,
          });
        },
      ],
      start: async () => {
        begin(infra.readiness.track('demo load', loadDemo(infra, deps)).catch(infra.onError));
        // The journeys need the mailbox's address, known once the node listens, and the demo loaded.
        journeysWork = infra.readiness
          .track('demo journeys', startDemoJourneys(infra, deps, mailbox, backgroundWork, mailboxUrl))
          .catch(infra.onError);
      },
      stop: async () => {
        heard(undefined);
        await Promise.all([backgroundWork, journeysWork]);
      },
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

/**
 * Once the demo is loaded and the node listens: lets the transport reach the mailbox's exact URL
 * (the one exception to the address policy, made here and nowhere else) and sets the journeys up.
 */
async function startDemoJourneys(
  infra: Infrastructure,
  deps: DemoDeps,
  mailbox: DemoMailbox,
  loaded: Promise<void>,
  mailboxUrl: Promise<string | undefined>,
): Promise<void> {
  await loaded;
  const url = await mailboxUrl;
  if (url === undefined || !(await holdsDemoStore(infra.store))) return;
  const allowance = infra.ownWebhookReceiver;
  if (allowance === undefined) return;
  allowance.allow(url);
  await setUpDemoJourneys(
    { webhooks: deps.rules.webhooks, promotions: deps.promotions, journeys: deps.journeys },
    { url, secret: mailbox.webhookSecret },
  );
  infra.logger.info(`demo journeys deliver to the demo mailbox at ${url}`);
}

/**
 * The mailbox's URL on a loopback address the node listens on: 127.0.0.1 (or ::1) when it listens
 * on every interface or on loopback; undefined on another single interface, which loopback does not reach.
 */
const LOOPBACK_OF: Readonly<Record<string, string>> = {
  '0.0.0.0': '127.0.0.1',
  '::': '[::1]',
  '::1': '[::1]',
};

function mailboxUrlOf(address: AddressInfo | string | null): string | undefined {
  if (address === null || typeof address === 'string') return undefined;
  const host =
    LOOPBACK_OF[address.address] ?? (address.address.startsWith('127.') ? address.address : undefined);
  return host === undefined ? undefined : `http://${host}:${address.port}${DEMO_MAILBOX_PATH}`;
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
