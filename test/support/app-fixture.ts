import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterEach } from 'vitest';
import { InProcessEventBus } from '../../src/adapters/bus/in-process-event-bus.js';
import { ManualClock } from '../../src/adapters/clock/manual-clock.js';
import { createSqliteStore } from '../../src/adapters/store/sqlite/sqlite-store.js';
import type { CustomerContext, CustomerRequest } from '../../src/app/customers/customer-context.js';
import type { IngestResult } from '../../src/app/profiles/event-ingestion.js';
import { createIdHasher } from '../../src/app/profiles/id-hasher.js';
import { ServingFirst } from '../../src/app/serving-first.js';
import { Readiness } from '../../src/app/readiness.js';
import { composeCapabilities, type NodeServices } from '../../src/composition/compose.js';
import { NODE_CAPABILITIES } from '../../src/composition/node.js';
import { configFor } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import type { Catalog, ProductInput } from '../../src/domain/catalog/index.js';
import { trainEase } from '../../src/domain/recommendations/index.js';
import { DomainError } from '../../src/domain/shared/index.js';
import type { EventBus } from '../../src/ports/event-bus.js';
import type { ModelTrainer } from '../../src/ports/model-trainer.js';
import type { Store } from '../../src/ports/store.js';
import type { Topic, Topics } from '../../src/ports/topics.js';
import type { WebhookTransport } from '../../src/ports/webhook-transport.js';

/**
 * The application services of one node, composed exactly as `createAttune` composes them (the same
 * table of capabilities, `src/composition/node.ts`) but without HTTP: a real SQLite store in a
 * temporary folder, the in-process bus, a manual clock, EASE trained in this thread and webhooks
 * posted nowhere. App-level tests call the services' public methods and look at what they
 * answered, stored and published.
 */
export type AppFixture = NodeServices<typeof NODE_CAPABILITIES> & {
  readonly config: Config;
  readonly dataDir: string;
  readonly store: Store;
  readonly bus: EventBus;
  readonly clock: ManualClock;
  readonly nodeId: string;
  /** What background work reported through `onError`; a healthy test leaves it empty. */
  readonly errors: unknown[];
  /** The catalogue held in memory (what the catalogue service serves from). */
  readonly catalogModel: Catalog;
  /** The customer a request names, resolved as the HTTP edge resolves it (trusted unless told). */
  customer(request?: Partial<CustomerRequest>): Promise<CustomerContext>;
  /** Submits events as the merchant's server (secret key); fails the test if one is refused. */
  track(...events: readonly Record<string, unknown>[]): Promise<IngestResult>;
  /** Writes products with sensible defaults (a GBP price, a category). */
  addProducts(...products: readonly ({ id: string } & Partial<ProductInput>)[]): Promise<void>;
  /** Every payload published on `topic` since the fixture started, in order. */
  published<T extends Topic>(topic: T): readonly Topics[T][];
  /** Stops the background work, closes what this fixture opened and removes its folder. */
  close(): Promise<void>;
};

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
  trainEase: (set, lambda) => Promise.resolve(trainEase(set, lambda)),
};

/** A transport that accepts every target and answers every post with 204, posting nothing. */
export const silentTransport: WebhookTransport = {
  post: () => Promise.resolve(204),
  check: () => Promise.resolve(),
};

/** Every topic, so a test can read what was published on any of them. */
const TOPICS: { readonly [K in Topic]: true } = {
  catalog: true,
  prices: true,
  promotions: true,
  content: true,
  experiments: true,
  journeys: true,
  profiles: true,
  erasures: true,
  segments: true,
  loyalty: true,
  webhooks: true,
  keys: true,
  listings: true,
  recommendations: true,
  'recommendations.lessons': true,
  'customer-tokens': true,
};

/** Builds and starts one node's services. Close it in `afterEach`/`afterAll`. */
export async function startApp(options: AppFixtureOptions = {}): Promise<AppFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-app-'));
  const config: Config = {
    ...configFor({ DATA_DIR: dataDir, ATTUNE_DEMO: '0', LOG_LEVEL: 'silent', ATTUNE_CHECK_ANSWERS: 'true' }),
    recsRebuildMinutes: 0,
    // Off unless a test is about them: each node would write one as it closes.
    snapshots: false,
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

  const published = new Map<Topic, unknown[]>();
  for (const topic of Object.keys(TOPICS) as Topic[]) {
    const seen: unknown[] = [];
    published.set(topic, seen);
    await bus.subscribe(topic, (payload) => void seen.push(payload));
  }

  const salt = await store.setSettingOnce('erasure.salt', 'test-salt');
  const readiness = new Readiness();
  const node = composeCapabilities(NODE_CAPABILITIES, {
    config,
    logger: pino({ level: 'silent' }),
    metrics: new Registry(),
    clock,
    store,
    bus,
    nodeId,
    readiness,
    reportUnloadable: (kind, skipped) => readiness.skipped(kind, skipped),
    onError,
    hashId: createIdHasher(salt),
    customerTokenSecret: await store.setSettingOnce('customer-tokens.secret', 'test-token-secret'),
    trainer: options.trainer ?? inThreadTrainer,
    webhookTransport: options.transport ?? silentTransport,
    servingFirst: new ServingFirst(),
  });
  await node.start();
  node.serving();
  const { services } = node;

  return {
    ...services,
    config,
    dataDir,
    store,
    bus,
    clock,
    nodeId,
    errors,
    catalogModel: services.catalog.catalog,
    customer: (request = {}) => services.customers.resolve({ trusted: true, ...request }),
    async track(...events) {
      const result = await services.ingestion.submit(events, { fromServer: true });
      if (result.rejected.length > 0) throw new Error(`events refused: ${JSON.stringify(result.rejected)}`);
      return result;
    },
    async addProducts(...products) {
      await services.catalog.putProducts(
        products.map((product) => ({
          title: `Product ${product.id}`,
          categories: ['home'],
          price: { amount: 1_000, currency: config.currency },
          ...product,
        })),
      );
    },
    published: <T extends Topic>(topic: T) => (published.get(topic) ?? []) as Topics[T][],
    async close() {
      services.live.closeAll();
      await node.stop();
      await services.pricing.settled();
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
