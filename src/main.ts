import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { InProcessEventBus } from './adapters/bus/in-process-event-bus.js';
import { RedisEventBus } from './adapters/bus/redis-event-bus.js';
import { StoreRelayFollower, StoreRelayPublisher } from './adapters/bus/store-relay.js';
import { systemClock } from './adapters/clock/system-clock.js';
import { createWorkerModelTrainer } from './adapters/compute/worker-model-trainer.js';
import { buildApp } from './adapters/http/build-app.js';
import { createNodeHttpTransport } from './adapters/webhooks/node-http-transport.js';
import { createLogger } from './adapters/logging/logger.js';
import { createPostgresStore } from './adapters/store/postgres/postgres-store.js';
import { createSqliteStore } from './adapters/store/sqlite/sqlite-store.js';
import { createIdHasher } from './app/profiles/id-hasher.js';
import { Readiness } from './app/readiness.js';
import { composeCapabilities, type NodeServices } from './composition/compose.js';
import type { Infrastructure } from './composition/capability.js';
import { catalogCapability } from './composition/catalog.js';
import { NODE_CAPABILITIES } from './composition/node.js';
import type { Config } from './config/schema.js';
import type { Clock } from './ports/clock.js';
import type { EventBus } from './ports/event-bus.js';
import type { ModelTrainer } from './ports/model-trainer.js';
import type { Store } from './ports/store.js';
import { ATTUNE_VERSION } from './version.js';

/**
 * Replacements for tests (a manual clock, a quiet logger, a store or bus made elsewhere), and what
 * the process is for.
 */
export interface AttuneOverrides {
  /**
   * `command` for a short-lived command (`attune import`) rather than a serving node: without Redis,
   * what it changes reaches the serving nodes on the same store through the store (they look every
   * second). Default `node`.
   */
  readonly role?: 'node' | 'command';
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly store?: Store;
  readonly bus?: EventBus;
  /** Where the heavier recommendation models are trained (a worker thread unless replaced). */
  readonly trainer?: ModelTrainer;
}

/**
 * A composed Attune node: the app (not yet listening), what it runs on, and every capability's
 * services (`catalog`, `rules`, `decide`, ..., `createdKeys`, `backgroundWork`).
 */
export type Attune = NodeServices<typeof NODE_CAPABILITIES> & {
  readonly app: FastifyInstance;
  readonly config: Config;
  readonly store: Store;
  readonly bus: EventBus;
  readonly logger: Logger;
  readonly nodeId: string;
  close(): Promise<void>;
};

/**
 * The composition root: the only place that picks concrete adapters. Builds the store and bus from
 * the config, brings the schema up to date, builds and starts the capabilities (filling memory from
 * the store), then builds the HTTP app from their routes.
 */
export async function createAttune(config: Config, overrides: AttuneOverrides = {}): Promise<Attune> {
  const { infra, follower, closeInfrastructure } = await openInfrastructure(config, overrides);
  const node = composeCapabilities(NODE_CAPABILITIES, infra);
  await infra.readiness.track('loading from the store', node.start());
  follower?.follow();
  const app = await buildApp({
    version: ATTUNE_VERSION,
    logger: infra.logger,
    metrics: new Registry(),
    keys: node.services.keys,
    routes: node.routes,
  });
  return {
    ...node.services,
    app,
    config,
    store: infra.store,
    bus: infra.bus,
    logger: infra.logger,
    nodeId: infra.nodeId,
    async close() {
      await follower?.stop();
      await app.close();
      await node.stop();
      await closeInfrastructure();
    },
  };
}

/** What a catalogue command (`attune import products`) composes: the catalogue alone. */
const CATALOG_COMMAND = { catalog: catalogCapability };

/**
 * The catalogue alone, for `attune import products` writing straight into the store: no models
 * rebuilt from the event log, no profiles, no HTTP, so a command starts in the time the catalogue
 * takes to load. What it writes reaches the running nodes as any command's changes do.
 */
export async function createCatalogCommand(
  config: Config,
): Promise<NodeServices<typeof CATALOG_COMMAND> & { close(): Promise<void> }> {
  const { infra, closeInfrastructure } = await openInfrastructure(config, { role: 'command' });
  const node = composeCapabilities(CATALOG_COMMAND, infra);
  await node.start();
  return {
    ...node.services,
    async close() {
      await node.stop();
      await closeInfrastructure();
    },
  };
}

/**
 * The store and bus from the config (or the overrides), the schema brought up to date, and the
 * rest of what capabilities are built on. Without Redis the bus ends at this process: a command
 * relays its messages through the store, and a serving node follows what commands relayed.
 */
async function openInfrastructure(config: Config, overrides: AttuneOverrides) {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const onError = (error: unknown) => logger.error({ err: error }, 'background work failed');
  const store = overrides.store ?? createStore(config);
  const clock = overrides.clock ?? systemClock;
  const relayed = config.redisUrl === undefined && overrides.bus === undefined;
  const command = overrides.role === 'command';
  const ownBus = overrides.bus ?? createBus(config, onError);
  const bus = relayed && command ? new StoreRelayPublisher(ownBus, store, clock) : ownBus;
  const follower =
    relayed && !command
      ? new StoreRelayFollower(store, bus, { intervalMs: RELAY_POLL_MS, onError })
      : undefined;
  const readiness = new Readiness();
  await readiness.track('migrations', store.migrate());
  await follower?.startFromNow();
  const salt = await store.setSettingOnce('erasure.salt', randomBytes(32).toString('hex'));
  const customerTokenSecret =
    config.customerTokenSecret ??
    (await store.setSettingOnce('customer-tokens.secret', randomBytes(32).toString('base64url')));
  const infra: Infrastructure = {
    config,
    logger,
    clock,
    store,
    bus,
    nodeId: randomUUID(),
    readiness,
    onError,
    hashId: createIdHasher(salt),
    customerTokenSecret,
    trainer: overrides.trainer ?? createWorkerModelTrainer(),
    webhookTransport: createNodeHttpTransport({ allowPrivate: config.webhookAllowPrivate }),
  };
  return {
    infra,
    follower,
    closeInfrastructure: async () => {
      await bus.close();
      await store.close();
    },
  };
}

/** How often a node without Redis looks for changes a command relayed through the store, ms. */
const RELAY_POLL_MS = 1_000;

function createStore(config: Config): Store {
  return config.databaseUrl === undefined
    ? createSqliteStore(join(config.dataDir, 'attune.db'))
    : createPostgresStore({ connectionString: config.databaseUrl });
}

function createBus(config: Config, onError: (error: unknown) => void): EventBus {
  return config.redisUrl === undefined
    ? new InProcessEventBus(onError)
    : new RedisEventBus({ url: config.redisUrl, onError });
}
