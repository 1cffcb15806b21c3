import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RedisEventBus } from '../../src/adapters/bus/redis-event-bus.js';
import { createPostgresStore } from '../../src/adapters/store/postgres/postgres-store.js';
import {
  createTestPostgresStore,
  deleteRedisKeys,
  postgresUrl,
  redisUrl,
  uniqueName,
} from '../support/services.js';
import { startFaultProxy, type FaultProxy } from '../../bench/lib/fault-proxy.js';
import { productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';
import { twoNodeServicesUp } from '../support/two-nodes.js';

/**
 * A node cut off for longer than the bus keeps messages (here about a hundred per topic) catches
 * up from the store instead of serving what it held before: the catalogue is the hardest case,
 * since its messages name the products that changed and a lost one names nothing.
 */
describe.skipIf(!twoNodeServicesUp)('a node that fell behind the bus', () => {
  let writer: TestAttune;
  let follower: TestAttune;
  let proxy: FaultProxy;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const keyPrefix = `${uniqueName('attune_test')}:`;
    const { hostname, port } = new URL(redisUrl as string);
    proxy = await startFaultProxy({ host: hostname, port: Number(port || 6379) });
    const { store, schema, drop } = await createTestPostgresStore();
    const settings = { DATABASE_URL: postgresUrl as string, REDIS_URL: redisUrl as string };
    writer = await startTestAttune(settings, {
      store,
      bus: new RedisEventBus({ url: redisUrl as string, keyPrefix, retainPerTopic: 10 }),
      rateLimitKeyPrefix: `${keyPrefix}rate`,
    });
    follower = await startTestAttune(settings, {
      store: createPostgresStore({ connectionString: postgresUrl as string, schema, maxConnections: 4 }),
      bus: new RedisEventBus({ url: proxy.url('redis'), keyPrefix, retainPerTopic: 10 }),
      rateLimitKeyPrefix: `${keyPrefix}rate`,
    });
    cleanups.push(async () => {
      proxy.resume();
      await Promise.all([writer.dispose(), follower.dispose()]);
      await proxy.close();
      await drop();
      await deleteRedisKeys(keyPrefix);
    });
  });
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('reads the whole catalogue again, so changes whose messages were lost still reach it', async () => {
    await writer.call('PUT', '/v1/products/kettle', { body: productBody({ title: 'Kettle' }) });
    await writer.call('PUT', '/v1/products/teapot', { body: productBody({ title: 'Teapot' }) });
    await writer.call('PUT', '/v1/collections/tea', { body: { title: 'Tea', productIds: ['teapot'] } });
    await vi.waitFor(async () =>
      expect((await follower.call('GET', '/v1/collections/tea')).status).toBe(200),
    );

    proxy.stall();
    await writer.call('PUT', '/v1/products/kettle', { body: productBody({ title: 'Kettle, renamed' }) });
    await writer.call('DELETE', '/v1/products/teapot');
    await writer.call('DELETE', '/v1/collections/tea');
    await writer.call('PUT', '/v1/products/cosy', { body: productBody({ title: 'Tea cosy' }) });
    // Enough changes after those that the bus no longer keeps the messages about them.
    for (let index = 0; index < 250; index += 1)
      await writer.call('PUT', `/v1/inventory/cosy`, { body: { available: index } });
    proxy.resume();

    await vi.waitFor(
      async () => {
        expect((await follower.call('GET', '/v1/products/kettle')).json().title).toBe('Kettle, renamed');
        expect((await follower.call('GET', '/v1/products/teapot')).status).toBe(404);
        expect((await follower.call('GET', '/v1/collections/tea')).status).toBe(404);
        expect((await follower.call('GET', '/v1/products/cosy')).json().title).toBe('Tea cosy');
      },
      { timeout: 20_000, interval: 200 },
    );
  });
});
