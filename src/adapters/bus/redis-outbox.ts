import type { Redis } from 'ioredis';

/** What the outbox writes with: an ioredis client. */
export type OutboxRedis = Pick<Redis, 'pipeline'>;

interface Pending {
  readonly key: string;
  readonly payload: string;
}

export interface RedisOutboxOptions {
  /** About how many entries each stream keeps (`XADD … MAXLEN ~`). */
  readonly retain: number;
  /**
   * Characters of payloads kept while Redis cannot take them; beyond, the oldest waiting go and
   * are marked lost. The batch out with Redis is never dropped, so this may be passed by one batch.
   */
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
 * dropped and their streams get a gap entry (`g`), written before any newer message of theirs, which
 * tells every reader that it missed messages (they then catch up from the store).
 *
 * At least once: Redis may have taken a batch whose replies a dropped connection lost, and the batch
 * goes again, so a reader may get a message twice (a message says what changed; reading it twice is
 * harmless).
 */
export class RedisOutbox {
  /** Handed to Redis and not yet acknowledged: retried first and never dropped, to keep the order. */
  #outgoing: Pending[] = [];
  /** Not yet handed to Redis, oldest first. */
  #waiting: Pending[] = [];
  #bytes = 0;
  /** Streams that lost messages to the bound, with how many, to be marked when Redis takes writes. */
  readonly #lost = new Map<string, number>();
  #flushing: Promise<void> | undefined;
  #stopped = false;

  constructor(
    private readonly redis: OutboxRedis,
    private readonly options: RedisOutboxOptions,
  ) {}

  push(key: string, payload: string): void {
    if (this.#stopped) return;
    this.#waiting.push({ key, payload });
    this.#bytes += payload.length;
    while (this.#bytes > this.options.maxPendingBytes && this.#waiting.length > 1) {
      const dropped = this.#waiting.shift() as Pending;
      this.#bytes -= dropped.payload.length;
      this.#lost.set(dropped.key, (this.#lost.get(dropped.key) ?? 0) + 1);
    }
    this.#flushing ??= this.#flush().finally(() => (this.#flushing = undefined));
  }

  /**
   * Resolves once everything pushed so far is written, or after `timeoutMs` when Redis cannot take
   * it (a flush retries for as long as Redis is away, so it is not waited on past the deadline).
   */
  async settle(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.#hasWork() && Date.now() < deadline) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const tick = new Promise(
        (resolve) => (timer = setTimeout(resolve, Math.min(deadline - Date.now(), 50))),
      );
      await Promise.race([this.#flushing ?? Promise.resolve(), tick]);
      clearTimeout(timer);
    }
  }

  /**
   * Stops writing (closing): no retry outlives the bus. Returns how many messages were not written;
   * they never reach Redis, and no gap entry tells the other nodes (Redis is unreachable).
   */
  stop(): number {
    this.#stopped = true;
    const unwritten = this.#outgoing.length + this.#waiting.length;
    this.#outgoing = [];
    this.#waiting = [];
    this.#bytes = 0;
    this.#lost.clear();
    return unwritten;
  }

  #hasWork(): boolean {
    return this.#outgoing.length > 0 || this.#waiting.length > 0 || this.#lost.size > 0;
  }

  async #flush(): Promise<void> {
    let retryMs = FIRST_RETRY_MS;
    while (this.#hasWork() && !this.#stopped) {
      try {
        await this.#writeSome();
        retryMs = FIRST_RETRY_MS;
      } catch (error) {
        if (this.#stopped) return;
        this.#report(error);
        await sleep(retryMs);
        retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
      }
    }
  }

  /**
   * One pipeline: the gap entries owed, then the oldest messages. What Redis took leaves the queue,
   * in order; the rest goes again.
   */
  async #writeSome(): Promise<void> {
    if (this.#outgoing.length === 0) this.#outgoing = this.#waiting.splice(0, WRITE_BATCH);
    const gaps = [...this.#lost];
    const batch = this.#outgoing;
    const pipeline = this.redis.pipeline();
    for (const [key] of gaps) pipeline.xadd(key, 'MAXLEN', '~', this.options.retain, '*', 'g', '1');
    for (const { key, payload } of batch)
      pipeline.xadd(key, 'MAXLEN', '~', this.options.retain, '*', 'p', payload);
    const replies = await pipeline.exec();
    const total = gaps.length + batch.length;
    let done = 0;
    while (done < total && replies?.[done]?.[0] === null) done += 1;
    // A stream that lost more while this was out still owes a gap entry.
    for (const [key, drops] of gaps.slice(0, done)) if (this.#lost.get(key) === drops) this.#lost.delete(key);
    const taken = Math.max(0, done - gaps.length);
    for (const { payload } of batch.splice(0, taken)) this.#bytes -= payload.length;
    if (done < total) throw replies?.[done]?.[0] ?? new Error('Redis did not take the bus messages');
  }

  /** A reporter that throws must not end the flush with an unhandled rejection. */
  #report(error: unknown): void {
    try {
      this.options.onError(error);
    } catch {
      // Nothing left to tell it with.
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
