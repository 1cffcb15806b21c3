import type { Redis } from 'ioredis';
import type { SharedStreamCounts, StreamPlace } from '../http/stream/stream-quotas.js';

/** How long a place stays counted without its node renewing it (a node that died stops counting). */
const DEFAULT_LEASE_MS = 60_000;

// Each count is a sorted set of holders scored by when their lease ends, read and written in one
// script so two nodes never both take the last place. Times are Redis's own, so node clocks may differ.
const NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/** KEYS: the counts; ARGV: lease ms, holder, then each count's limit. Answers the full count's position, or 0. */
const TAKE = `${NOW}
local lease = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
  if redis.call('ZCARD', key) >= tonumber(ARGV[i + 2]) then return i end
end
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, now + lease, ARGV[2])
  redis.call('PEXPIRE', key, lease)
end
return 0`;

/** KEYS: counts; ARGV: lease ms, then the holder renewed in each count. */
const RENEW = `${NOW}
local lease = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now + lease, ARGV[i + 1])
  redis.call('PEXPIRE', key, lease)
end
return 0`;

/**
 * Live stream counts shared by every node through Redis. A place is a lease: this node renews the
 * places of its open streams every third of a lease, and a node that dies stops counting once its
 * leases end, so no count leaks for ever. Keys live under `keyPrefix`.
 */
export class RedisStreamCounts implements SharedStreamCounts {
  /** Holder → the keys of the places it holds, renewed while the stream is open. */
  readonly #held = new Map<string, readonly string[]>();
  readonly #renewal: NodeJS.Timeout;

  constructor(
    private readonly redis: Redis,
    private readonly options: { readonly keyPrefix: string; readonly leaseMs?: number },
    onError: (error: unknown) => void,
  ) {
    this.#renewal = setInterval(() => void this.#renew().catch(onError), this.#leaseMs / 3);
    this.#renewal.unref();
  }

  get #leaseMs(): number {
    return this.options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  async take(places: readonly StreamPlace[], holder: string): Promise<string | undefined> {
    const keys = places.map((place) => this.#key(place.name));
    const limits = places.map((place) => String(place.limit));
    const full = Number(await this.redis.eval(TAKE, keys.length, ...keys, this.#leaseMs, holder, ...limits));
    if (full > 0) return places[full - 1]?.name;
    this.#held.set(holder, keys);
    return undefined;
  }

  async release(names: readonly string[], holder: string): Promise<void> {
    this.#held.delete(holder);
    const pipeline = this.redis.pipeline();
    for (const name of names) pipeline.zrem(this.#key(name), holder);
    await pipeline.exec();
  }

  /** Stops renewing (the node is closing: its streams are closed, or their leases end soon). */
  close(): void {
    clearInterval(this.#renewal);
  }

  async #renew(): Promise<void> {
    const keys = [...this.#held].flatMap(([, held]) => held);
    if (keys.length === 0) return;
    const holders = [...this.#held].flatMap(([holder, held]) => held.map(() => holder));
    await this.redis.eval(RENEW, keys.length, ...keys, this.#leaseMs, ...holders);
  }

  #key(name: string): string {
    // One hash tag, so every count sits in one Redis Cluster slot and a script may touch several.
    return `${this.options.keyPrefix}{streams}:${name}`;
  }
}
