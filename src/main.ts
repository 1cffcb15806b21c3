import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { InProcessEventBus } from './adapters/bus/in-process-event-bus.js';
import { RedisEventBus } from './adapters/bus/redis-event-bus.js';
import { systemClock } from './adapters/clock/system-clock.js';
import { openShippedProductFile } from './adapters/files/shipped-files.js';
import { buildApp } from './adapters/http/build-app.js';
import { createProductRecordValidator } from './adapters/http/product-record-validator.js';
import { createLogger } from './adapters/logging/logger.js';
import { createPostgresStore } from './adapters/store/postgres/postgres-store.js';
import { createSqliteStore } from './adapters/store/sqlite/sqlite-store.js';
import { ApiKeyService, type CreatedKey } from './app/api-keys.js';
import { CatalogService } from './app/catalog-service.js';
import { loadDemoStoreIfEmpty } from './app/demo-store.js';
import { Readiness } from './app/readiness.js';
import type { Config } from './config/schema.js';
import { Catalog } from './domain/catalog/index.js';
import type { Clock } from './ports/clock.js';
import type { EventBus } from './ports/event-bus.js';
import type { Store } from './ports/store.js';
import { ATTUNE_VERSION } from './version.js';

/** Replacements for tests: a manual clock, a quiet logger, a store or bus made elsewhere. */
export interface AttuneOverrides {
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly store?: Store;
  readonly bus?: EventBus;
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
  /** Keys made by this first start; their values are shown once and never again. */
  readonly createdKeys: readonly CreatedKey[];
  /** Settles when start-up background work (the demo load) is done. */
  readonly backgroundWork: Promise<void>;
  close(): Promise<void>;
}

/**
 * The composition root: the only place that picks concrete adapters. Builds the store and bus from
 * the config, brings the schema up to date, fills memory from the store, then builds the HTTP app.
 */
export async function createAttune(config: Config, overrides: AttuneOverrides = {}): Promise<Attune> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? systemClock;
  const nodeId = randomUUID();
  const store =
    overrides.store ??
    (config.databaseUrl === undefined
      ? createSqliteStore(join(config.dataDir, 'attune.db'))
      : createPostgresStore({ connectionString: config.databaseUrl }));
  const onBusError = (error: unknown) => logger.error({ err: error }, 'bus handler failed');
  const bus =
    overrides.bus ??
    (config.redisUrl === undefined
      ? new InProcessEventBus(onBusError)
      : new RedisEventBus({ url: config.redisUrl, onError: onBusError }));

  const readiness = new Readiness();
  await readiness.track('migrations', store.migrate());
  const keys = new ApiKeyService({ store, bus, clock });
  const catalog = new CatalogService({
    store,
    bus,
    clock,
    catalog: new Catalog(),
    currency: config.currency,
    nodeId,
  });
  await readiness.track('loading from the store', Promise.all([keys.start(), catalog.start()]));
  const createdKeys = await keys.ensureKeys(config, nodeId);

  const app = await buildApp({
    version: ATTUNE_VERSION,
    logger,
    store,
    bus,
    readiness,
    metrics: new Registry(),
    keys,
    catalog,
  });
  const validate = createProductRecordValidator();
  const backgroundWork = config.demo
    ? readiness
        .track(
          'demo load',
          loadDemoStoreIfEmpty(
            {
              currency: 'GBP',
              catalogueRows: () =>
                openShippedProductFile('demo/online-retail/catalogue.ndjson.gz', 'GBP').rows,
            },
            {
              store,
              catalog,
              validate,
              storeCurrency: config.currency,
              log: (message) => logger.info(message),
            },
          ),
        )
        .then(
          () => undefined,
          (error: unknown) => logger.error({ err: error }, 'demo load failed'),
        )
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
    createdKeys,
    backgroundWork,
    async close() {
      await app.close();
      await backgroundWork;
      await bus.close();
      await store.close();
    },
  };
}
