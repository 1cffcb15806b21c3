import type { Redis } from 'ioredis';

interface Pending {
  readonly key: string;
  readonly payload: string;
}

export interface RedisOutboxOptions {
  /** About how many entries each stream keeps (`XADD … MAXLEN ~`). */
  readonly retain: number;
  /** Bytes of payloads kept while Redis cannot take them; beyond, the oldest go and are marked lost. */
  readonly maxPendingBytes: number;
  readonly onError: (error: unknown) => void;
}

/** Entries written at once. */
const WRITE_BATCH = 200;
const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 2_000;

/**
 * What a node publishes, written to Redis in publish order, in the background: while Redis is down
 * or restarting, messages wait here and go out once it is back, so a request never waits on the bus
 * and other nodes still hear of every change. If more waits than `maxPendingBytes`, the oldest are
 * dropped and their streams get a gap entry (`g`) once Redis is back, which tells every reader that
 * it missed messages (they then catch up from the store).
 */
export class RedisOutbox {
  #pending: Pending[] = [];
  #bytes = 0;
  /** Streams that lost messages to the bound, to be marked when Redis takes writes again. */
  readonly #lost = new Set<string>();
  #flushing: Promise<void> | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisOutboxOptions,
  ) {}

  push(key: string, payload: string): void {
    this.#pending.push({ key, payload });
    this.#bytes += payload.length;
    while (this.#bytes > this.options.maxPendingBytes && this.#pending.length > 1) {
      const dropped = this.#pending.shift() as Pending;
      this.#bytes -= dropped.payload.length;
      this.#lost.add(dropped.key);
    }
    this.#flushing ??= this.#flush().finally(() => (this.#flushing = undefined));
  }

  /** Resolves once everything pushed so far is written, or after `timeoutMs` (closing). */
  async settle(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((this.#pending.length > 0 || this.#lost.size > 0) && Date.now() < deadline)
      await (this.#flushing ?? sleep(10));
  }

  get pending(): number {
    return this.#pending.length;
  }

  async #flush(): Promise<void> {
    let retryMs = FIRST_RETRY_MS;
    while (this.#pending.length > 0 || this.#lost.size > 0) {
      try {
        await this.#markLost();
        await this.#writeSome();
        retryMs = FIRST_RETRY_MS;
      } catch (error) {
        this.options.onError(error);
        await sleep(retryMs);
        retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
      }
    }
  }

  async #markLost(): Promise<void> {
    for (const key of [...this.#lost]) {
      await this.redis.xadd(key, 'MAXLEN', '~', this.options.retain, '*', 'g', '1');
      this.#lost.delete(key);
    }
  }

  /** Writes the oldest waiting entries; those Redis took leave the queue, in order. */
  async #writeSome(): Promise<void> {
    const batch = this.#pending.slice(0, WRITE_BATCH);
    const pipeline = this.redis.pipeline();
    for (const { key, payload } of batch)
      pipeline.xadd(key, 'MAXLEN', '~', this.options.retain, '*', 'p', payload);
    const replies = (await pipeline.exec()) ?? [];
    const written = replies.findIndex(([error]) => error !== null);
    const taken = written < 0 ? batch.length : written;
    for (const { payload } of this.#pending.splice(0, taken)) this.#bytes -= payload.length;
    if (taken < batch.length) throw replies[taken]?.[0] ?? new Error('Redis refused a bus message');
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
