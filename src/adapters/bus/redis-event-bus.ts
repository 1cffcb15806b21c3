import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { BusHandler, BusSubscription, EventBus, SubscribeOptions } from '../../ports/event-bus.js';
import type { TopicMap, Topics } from '../../ports/topics.js';
import { HandlerQueue } from './handler-queue.js';
import { originOf } from './origin.js';
import { RedisOutbox } from './redis-outbox.js';

export interface RedisEventBusOptions {
  readonly url: string;
  /** Prefix of every key this bus touches (tests use a fresh one each). */
  readonly keyPrefix?: string;
  /** Approximate number of messages each topic's stream keeps for nodes that fall behind. */
  readonly retainPerTopic?: number;
  /** Bytes (characters of JSON) of messages kept while Redis is unreachable (64 MiB unless told). */
  readonly maxPendingBytes?: number;
  readonly onError?: (error: unknown) => void;
}

/** One subscription: its queue, fed with the parsed payloads published after `afterId`. */
interface Listener {
  readonly afterId: string;
  push(payload: unknown): void;
  /** Some of what it should have had is gone from the stream. */
  missed(): void;
  drained(): Promise<void>;
}

interface TopicState {
  /** Id of the last stream entry read for this topic. */
  lastId: string;
  readonly listeners: Set<Listener>;
}

const BLOCK_MS = 5_000;
const CLOSE_FLUSH_MS = 2_000;
const READ_COUNT = 500;
/** A node that dies without closing leaves its wake stream behind for at most this long. */
const WAKE_KEY_TTL_MS = 86_400_000;

/**
 * Bus between nodes over Redis Streams: one stream per topic. Each node reads with its own cursor, so
 * a node that loses its connection resumes where it stopped instead of losing what was published
 * meanwhile (within the retained length). A node that fell further behind than that (paused, cut off)
 * learns it from the stream's first kept entry, which is then past its cursor, and its subscribers
 * are told to catch up from the store (`onMissed`). Subscribing wakes the blocked reader through a
 * private stream, so a new topic is read at once.
 */
export class RedisEventBus<T extends TopicMap<T> = Topics> implements EventBus<T> {
  readonly #publisher: Redis;
  readonly #reader: Redis;
  readonly #prefix: string;
  readonly #retain: number;
  readonly #onError: (error: unknown) => void;
  readonly #wakeKey: string;
  readonly #outbox: RedisOutbox;
  readonly #topics = new Map<string, TopicState>();
  #closed = false;
  #loop: Promise<void> | undefined;
  #stopReading: () => void = () => {};
  readonly #readingStopped = new Promise<null>((resolve) => (this.#stopReading = () => resolve(null)));

  constructor(options: RedisEventBusOptions) {
    this.#publisher = new Redis(options.url, { lazyConnect: false, maxRetriesPerRequest: 3 });
    this.#reader = new Redis(options.url, { lazyConnect: false, maxRetriesPerRequest: null });
    this.#prefix = options.keyPrefix ?? 'attune:bus:';
    this.#retain = options.retainPerTopic ?? 10_000;
    this.#onError = options.onError ?? (() => {});
    this.#wakeKey = `${this.#prefix}wake:${randomUUID()}`;
    // Connection errors also surface on the commands that fail; the listeners keep ioredis from crashing.
    this.#publisher.on('error', () => {});
    this.#reader.on('error', () => {});
    this.#outbox = new RedisOutbox(this.#publisher, {
      retain: this.#retain,
      maxPendingBytes: options.maxPendingBytes ?? 64 * 1024 * 1024,
      onError: this.#onError,
    });
  }

  /** Queues the message for Redis and resolves: a Redis restart delays it, never the caller. */
  publish<K extends keyof T & string>(topic: K, payload: T[K]): Promise<void> {
    this.#outbox.push(this.#streamKey(topic), JSON.stringify(payload));
    return Promise.resolve();
  }

  async subscribe<K extends keyof T & string>(
    topic: K,
    handler: BusHandler<T[K]>,
    options: SubscribeOptions = {},
  ): Promise<BusSubscription> {
    const key = this.#streamKey(topic);
    const [latest] = await this.#publisher.xrevrange(key, '+', '-', 'COUNT', 1);
    const afterId = latest?.[0] ?? '0-0';
    let state = this.#topics.get(topic);
    if (state === undefined) this.#topics.set(topic, (state = { lastId: afterId, listeners: new Set() }));
    const queue = new HandlerQueue(handler, this.#onError);
    const listener: Listener = {
      afterId,
      // The stream of `topic` holds only what `publish` was given for it (JSON-safe by TopicMap),
      // written by nodes of this same code: parsed back, it is that payload.
      push: (payload) => {
        if (options.skipOrigin === undefined || originOf(payload) !== options.skipOrigin)
          queue.push(payload as T[K]);
      },
      missed: () => queue.catchUp(options.onMissed),
      drained: () => queue.drained(),
    };
    state.listeners.add(listener);
    this.#loop ??= this.#readLoop();
    await this.#publisher
      .multi()
      .xadd(this.#wakeKey, 'MAXLEN', '1', '*', 'w', '1')
      .pexpire(this.#wakeKey, WAKE_KEY_TTL_MS)
      .exec();
    const topicState = state;
    return {
      unsubscribe: async () => {
        topicState.listeners.delete(listener);
        await listener.drained();
      },
    };
  }

  async ping(): Promise<void> {
    await this.#publisher.ping();
  }

  /**
   * Gives what is still queued a moment to reach Redis, then stops. While Redis is away, what could
   * not be written is lost to the other nodes, unannounced and reported to `onError` (the changes are
   * in the store; those nodes see them after a later change to the same things, a catch-up or a restart).
   */
  async close(): Promise<void> {
    await this.#outbox.settle(CLOSE_FLUSH_MS);
    const unwritten = this.#outbox.stop();
    if (unwritten > 0) this.#onError(new BusMessagesUnwritten(unwritten));
    this.#closed = true;
    this.#stopReading();
    this.#reader.disconnect();
    await this.#loop;
    const listeners = [...this.#topics.values()].flatMap((state) => [...state.listeners]);
    await Promise.all(listeners.map((listener) => listener.drained()));
    // Away, ioredis would hold these commands until its retries give up; the wake stream expires.
    if (this.#publisher.status !== 'ready') {
      this.#publisher.disconnect();
      return;
    }
    await this.#publisher.del(this.#wakeKey).catch(() => {});
    await this.#publisher.quit().catch(() => {});
  }

  async #readLoop(): Promise<void> {
    let wakeId = '$';
    while (!this.#closed) {
      const topics = [...this.#topics.entries()];
      const keys = [this.#wakeKey, ...topics.map(([topic]) => this.#streamKey(topic))];
      const ids = [wakeId, ...topics.map(([, state]) => state.lastId)];
      let batches: [string, [string, string[]][]][] | null;
      try {
        batches = await this.#untilClosed(
          this.#reader.xread('COUNT', READ_COUNT, 'BLOCK', BLOCK_MS, 'STREAMS', ...keys, ...ids),
        );
        if (this.#closed) return;
      } catch (error) {
        if (this.#closed) return;
        this.#onError(error);
        await new Promise((resolve) => setTimeout(resolve, 500));
        continue;
      }
      const read = (batches ?? []).filter(([key]) => key !== this.#wakeKey);
      for (const [, entries] of (batches ?? []).filter(([key]) => key === this.#wakeKey))
        wakeId = entries[entries.length - 1]?.[0] ?? wakeId;
      const trimmed = await this.#trimmedUpTo(read.map(([key]) => key));
      read.forEach(([key, entries], index) => {
        const state = this.#topics.get(key.slice(this.#prefix.length));
        if (state !== undefined) this.#deliver(state, entries, trimmed[index]);
      });
    }
  }

  /**
   * For each stream, an id at or above everything it has trimmed. Read after the entries: a trim in
   * between can at worst report a loss that did not happen, never hide one.
   */
  async #trimmedUpTo(keys: readonly string[]): Promise<(string | undefined)[]> {
    if (keys.length === 0) return [];
    const pipeline = this.#reader.pipeline();
    for (const key of keys) pipeline.xinfo('STREAM', key);
    const replies = (await this.#untilClosed(pipeline.exec()).catch(() => null)) ?? [];
    return keys.map((_, index) => {
      const [error, reply] = replies[index] ?? [null, undefined];
      return error === null && Array.isArray(reply) ? trimmedIdOf(reply) : undefined;
    });
  }

  #deliver(state: TopicState, entries: [string, string[]][], trimmedUpTo: string | undefined): void {
    if (trimmedUpTo !== undefined) {
      for (const listener of state.listeners) {
        const cursor = compareStreamIds(state.lastId, listener.afterId) > 0 ? state.lastId : listener.afterId;
        if (compareStreamIds(trimmedUpTo, cursor) > 0) listener.missed();
      }
    }
    for (const [id, fields] of entries) {
      state.lastId = id;
      if (fields[0] === 'g') {
        // A publisher could not keep what it published while Redis was away: some messages are gone.
        for (const listener of state.listeners)
          if (compareStreamIds(id, listener.afterId) > 0) listener.missed();
        continue;
      }
      const raw = fields[fields.indexOf('p') + 1];
      if (raw === undefined) continue;
      let payload: unknown;
      try {
        payload = JSON.parse(raw);
      } catch (error) {
        this.#onError(error);
        continue;
      }
      for (const listener of state.listeners) {
        if (compareStreamIds(id, listener.afterId) > 0) listener.push(payload);
      }
    }
  }

  /**
   * `work`, or null once the bus closes: a command queued while Redis is away is never answered after
   * `disconnect` (ioredis rejects it only when a live connection closes), and closing must not wait.
   */
  #untilClosed<R>(work: Promise<R>): Promise<R | null> {
    return Promise.race([work, this.#readingStopped]);
  }

  #streamKey(topic: string): string {
    return `${this.#prefix}${topic}`;
  }
}

/** Messages a closing bus could not write to Redis (away): the other nodes never hear of them. */
export class BusMessagesUnwritten extends Error {
  constructor(readonly count: number) {
    super(`${count} bus messages could not be written to Redis before the bus closed`);
    this.name = 'BusMessagesUnwritten';
  }
}

/**
 * From an `XINFO STREAM` reply: an id at or above every entry trimmed away (`0-0`: none ever was).
 * Trimming removes the oldest entries, so what is gone lies before the first entry kept; whether
 * the entry just before that existed cannot be told, so the bound may be one entry high.
 */
function trimmedIdOf(reply: unknown[]): string | undefined {
  const field = (name: string): unknown => {
    const at = reply.indexOf(name);
    return at < 0 ? undefined : reply[at + 1];
  };
  const added = field('entries-added');
  const length = field('length');
  // Redis 7 counts what was ever added: equal to the length, nothing was trimmed.
  if (typeof added === 'number' && typeof length === 'number' && added <= length) return '0-0';
  const first = field('first-entry');
  if (!Array.isArray(first) || typeof first[0] !== 'string') return undefined;
  const [ms = 0, seq = 0] = first[0].split('-').map(Number);
  return seq > 0 ? `${ms}-${seq - 1}` : `${Math.max(ms - 1, 0)}-${Number.MAX_SAFE_INTEGER}`;
}

/** Orders Redis stream ids (`<ms>-<seq>`). */
function compareStreamIds(a: string, b: string): number {
  const [aMs = 0, aSeq = 0] = a.split('-').map(Number);
  const [bMs = 0, bSeq = 0] = b.split('-').map(Number);
  return aMs - bMs || aSeq - bSeq;
}
