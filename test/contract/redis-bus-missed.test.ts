import { afterEach, describe, expect, it, vi } from 'vitest';
import { RedisEventBus } from '../../src/adapters/bus/redis-event-bus.js';
import { deleteRedisKeys, redisUrl, uniqueName } from '../support/services.js';
import { startFaultProxy, type FaultProxy } from '../../bench/lib/fault-proxy.js';

interface Topics {
  readonly orders: { readonly index: number };
}

/**
 * A node that falls further behind than the bus keeps (paused, cut off) is told so, in order with
 * its messages, so it can read what it missed from the store; within what the bus keeps it misses
 * nothing and is told nothing.
 */
describe.skipIf(redisUrl === null)('Redis bus: a subscriber that fell behind', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function twoBuses(retainPerTopic: number) {
    const { hostname, port } = new URL(redisUrl as string);
    const proxy: FaultProxy = await startFaultProxy({ host: hostname, port: Number(port || 6379) });
    const keyPrefix = `${uniqueName('attune_test')}:`;
    const publisher = new RedisEventBus<Topics>({ url: redisUrl as string, keyPrefix, retainPerTopic });
    const follower = new RedisEventBus<Topics>({ url: proxy.url('redis'), keyPrefix, retainPerTopic });
    cleanups.push(async () => {
      proxy.resume();
      await Promise.all([publisher.close(), follower.close()]);
      await proxy.close();
      await deleteRedisKeys(keyPrefix);
    });
    const seen: (number | 'missed')[] = [];
    await follower.subscribe('orders', ({ index }) => void seen.push(index), {
      onMissed: () => void seen.push('missed'),
    });
    return { proxy, publisher, seen };
  }

  it('is told it missed messages before anything published after them, and gets the ones the bus still kept in order', async () => {
    const { proxy, publisher, seen } = await twoBuses(10);
    await publish(publisher, 0, 5);
    await vi.waitFor(() => expect(seen).toEqual([0, 1, 2, 3, 4]));
    proxy.stall();
    await publish(publisher, 5, 1_005);
    proxy.resume();
    await vi.waitFor(() => expect(seen.at(-1)).toBe(1_004));
    // Every message lost is announced before anything published after it arrives; what arrives
    // comes in order, each once. (A read already waiting when the stall began may still bring a
    // message, and a loss is announced whenever it cannot be ruled out, so there may be more.)
    const numbers = seen.filter((each): each is number => each !== 'missed');
    expect(numbers).toEqual([...new Set(numbers)].sort((a, b) => a - b));
    expect(numbers.length).toBeLessThan(500);
    const received = new Set(numbers);
    const firstMissed = seen.indexOf('missed');
    expect(firstMissed).toBeGreaterThanOrEqual(5);
    for (let lost = 0; lost < 1_005; lost += 1) {
      if (received.has(lost)) continue;
      const firstLater = seen.findIndex((each) => each !== 'missed' && each > lost);
      expect(seen.slice(0, firstLater)).toContain('missed');
    }
    expect(seen.filter((each) => each === 'missed').length).toBeGreaterThanOrEqual(1);
  });

  it('misses nothing and is told nothing while the bus still keeps what it fell behind by', async () => {
    const { proxy, publisher, seen } = await twoBuses(10_000);
    await publish(publisher, 0, 5);
    await vi.waitFor(() => expect(seen).toHaveLength(5));
    proxy.stall();
    await publish(publisher, 5, 1_005);
    proxy.resume();
    await vi.waitFor(() => expect(seen).toHaveLength(1_005));
    expect(seen).toEqual(Array.from({ length: 1_005 }, (_, index) => index));
  });
});

/**
 * A publisher that cannot reach Redis (a restart) keeps what it publishes, in order, and writes it
 * once Redis is back; if more waits than it may keep, readers are told that messages were lost.
 */
describe.skipIf(redisUrl === null)('Redis bus: publishing while Redis is away', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function cutOffPublisher(maxPendingBytes?: number) {
    const { hostname, port } = new URL(redisUrl as string);
    const proxy: FaultProxy = await startFaultProxy({ host: hostname, port: Number(port || 6379) });
    const keyPrefix = `${uniqueName('attune_test')}:`;
    const publisher = new RedisEventBus<Topics>({
      url: proxy.url('redis'),
      keyPrefix,
      ...(maxPendingBytes !== undefined && { maxPendingBytes }),
    });
    const follower = new RedisEventBus<Topics>({ url: redisUrl as string, keyPrefix });
    cleanups.push(async () => {
      proxy.restore();
      await Promise.all([publisher.close(), follower.close()]);
      await proxy.close();
      await deleteRedisKeys(keyPrefix);
    });
    const seen: (number | 'missed')[] = [];
    await follower.subscribe('orders', ({ index }) => void seen.push(index), {
      onMissed: () => void seen.push('missed'),
    });
    await publisher.publish('orders', { index: 0 });
    await vi.waitFor(() => expect(seen).toEqual([0]));
    return { proxy, publisher, seen };
  }

  it('answers the publisher at once and delivers everything, in order, once Redis is back', async () => {
    const { proxy, publisher, seen } = await cutOffPublisher();
    proxy.cut();
    // Each publish resolves although Redis cannot take it (it would hang here otherwise).
    await publish(publisher, 1, 30);
    expect(seen).toEqual([0]);
    proxy.restore();
    await vi.waitFor(() => expect(seen).toEqual(Array.from({ length: 30 }, (_, index) => index)), {
      timeout: 15_000,
    });
  });

  it('tells readers that messages were lost when more waited than the publisher keeps', async () => {
    const { proxy, publisher, seen } = await cutOffPublisher(60);
    proxy.cut();
    await publish(publisher, 1, 30);
    proxy.restore();
    await vi.waitFor(() => expect(seen.at(-1)).toBe(29), { timeout: 15_000 });
    // What went before the loss, the loss, then the newest messages: in order, each once.
    const missedAt = seen.indexOf('missed');
    expect(seen.slice(0, missedAt)).toEqual(Array.from({ length: missedAt }, (_, index) => index));
    const kept = seen.slice(missedAt + 1) as number[];
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, index) => 30 - kept.length + index));
    expect(missedAt + kept.length).toBeLessThan(30);
  });

  it('closes while Redis is still away, giving up what it could not write', async () => {
    const { proxy, publisher } = await cutOffPublisher();
    // Its own reader is then waiting on Redis too.
    await publisher.subscribe('orders', () => {});
    proxy.cut();
    await publish(publisher, 1, 5);
    // Before, it waited for Redis forever (the test's timeout fails it).
    await publisher.close();
  });
});

async function publish(bus: RedisEventBus<Topics>, from: number, to: number): Promise<void> {
  for (let index = from; index < to; index += 1) await bus.publish('orders', { index });
}
