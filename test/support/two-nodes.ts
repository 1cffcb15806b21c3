import { RedisEventBus } from '../../src/adapters/bus/redis-event-bus.js';
import { createPostgresStore } from '../../src/adapters/store/postgres/postgres-store.js';
import { createTestPostgresStore, deleteRedisKeys, postgresUrl, redisUrl, uniqueName } from './services.js';
import { startTestAttune, type TestAttune } from './test-attune.js';

/** True when PostgreSQL and Redis answer, which two nodes need (suites skip otherwise). */
export const twoNodeServicesUp = postgresUrl !== null && redisUrl !== null;

/** Two nodes sharing one PostgreSQL schema and one Redis namespace, as a deployment of two would. */
export interface TwoNodes {
  readonly nodeA: TestAttune;
  readonly nodeB: TestAttune;
  /** The Redis namespace of this pair (bus, rate limits, stream quotas), removed on dispose. */
  readonly keyPrefix: string;
  /** Closes both nodes, drops the schema and deletes the Redis keys. */
  dispose(): Promise<void>;
}

/**
 * Starts two nodes on PostgreSQL (a schema of their own) and Redis (keys under a prefix of their
 * own), with the same `settings`. Only call it when {@link twoNodeServicesUp}.
 */
export async function startTwoNodes(settings: Record<string, string> = {}): Promise<TwoNodes> {
  const keyPrefix = `${uniqueName('attune_test')}:`;
  const { store, schema, drop } = await createTestPostgresStore();
  const node = (nodeStore: typeof store) =>
    startTestAttune(
      { DATABASE_URL: postgresUrl as string, REDIS_URL: redisUrl as string, ...settings },
      {
        store: nodeStore,
        bus: new RedisEventBus({ url: redisUrl as string, keyPrefix }),
        rateLimitKeyPrefix: `${keyPrefix}rate`,
      },
    );
  const nodeA = await node(store);
  const nodeB = await node(
    createPostgresStore({ connectionString: postgresUrl as string, schema, maxConnections: 4 }),
  );
  return {
    nodeA,
    nodeB,
    keyPrefix,
    async dispose() {
      await Promise.all([nodeA.dispose(), nodeB.dispose()]);
      await drop();
      await deleteRedisKeys(keyPrefix);
    },
  };
}
