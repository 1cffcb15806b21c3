import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deleteRedisKeys, redisUrl, uniqueName } from '../../../test/support/services.js';
import { RedisStreamCounts } from './redis-stream-counts.js';

const PLACE = [{ name: 'address:203.0.113.9', limit: 1 }];

describe.skipIf(redisUrl === null)('stream counts shared through Redis', () => {
  let redis: Redis;
  const keyPrefix = `${uniqueName('attune_test')}:`;
  const opened: RedisStreamCounts[] = [];
  const counts = (leaseMs: number) => {
    const made = new RedisStreamCounts(redis, { keyPrefix, leaseMs }, (error) => {
      throw error;
    });
    opened.push(made);
    return made;
  };
  beforeAll(() => {
    redis = new Redis(redisUrl as string);
  });
  afterAll(async () => {
    for (const made of opened) made.close();
    await deleteRedisKeys(keyPrefix);
    redis.disconnect();
  });

  it('gives the last place to one holder on any node, and takes it back on release', async () => {
    const [nodeA, nodeB] = [counts(60_000), counts(60_000)];
    expect(await nodeA.take(PLACE, 'a1')).toBeUndefined();
    expect(await nodeB.take(PLACE, 'b1')).toBe('address:203.0.113.9');
    await nodeA.release(['address:203.0.113.9'], 'a1');
    expect(await nodeB.take(PLACE, 'b1')).toBeUndefined();
    await nodeB.release(['address:203.0.113.9'], 'b1');
  });

  it('keeps a renewed place past its lease, and frees a dead node’s place once its lease ends', async () => {
    const [living, dead, other] = [counts(300), counts(300), counts(300)];
    expect(await living.take([{ name: 'key:renewed', limit: 1 }], 'l1')).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await other.take([{ name: 'key:renewed', limit: 1 }], 'o1')).toBe('key:renewed');

    expect(await dead.take([{ name: 'key:crashed', limit: 1 }], 'd1')).toBeUndefined();
    dead.close(); // the node dies: nothing renews its place, nothing releases it
    await vi.waitFor(async () =>
      expect(await other.take([{ name: 'key:crashed', limit: 1 }], 'o2')).toBeUndefined(),
    );
  });
});
