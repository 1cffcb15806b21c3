import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRedisKeys, redisUrl, uniqueName } from '../support/services.js';
import { PUBLISHABLE_KEY, productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

/** Two shops on one Redis: each writes only under its own ATTUNE_REDIS_PREFIX. */
describe.skipIf(redisUrl === null)('the Redis key prefix', () => {
  const prefix = uniqueName('shop_a');
  let node: TestAttune;

  beforeAll(async () => {
    node = await startTestAttune({
      REDIS_URL: redisUrl as string,
      ATTUNE_REDIS_PREFIX: prefix,
      ATTUNE_RATE_LIMIT_PUBLISHABLE: '1000/60s',
    });
  });
  afterAll(async () => {
    await node?.dispose();
    await deleteRedisKeys(`${prefix}:`);
  });

  it('puts the bus and the rate limits under it', async () => {
    expect((await node.call('PUT', '/v1/products/p1', { body: productBody() })).status).toBe(201);
    expect((await node.call('GET', '/v1/products/p1', { key: PUBLISHABLE_KEY })).status).toBe(200);
    const { Redis } = await import('ioredis');
    const client = new Redis(redisUrl as string);
    try {
      const keys = await client.keys(`${prefix}:*`);
      expect(keys.some((key) => key.startsWith(`${prefix}:bus:`))).toBe(true);
      expect(keys.some((key) => key.startsWith(`${prefix}:rate`))).toBe(true);
    } finally {
      await client.quit();
    }
  });

  it('refuses a prefix that is not a plain name', async () => {
    await expect(startTestAttune({ ATTUNE_REDIS_PREFIX: 'a b*' })).rejects.toThrow(/ATTUNE_REDIS_PREFIX/);
  });
});
