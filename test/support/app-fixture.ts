import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { InProcessEventBus } from '../../src/adapters/bus/in-process-event-bus.js';
import { ManualClock } from '../../src/adapters/clock/manual-clock.js';
import { createSqliteStore } from '../../src/adapters/store/sqlite/sqlite-store.js';
import { ApiKeyService } from '../../src/app/access/api-keys.js';
import { CustomerTokens } from '../../src/app/access/customer-tokens.js';
import { CatalogService } from '../../src/app/catalog/catalog-service.js';
import { ContentService } from '../../src/app/content/content-service.js';
import {
  CustomerContexts,
  type CustomerContext,
  type CustomerRequest,
} from '../../src/app/customers/customer-context.js';
import { DecideService } from '../../src/app/decide/decide-service.js';
import { DecisionLog } from '../../src/app/decide/decision-log.js';
import { ListingService } from '../../src/app/listing/listing-service.js';
import { LiveUpdates } from '../../src/app/live/live-updates.js';
import { PricingService } from '../../src/app/pricing/pricing-service.js';
import { EventIngestion, type IngestResult } from '../../src/app/profiles/event-ingestion.js';
import { createIdHasher } from '../../src/app/profiles/id-hasher.js';
import { ProfileCache } from '../../src/app/profiles/profile-cache.js';
import { ProfileService } from '../../src/app/profiles/profile-service.js';
import { Checkout } from '../../src/app/promotions/checkout.js';
import { PromotionService } from '../../src/app/promotions/promotion-service.js';
import { RecommendationService } from '../../src/app/recommendations/recommendation-service.js';
import { composeRules, type Rules } from '../../src/composition/rules.js';
import { configFor } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import { Catalog, type ProductInput } from '../../src/domain/catalog/index.js';
import { trainEase } from '../../src/domain/recommendations/index.js';
import { DomainError } from '../../src/domain/shared/index.js';
import type { EventBus } from '../../src/ports/event-bus.js';
import type { ModelTrainer } from '../../src/ports/model-trainer.js';
import type { Store } from '../../src/ports/store.js';
import type { WebhookTransport } from '../../src/ports/webhook-transport.js';

/**
 * The application services of one node, wired as `src/main.ts` wires them but without HTTP: a real
 * SQLite store in a temporary folder, the in-process bus and a manual clock. App-level tests call
 * the services' public methods and look at what they answered, stored and published.
 *
 * The wiring is written out here on purpose (not taken from `createAttune`), so that a test reads
 * which services a use case involves and a change of constructors shows up in one place.
 */
export interface AppFixture {
  readonly config: Config;
  readonly dataDir: string;
  readonly store: Store;
  readonly bus: EventBus;
  readonly clock: ManualClock;
  readonly nodeId: string;
  /** What background work reported through `onError`; a healthy test leaves it empty. */
  readonly errors: unknown[];
  readonly catalogModel: Catalog;
  readonly cache: ProfileCache;
  readonly keys: ApiKeyService;
  readonly tokens: CustomerTokens;
  readonly catalog: CatalogService;
  readonly rules: Rules;
  readonly ingestion: EventIngestion;
  readonly profiles: ProfileService;
  readonly pricing: PricingService;
  readonly promotions: PromotionService;
  readonly checkout: Checkout;
  readonly recommendations: RecommendationService;
  readonly content: ContentService;
  readonly listings: ListingService;
  readonly decisionLog: DecisionLog;
  readonly decide: DecideService;
  readonly customers: CustomerContexts;
  readonly live: LiveUpdates;
  /** The customer a request names, resolved as the HTTP edge resolves it (trusted unless told). */
  customer(request?: Partial<CustomerRequest>): Promise<CustomerContext>;
  /** Submits events as the merchant's server (secret key); fails the test if one is refused. */
  track(...events: readonly Record<string, unknown>[]): Promise<IngestResult>;
  /** Writes products with sensible defaults (a GBP price, a category). */
  addProducts(...products: readonly ({ id: string } & Partial<ProductInput>)[]): Promise<void>;
  /** Every payload published on `topic` since the fixture started, in order. */
  published(topic: string): readonly Record<string, unknown>[];
  /** Stops the background work, closes what this fixture opened and removes its folder. */
  close(): Promise<void>;
}

export interface AppFixtureOptions {
  /** Settings over the documented defaults (currency GBP, consent granted...). */
  readonly config?: Partial<Config>;
  /** Share a store and bus with another fixture: a second node of the same shop. */
  readonly sharedWith?: Pick<AppFixture, 'store' | 'bus' | 'clock'>;
  /** Where EASE is trained: in this thread unless replaced. */
  readonly trainer?: ModelTrainer;
  /** Where webhooks go: nowhere (every target allowed, every post answered 204) unless replaced. */
  readonly transport?: WebhookTransport;
  /** Where the manual clock starts (a date, or epoch ms). */
  readonly start?: string | number;
}

/** Trains EASE in the test's own thread: no worker, no built files needed. */
export const inThreadTrainer: ModelTrainer = {
  trainEase: (items, rows, lambda) => Promise.resolve(trainEase(items, rows, lambda)),
};

/** A transport that accepts every target and answers every post with 204, posting nothing. */
export const silentTransport: WebhookTransport = {
  post: () => Promise.resolve(204),
  check: () => Promise.resolve(),
};

const TOPICS = [
  'catalog',
  'prices',
  'promotions',
  'content',
  'profiles',
  'erasures',
  'segments',
  'loyalty',
  'webhooks',
  'keys',
  'listings',
  'recommendations',
  'recommendations.lessons',
];

/** Builds and starts one node's services. Close it in `afterEach`/`afterAll`. */
export async function startApp(options: AppFixtureOptions = {}): Promise<AppFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-app-'));
  const config: Config = {
    ...configFor({ DATA_DIR: dataDir, ATTUNE_DEMO: '0', LOG_LEVEL: 'silent' }),
    recsRebuildMinutes: 0,
    ...options.config,
  };
  const errors: unknown[] = [];
  const onError = (error: unknown) => void errors.push(error);
  const shared = options.sharedWith;
  const store = shared?.store ?? createSqliteStore(join(dataDir, 'attune.db'));
  const bus = shared?.bus ?? new InProcessEventBus(onError);
  const clock = shared?.clock ?? new ManualClock(options.start ?? '2026-03-02T10:00:00.000Z');
  if (shared === undefined) await store.migrate();
  const nodeId = `node-${randomUUID().slice(0, 8)}`;

  const published = new Map<string, Record<string, unknown>[]>();
  for (const topic of TOPICS) {
    const seen: Record<string, unknown>[] = [];
    published.set(topic, seen);
    await bus.subscribe(topic, (payload) => void seen.push(payload));
  }

  const salt = await store.setSettingOnce('erasure.salt', 'test-salt');
  const tokenSecret = await store.setSettingOnce('customer-tokens.secret', 'test-token-secret');
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
    transport: options.transport ?? silentTransport,
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
    trainer: options.trainer ?? inThreadTrainer,
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
    graceMs: 60_000,
    maxConnections: config.streamMaxConnections,
  });
  await Promise.all([
    keys.start(),
    catalog.start(),
    ingestion.start(),
    profiles.start(),
    pricing.start(),
    promotions.start(),
    content.start(),
    listings.start(),
    live.start(),
  ]);
  await rules.attach(ingestion, profiles);
  await recommendations.start();

  return {
    config,
    dataDir,
    store,
    bus,
    clock,
    nodeId,
    errors,
    catalogModel,
    cache,
    keys,
    tokens,
    catalog,
    rules,
    ingestion,
    profiles,
    pricing,
    promotions,
    checkout,
    recommendations,
    content,
    listings,
    decisionLog,
    decide,
    customers,
    live,
    customer: (request = {}) => customers.resolve({ trusted: true, ...request }),
    async track(...events) {
      const result = await ingestion.submit(events, { fromServer: true });
      if (result.rejected.length > 0) throw new Error(`events refused: ${JSON.stringify(result.rejected)}`);
      return result;
    },
    async addProducts(...products) {
      await catalog.putProducts(
        products.map((product) => ({
          title: `Product ${product.id}`,
          categories: ['home'],
          price: { amount: 1_000, currency: config.currency },
          ...product,
        })),
      );
    },
    published: (topic) => published.get(topic) ?? [],
    async close() {
      live.closeAll();
      recommendations.stop();
      await decisionLog.close();
      await rules.stop();
      await pricing.settled();
      if (shared === undefined) {
        await bus.close();
        await store.close();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A `start` for the tests of this file, with `defaults` under each call's options: every fixture it
 * starts is closed after the test that started it, the latest first (a second node before the
 * first, whose store it shares).
 */
export function useApps(
  defaults: AppFixtureOptions = {},
): (options?: AppFixtureOptions) => Promise<AppFixture> {
  const opened: AppFixture[] = [];
  afterEach(async () => {
    for (const fixture of opened.splice(0).reverse()) await fixture.close();
  });
  return async (options) => {
    const fixture = await startApp({ ...defaults, ...options });
    opened.push(fixture);
    return fixture;
  };
}

/** The `DomainError` that `work` throws or rejects with; fails the test when there is none. */
export async function domainErrorOf(work: () => unknown): Promise<DomainError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, and nothing was thrown');
}

/** The `code` of the `DomainError` that `work` throws or rejects with. */
export async function codeOf(work: () => unknown): Promise<string> {
  return (await domainErrorOf(work)).code;
}

/** A tracked `Order Completed` of these products (5.00 each), as the merchant's server sends it. */
export function orderCompleted(userId: string, orderId: string, productIds: readonly string[]) {
  return {
    type: 'track',
    userId,
    event: 'Order Completed',
    properties: {
      order_id: orderId,
      currency: 'GBP',
      products: productIds.map((id) => ({ product_id: id, quantity: 1, price: 5 })),
    },
  };
}
