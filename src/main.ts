import { randomBytes, randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { InProcessEventBus } from './adapters/bus/in-process-event-bus.js';
import { RedisEventBus } from './adapters/bus/redis-event-bus.js';
import { systemClock } from './adapters/clock/system-clock.js';
import { readNdjsonFile } from './adapters/files/ndjson.js';
import { packageRoot } from './adapters/files/package-root.js';
import { openShippedProductFile } from './adapters/files/shipped-files.js';
import { buildApp } from './adapters/http/build-app.js';
import { createNodeHttpTransport } from './adapters/webhooks/node-http-transport.js';
import { createProductRecordValidator } from './adapters/http/products/record-validator.js';
import { createLogger } from './adapters/logging/logger.js';
import { createPostgresStore } from './adapters/store/postgres/postgres-store.js';
import { createSqliteStore } from './adapters/store/sqlite/sqlite-store.js';
import { ApiKeyService, type CreatedKey } from './app/access/api-keys.js';
import { CustomerTokens } from './app/access/customer-tokens.js';
import { CatalogService } from './app/catalog/catalog-service.js';
import { CustomerContexts } from './app/customers/customer-context.js';
import { PricingService } from './app/pricing/pricing-service.js';
import { Checkout } from './app/promotions/checkout.js';
import { PromotionService } from './app/promotions/promotion-service.js';
import { ContentService } from './app/content/content-service.js';
import { ListingService } from './app/listing/listing-service.js';
import { DecideService } from './app/decide/decide-service.js';
import { LiveUpdates } from './app/live/live-updates.js';
import { setUpDemoMerchandising } from './app/demo/demo-merchandising.js';
import { DecisionLog } from './app/decide/decision-log.js';
import { RecommendationService } from './app/recommendations/recommendation-service.js';
import { createWorkerModelTrainer } from './adapters/compute/worker-model-trainer.js';
import { holdsDemoStore, loadDemoStoreIfEmpty } from './app/demo/demo-store.js';
import type { DemoInvoice } from './app/demo/replay-orders.js';
import { EventIngestion } from './app/profiles/event-ingestion.js';
import { createIdHasher } from './app/profiles/id-hasher.js';
import { ProfileCache } from './app/profiles/profile-cache.js';
import { ProfileService } from './app/profiles/profile-service.js';
import { Readiness } from './app/readiness.js';
import type { Config } from './config/schema.js';
import { Catalog } from './domain/catalog/index.js';
import type { Clock } from './ports/clock.js';
import type { EventBus } from './ports/event-bus.js';
import type { ModelTrainer } from './ports/model-trainer.js';
import type { Store } from './ports/store.js';
import { composeRules, type Rules } from './composition/rules.js';
import { ATTUNE_VERSION } from './version.js';

/** Replacements for tests: a manual clock, a quiet logger, a store or bus made elsewhere. */
export interface AttuneOverrides {
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly store?: Store;
  readonly bus?: EventBus;
  /** Where the heavier recommendation models are trained (a worker thread unless replaced). */
  readonly trainer?: ModelTrainer;
}

/** A composed Attune node: the app (not yet listening) and what it runs on. */
export interface Attune {
  readonly app: FastifyInstance;
  readonly config: Config;
  readonly store: Store;
  readonly bus: EventBus;
  readonly logger: Logger;
  readonly nodeId: string;
  readonly catalog: CatalogService;
  readonly keys: ApiKeyService;
  readonly ingestion: EventIngestion;
  readonly profiles: ProfileService;
  readonly tokens: CustomerTokens;
  readonly rules: Rules;
  readonly pricing: PricingService;
  readonly customers: CustomerContexts;
  readonly promotions: PromotionService;
  readonly checkout: Checkout;
  readonly recommendations: RecommendationService;
  readonly content: ContentService;
  readonly listings: ListingService;
  readonly decide: DecideService;
  readonly live: LiveUpdates;
  /** Keys made by this first start; their values are shown once and never again. */
  readonly createdKeys: readonly CreatedKey[];
  /** Settles when start-up background work (the demo load) is done. */
  readonly backgroundWork: Promise<void>;
  close(): Promise<void>;
}

/** How often the customer-base statistics behind RFM scores are recomputed. */
const STATISTICS_INTERVAL_MS = 10 * 60_000;
/** How long a live page stays watched after its last connection drops, so a reconnect misses nothing. */
const STREAM_GRACE_MS = 60_000;

/**
 * The composition root: the only place that picks concrete adapters. Builds the store and bus from
 * the config, brings the schema up to date, fills memory from the store, then builds the HTTP app.
 */
export async function createAttune(config: Config, overrides: AttuneOverrides = {}): Promise<Attune> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? systemClock;
  const nodeId = randomUUID();
  const store = overrides.store ?? createStore(config);
  const onError = (error: unknown) => logger.error({ err: error }, 'background work failed');
  const bus =
    overrides.bus ??
    (config.redisUrl === undefined
      ? new InProcessEventBus(onError)
      : new RedisEventBus({ url: config.redisUrl, onError }));

  const readiness = new Readiness();
  await readiness.track('migrations', store.migrate());
  const salt = await store.setSettingOnce('erasure.salt', randomBytes(32).toString('hex'));
  const tokenSecret =
    config.customerTokenSecret ??
    (await store.setSettingOnce('customer-tokens.secret', randomBytes(32).toString('base64url')));

  const keys = new ApiKeyService({ store, bus, clock });
  const tokens = new CustomerTokens(tokenSecret, clock);
  const catalogModel = new Catalog();
  const catalog = new CatalogService({
    store,
    bus,
    clock,
    catalog: catalogModel,
    currency: config.currency,
    nodeId,
  });
  const cache = new ProfileCache(config.profileCacheSize);
  const hashId = createIdHasher(salt);
  const productFacts = (productId: string) => {
    const product = catalogModel.getProduct(productId);
    return product === undefined
      ? undefined
      : { categories: product.categories, ...(product.brand !== undefined && { brand: product.brand }) };
  };
  const rules = composeRules({
    store,
    bus,
    clock,
    cache,
    nodeId,
    productFacts,
    onError,
    transport: createNodeHttpTransport({ allowPrivate: config.webhookAllowPrivate }),
  });
  const ingestion = new EventIngestion({
    store,
    bus,
    clock,
    cache,
    currency: config.currency,
    consentDefault: config.consentDefault,
    nodeId,
    hashId,
    onError,
    productFacts,
    rules: rules.rules,
  });
  const profiles = new ProfileService({
    store,
    bus,
    clock,
    cache,
    ingestion,
    currency: config.currency,
    consentDefault: config.consentDefault,
    hashId,
    nodeId,
    standing: (profile, now) => rules.standing(profile, now),
  });
  const pricing = new PricingService({
    store,
    bus,
    clock,
    catalog: catalogModel,
    nodeId,
    minMarginPercent: config.minMarginPercent,
  });
  const promotions = new PromotionService({
    store,
    bus,
    clock,
    catalog: catalogModel,
    currency: config.currency,
    nodeId,
  });
  const checkout = new Checkout({
    store,
    clock,
    catalog: catalogModel,
    pricing,
    promotions,
    ingestion,
    hashId,
    minOrderTotal: config.minOrderTotal,
    storeCurrency: config.currency,
  });
  const recommendations = new RecommendationService({
    store,
    bus,
    clock,
    catalog,
    ingestion,
    profiles,
    trainer: overrides.trainer ?? createWorkerModelTrainer(),
    nodeId,
    onError,
    settings: {
      denseItems: config.recsDenseItems,
      easeLambda: config.recsEaseLambda,
      eventWeights: config.recsEventWeights,
      rebuildMinutes: config.recsRebuildMinutes,
    },
  });
  const content = new ContentService({ store, bus, clock, nodeId });
  const listings = new ListingService({
    store,
    bus,
    nodeId,
    catalog: catalogModel,
    clock,
    pricing,
    profiles,
    recommendations,
    promotions,
    checkout,
  });
  const decisionLog = new DecisionLog(store, onError);
  const decide = new DecideService({ clock, listings, recommendations, content, checkout, log: decisionLog });
  const customers = new CustomerContexts({
    profiles,
    tokens,
    registry: rules.registry,
    program: () => rules.loyalty.program(),
    consentDefault: config.consentDefault,
    now: () => clock.now(),
  });
  const live = new LiveUpdates({
    bus,
    customers,
    tokens,
    pricing,
    promotions,
    catalog,
    checkout,
    onError,
    heartbeatMs: config.streamHeartbeatSeconds * 1000,
    graceMs: STREAM_GRACE_MS,
    maxConnections: config.streamMaxConnections,
  });
  await readiness.track(
    'loading from the store',
    Promise.all([
      keys.start(),
      catalog.start(),
      ingestion.start(),
      profiles.start(),
      pricing.start(),
      promotions.start(),
      content.start(),
      listings.start(),
      live.start(),
    ])
      .then(() => rules.attach(ingestion, profiles))
      .then(() => recommendations.start()),
  );
  await profiles.refreshStatistics();
  const statisticsTimer = setInterval(
    () => void profiles.refreshStatistics().catch(onError),
    STATISTICS_INTERVAL_MS,
  );
  statisticsTimer.unref();
  const createdKeys = await keys.ensureKeys(config, nodeId);

  const app = await buildApp({
    version: ATTUNE_VERSION,
    logger,
    store,
    bus,
    readiness,
    metrics: new Registry(),
    keys,
    tokens,
    catalog,
    ingestion,
    profiles,
    rules,
    pricing,
    customers,
    promotions,
    checkout,
    recommendations,
    content,
    listings,
    decide,
    live,
    ...(config.demo && {
      demo: { webRoot: resolve(packageRoot(), 'web/dist'), holdsDemo: () => holdsDemoStore(store) },
    }),
    storeCurrency: config.currency,
  });
  const backgroundWork = config.demo
    ? readiness
        .track(
          'demo load',
          loadDemoStoreIfEmpty(demoSource(), {
            store,
            catalog,
            ingestion,
            now: () => clock.now(),
            validate: createProductRecordValidator(),
            storeCurrency: config.currency,
            log: (message) => logger.info(message),
            merchandise: () =>
              setUpDemoMerchandising({
                segments: rules.segments,
                pricing,
                promotions,
                content,
                currency: config.currency,
              }),
          }).then(async (loaded) => {
            await profiles.refreshStatistics();
            // The replayed history was learnt online; the heavier models learn it before the demo is ready.
            if (loaded) await recommendations.trainOnWhatIsLearnt();
          }),
        )
        .catch(onError)
    : Promise.resolve();

  return {
    app,
    config,
    store,
    bus,
    logger,
    nodeId,
    catalog,
    keys,
    ingestion,
    profiles,
    tokens,
    rules,
    pricing,
    customers,
    promotions,
    checkout,
    recommendations,
    content,
    listings,
    decide,
    live,
    createdKeys,
    backgroundWork,
    async close() {
      clearInterval(statisticsTimer);
      await app.close();
      await backgroundWork;
      recommendations.stop();
      await decisionLog.close();
      await rules.stop();
      await bus.close();
      await store.close();
    },
  };
}

function createStore(config: Config): Store {
  return config.databaseUrl === undefined
    ? createSqliteStore(join(config.dataDir, 'attune.db'))
    : createPostgresStore({ connectionString: config.databaseUrl });
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
