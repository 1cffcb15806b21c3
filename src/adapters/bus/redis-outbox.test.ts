import { describe, expect, it } from 'vitest';
import { RedisOutbox, type OutboxRedis } from './redis-outbox.js';

/**
 * Stands in for Redis: records what each stream was given (`gap` for a gap entry), and answers a
 * pipeline only once `answer` is called, as Redis does once it is back.
 */
class HeldRedis {
  readonly written: [string, string][] = [];
  #failures = 0;
  #waiting: (() => void)[] = [];
  #holding = false;

  hold(): void {
    this.#holding = true;
  }

  /** Answers what waits and everything after. */
  answer(): void {
    this.#holding = false;
    for (const release of this.#waiting.splice(0)) release();
  }

  /** The next `count` pipelines fail as a dropped connection fails them. */
  failNext(count: number): void {
    this.#failures = count;
  }

  pipeline() {
    const commands: [string, string][] = [];
    const pipeline = {
      xadd: (key: string, ...args: string[]) => {
        commands.push([key, args.at(-2) === 'g' ? 'gap' : String(args.at(-1))]);
        return pipeline;
      },
      exec: async (): Promise<[Error | null, unknown][]> => {
        if (this.#holding) await new Promise<void>((resolve) => this.#waiting.push(resolve));
        if (this.#failures > 0) {
          this.#failures -= 1;
          throw new Error('Connection is closed.');
        }
        this.written.push(...commands);
        return commands.map(() => [null, '0-1']);
      },
    };
    return pipeline;
  }

  asRedis(): OutboxRedis {
    // The outbox calls only pipeline().xadd/exec, which this answers as ioredis does.
    return this as unknown as OutboxRedis;
  }
}

describe('the Redis outbox', () => {
  it('drops the oldest waiting message past the bound, never one already out with Redis', async () => {
    const redis = new HeldRedis();
    redis.hold();
    // Room for three of these ten-character payloads.
    const outbox = new RedisOutbox(redis.asRedis(), { retain: 100, maxPendingBytes: 35, onError: () => {} });
    outbox.push('orders', 'a'.repeat(10));
    outbox.push('stock', 'b'.repeat(10));
    outbox.push('stock', 'c'.repeat(10));
    // Over the bound while `a` is out (Redis has not answered): `b` goes, and its stream is marked.
    outbox.push('stock', 'd'.repeat(10));
    redis.answer();
    await outbox.settle(5_000);

    expect(redis.written).toEqual([
      ['orders', 'a'.repeat(10)],
      ['stock', 'gap'],
      ['stock', 'c'.repeat(10)],
      ['stock', 'd'.repeat(10)],
    ]);
  });

  it('marks a stream whose messages the bound dropped before any newer message of it', async () => {
    const redis = new HeldRedis();
    redis.hold();
    const outbox = new RedisOutbox(redis.asRedis(), { retain: 100, maxPendingBytes: 25, onError: () => {} });
    for (const payload of ['0', '1', '2', '3', '4']) outbox.push('orders', payload.repeat(10));
    redis.answer();
    await outbox.settle(5_000);

    expect(redis.written).toEqual([
      ['orders', '0'.repeat(10)],
      ['orders', 'gap'],
      ['orders', '4'.repeat(10)],
    ]);
  });

  it('stops waiting for Redis when asked to settle by a deadline, and says how much it gives up', async () => {
    const redis = new HeldRedis();
    redis.hold();
    const outbox = new RedisOutbox(redis.asRedis(), {
      retain: 100,
      maxPendingBytes: 1_000,
      onError: () => {},
    });
    outbox.push('orders', 'first');
    outbox.push('orders', 'second');
    // Redis never answers: before, this waited for ever.
    await outbox.settle(20);
    expect(outbox.stop()).toBe(2);
    outbox.push('orders', 'after');
    redis.answer();
    await outbox.settle(1_000);
    expect(redis.written.map(([, payload]) => payload)).not.toContain('after');
  });

  it('retries a failed write, in order, even when reporting the failure throws', async () => {
    const redis = new HeldRedis();
    redis.failNext(2);
    const outbox = new RedisOutbox(redis.asRedis(), {
      retain: 100,
      maxPendingBytes: 1_000,
      onError: () => {
        throw new Error('the logger failed');
      },
    });
    outbox.push('orders', 'first');
    outbox.push('stock', 'second');
    await outbox.settle(10_000);
    expect(redis.written).toEqual([
      ['orders', 'first'],
      ['stock', 'second'],
    ]);
  });
});
