import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { Counter, Gauge, Registry } from 'prom-client';
import { InProcessEventBus } from './adapters/bus/in-process-event-bus.js';
import { RedisEventBus } from './adapters/bus/redis-event-bus.js';
import { StoreRelayFollower, StoreRelayPublisher } from './adapters/bus/store-relay.js';
import { systemClock } from './adapters/clock/system-clock.js';
import { createWorkerModelTrainer } from './adapters/compute/worker-model-trainer.js';
import { buildApp } from './adapters/http/build-app.js';
import { createNodeHttpTransport } from './adapters/webhooks/node-http-transport.js';
import { OwnReceiverAllowance } from './adapters/webhooks/own-receiver.js';
import { createLogger } from './adapters/logging/logger.js';
import { createPostgresStore } from './adapters/store/postgres/postgres-store.js';
import { createSqliteStore } from './adapters/store/sqlite/sqlite-store.js';
import { hmacSha256Hex } from './app/keyed-hash.js';
import { createIdHasher } from './app/profiles/id-hasher.js';
import type { UnloadableReport } from './app/loadable.js';
import { previewableClock } from './app/preview/preview-clock.js';
import { Readiness } from './app/readiness.js';
import { ServingFirst } from './app/serving-first.js';
import { composeCapabilities, type NodeServices } from './composition/compose.js';
import type { Infrastructure } from './composition/capability.js';
import { productImportCapability } from './composition/catalog.js';
import { createRateLimits, createStreamCounts } from './composition/redis-limits.js';
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
  /** Namespace of the Redis keys of rate limits and stream counts, over `ATTUNE_REDIS_PREFIX` (tests give each run its own). */
  readonly rateLimitKeyPrefix?: string;
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
  /** The requests in flight, which background work lets go first. */
  readonly servingFirst: ServingFirst;
  close(): Promise<void>;
};

/**
 * The composition root: the only place that picks concrete adapters. Builds the store and bus from
 * the config, brings the schema up to date, builds and starts the capabilities (filling memory from
 * the store), then builds the HTTP app from their routes.
 */
export async function createAttune(config: Config, overrides: AttuneOverrides = {}): Promise<Attune> {
  const { infra, follower, metrics, salt, rateLimits, closeInfrastructure } = await openInfrastructure(
    config,
    overrides,
  );
  const node = composeCapabilities(NODE_CAPABILITIES, infra);
  await infra.readiness.track('loading from the store', node.start());
  follower?.follow();
  const app = await buildApp({
    version: ATTUNE_VERSION,
    logger: infra.logger,
    metrics,
    keys: node.services.keys,
    sessions: node.services.sessions,
    clock: infra.clock,
    routes: node.routes,
    servingFirst: infra.servingFirst,
    pseudonymise: createLogPseudonymiser(salt),
    rateLimiter: rateLimits.limiter,
    trustProxy: config.trustProxy,
    metricsRequireKey: config.metricsRequireKey,
    checkAnswers: config.checkAnswers,
    timeouts: {
      headersMs: config.headersTimeoutSeconds * 1000,
      requestMs: config.requestTimeoutSeconds * 1000,
      keepAliveMs: config.keepAliveTimeoutSeconds * 1000,
    },
  });
  // Only now: begun during the start, scans of every profile and EASE's read of every customer's
  // history held the start up by seconds at 200k events, competing for the CPU.
  node.serving();
  return {
    ...node.services,
    app,
    config,
    store: infra.store,
    bus: infra.bus,
    logger: infra.logger,
    nodeId: infra.nodeId,
    servingFirst: infra.servingFirst,
    async close() {
      await follower?.stop();
      await app.close();
      await node.stop();
      await closeInfrastructure();
    },
  };
}

/** What a catalogue command (`attune import products`) composes: the product writer alone. */
const CATALOG_COMMAND = { importer: productImportCapability };

/**
 * The product writer alone, for `attune import products` writing straight into the store: no
 * catalogue loaded, no models rebuilt from the event log, no profiles, no HTTP, so a command starts
 * at once whatever the store holds. What it writes reaches the running nodes as any command's
 * changes do.
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
  const metrics = new Registry();
  const store = overrides.store ?? createStore(config, logger, metrics);
  // Every service reads this clock, so `POST /v1/decide` with `preview` can answer as of another time.
  const clock = previewableClock(overrides.clock ?? systemClock);
  const command = overrides.role === 'command';
  // Without Redis (and no bus given), the bus ends at this process and the store relays between them.
  const local =
    config.redisUrl === undefined && overrides.bus === undefined ? new InProcessEventBus(onError) : undefined;
  const ownBus = local ?? overrides.bus ?? createBus(config, onError);
  const bus = local !== undefined && command ? new StoreRelayPublisher(local, store, clock) : ownBus;
  const follower =
    local !== undefined && !command
      ? new StoreRelayFollower(store, local, { intervalMs: RELAY_POLL_MS, onError })
      : undefined;
  const readiness = new Readiness();
  countUnloadable(metrics, readiness);
  await readiness.track('migrations', store.migrate());
  await follower?.startFromNow();
  const salt = await store.setSettingOnce('erasure.salt', randomBytes(32).toString('hex'));
  const customerTokenSecret =
    config.customerTokenSecret ??
    (await store.setSettingOnce('customer-tokens.secret', randomBytes(32).toString('base64url')));
  const streams = command
    ? undefined
    : await createStreamCounts(config, overrides.rateLimitKeyPrefix ?? config.redisPrefix, onError);
  const rateLimits = await createRateLimits(
    command ? { ...config, redisUrl: undefined } : config,
    overrides.rateLimitKeyPrefix ?? `${config.redisPrefix}:rate`,
    onError,
  );
  // Demo mode only: the demo mailbox, on this node's loopback address, is the one receiver let past
  // the address policy (its URL is set by the demo's start-up, never by a setting).
  const ownWebhookReceiver = config.demo && !command ? new OwnReceiverAllowance() : undefined;
  const infra: Infrastructure = {
    config,
    logger,
    metrics,
    clock,
    store,
    bus,
    nodeId: randomUUID(),
    readiness,
    reportUnloadable: unloadableReporter(readiness, logger),
    onError,
    hashId: createIdHasher(salt),
    customerTokenSecret,
    trainer: overrides.trainer ?? createWorkerModelTrainer(),
    webhookTransport: createNodeHttpTransport({
      allowPrivate: config.webhookAllowPrivate,
      ...(ownWebhookReceiver !== undefined && { ownReceiver: ownWebhookReceiver }),
    }),
    ...(ownWebhookReceiver !== undefined && { ownWebhookReceiver }),
    signInLimiter: rateLimits.signIn,
    ...(streams !== undefined && { streamCounts: streams.counts }),
    servingFirst: new ServingFirst(),
  };
  return {
    infra,
    follower,
    metrics,
    salt,
    rateLimits,
    closeInfrastructure: async () => {
      rateLimits.close();
      streams?.close();
      await bus.close();
      await store.close();
    },
  };
}

/** How often a node without Redis looks for changes a command relayed through the store, ms. */
const RELAY_POLL_MS = 1_000;

/**
 * A keyed hash of customer ids for request logs: under a key derived from the store's erasure salt,
 * so the same customer reads the same in every node's logs, and a log keeps no id an erasure removed.
 */
function createLogPseudonymiser(salt: string): (id: string) => string {
  const key = createHmac('sha256', salt).update('request logs').digest();
  const keyed = hmacSha256Hex(key);
  return (id) => keyed(id).slice(0, 16);
}

function createStore(config: Config, logger: Logger, metrics: Registry): Store {
  if (config.databaseUrl === undefined) return createSqliteStore(join(config.dataDir, 'attune.db'));
  const lost = new Counter({
    name: 'attune_store_idle_connection_errors_total',
    help: 'Idle PostgreSQL connections that failed (a restart, an ended backend) and were replaced',
    registers: [metrics],
  });
  return createPostgresStore({
    connectionString: config.databaseUrl,
    erasureVacuum: config.erasureVacuum,
    onConnectionError: (error) => {
      lost.inc();
      // The code and message only: a connection error never needs the URL, which may hold a password.
      const { code } = error as { code?: unknown };
      logger.warn({ code, reason: error.message }, 'an idle store connection failed; it will be replaced');
    },
  });
}

function createBus(config: Config, onError: (error: unknown) => void): EventBus {
  return config.redisUrl === undefined
    ? new InProcessEventBus(onError)
    : new RedisEventBus({
        url: config.redisUrl,
        keyPrefix: `${config.redisPrefix}:bus:`,
        retainPerTopic: config.busRetainPerTopic,
        onError,
      });
}

/**
 * Stored objects a load left out, kept for `/readyz` and `/metrics` and logged when first left out:
 * loads repeat (an unknown API key reloads the keys), and one bad row must not fill the log.
 */
function unloadableReporter(readiness: Readiness, logger: Logger): UnloadableReport {
  return (kind, skipped) => {
    const known = new Set(
      readiness
        .skippedObjects()
        .filter((object) => object.kind === kind)
        .map(({ id, reason }) => `${id}\n${reason}`),
    );
    readiness.skipped(kind, skipped);
    for (const { id, reason } of skipped) {
      if (known.has(`${id}\n${reason}`)) continue;
      logger.warn({ kind, id, reason }, 'a stored object does not load: skipped, the node serves without it');
    }
  };
}

/** `attune_unloadable_objects`: what `/readyz` reports as skipped, for alerting. */
function countUnloadable(registry: Registry, readiness: Readiness): void {
  new Gauge({
    name: 'attune_unloadable_objects',
    help: 'Stored objects the node left out because they do not load, by kind',
    labelNames: ['kind'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const { kind } of readiness.skippedObjects()) this.inc({ kind });
    },
  });
}
