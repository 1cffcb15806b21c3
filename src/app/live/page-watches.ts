import { AppError } from '../errors.js';
import type { CustomerTokens } from '../access/customer-tokens.js';
import type { CustomerRequest, RequestContext } from '../customers/customer-context.js';
import type { PageSnapshot, PageTarget } from './page-snapshot.js';
import { ReplayLog, type StreamClient } from './stream-replay.js';

/** Who a stream is for and what its page shows, as the storefront opens it. */
export interface StreamRequest {
  readonly userId?: string;
  readonly anonymousId?: string;
  /** Opened with a secret key: may name any customer. */
  readonly trusted: boolean;
  readonly customerToken?: string;
  readonly currency: string;
  /** The page's context (country, channel, device), as decide gets it: price lists and segments may read it. */
  readonly context?: RequestContext;
  /** Products the page shows (its product, its listing); the cart and recent views are added. */
  readonly products: readonly string[];
}

/** A page being watched: one per customer, currency and product set, shared by its open tabs. */
export interface PageWatch extends PageTarget {
  readonly key: string;
  /** What the page showed when last looked at. */
  snapshot: PageSnapshot;
  /** The changes pushed to it, kept for browsers that reconnect. */
  readonly replay: ReplayLog;
  readonly clients: Set<StreamClient>;
  /** Waiting to be looked at again. */
  queued: boolean;
  /** Ends the watch once its grace period after the last connection is over. */
  expiry: NodeJS.Timeout | undefined;
}

export interface PageWatchesDeps {
  readonly tokens: CustomerTokens;
  /** Looks at a page for the first time. */
  readonly snapshot: (page: PageTarget) => Promise<PageSnapshot>;
  /** How long a page's watch outlives its last connection, so a reconnect misses nothing. */
  readonly graceMs: number;
  /** Connections one node holds at most. */
  readonly maxConnections: number;
}

const MAX_PAGE_PRODUCTS = 50;

/**
 * The pages this node watches and the connections to them: a connection joins the watch of its
 * page (made on first use), within the node's connection limit; a watch outlives its last
 * connection by a grace period, so a browser that reconnects is sent what it missed.
 */
export class PageWatches {
  readonly #watches = new Map<string, PageWatch>();
  #connections = 0;
  #closed = false;

  constructor(private readonly deps: PageWatchesDeps) {}

  /** Open connections on this node. */
  get connections(): number {
    return this.#connections;
  }

  /** Every page watched now. */
  all(): IterableIterator<PageWatch> {
    return this.#watches.values();
  }

  /** True while `watch` is still the watch of its page (not ended, not replaced). */
  isWatched(watch: PageWatch): boolean {
    return this.#watches.get(watch.key) === watch;
  }

  /**
   * Connects `client` to the watch of its page, greeting it (see {@link ReplayLog.greeting}).
   * Returns the function that ends the connection.
   * @throws AppError `too_many_streams`, also once the node is shutting down.
   */
  async connect(
    request: StreamRequest,
    lastEventId: string | undefined,
    client: StreamClient,
  ): Promise<() => void> {
    if (this.#connections >= this.deps.maxConnections) {
      throw new AppError('too_many_streams', 'this node holds as many live streams as it may; retry shortly');
    }
    this.#connections += 1;
    try {
      const watch = await this.#watchFor(request);
      // Shutdown began while this stream was being opened: it must not outlive the server.
      if (this.#closed) throw new AppError('too_many_streams', 'this node is shutting down');
      if (watch.expiry !== undefined) clearTimeout(watch.expiry);
      watch.expiry = undefined;
      const ready = () => ({
        personalized: watch.snapshot.personalized,
        products: [...watch.snapshot.watched].sort(),
      });
      for (const message of watch.replay.greeting(lastEventId, ready)) client.send(message);
      watch.clients.add(client);
      return () => this.#leave(watch, client);
    } catch (error) {
      this.#connections -= 1;
      throw error;
    }
  }

  /** Keeps idle connections open through proxies. */
  heartbeat(): void {
    for (const watch of this.#watches.values()) for (const client of watch.clients) client.heartbeat();
  }

  /** Ends every connection and watch (shutdown); no connection is taken after. */
  closeAll(): void {
    this.#closed = true;
    for (const watch of this.#watches.values()) {
      for (const client of watch.clients) client.end();
      watch.clients.clear();
      if (watch.expiry !== undefined) clearTimeout(watch.expiry);
    }
    this.#watches.clear();
    this.#connections = 0;
  }

  async #watchFor(request: StreamRequest): Promise<PageWatch> {
    const proven = await this.deps.tokens.proves(request);
    // A stream is authorised once, when opened; later looks act for the customer proven then, so a
    // token expiring mid-stream does not turn the page anonymous.
    const context = request.context ?? {};
    const customer: CustomerRequest =
      proven && request.userId !== undefined
        ? { userId: request.userId, trusted: true, context }
        : {
            ...(request.anonymousId !== undefined && { anonymousId: request.anonymousId }),
            trusted: request.trusted,
            context,
          };
    const pageProducts = [...new Set(request.products)].sort().slice(0, MAX_PAGE_PRODUCTS);
    const key = JSON.stringify([
      customer.userId,
      customer.anonymousId,
      customer.trusted,
      request.currency,
      context,
      pageProducts,
    ]);
    const existing = this.#watches.get(key);
    if (existing !== undefined) return existing;
    const target = { customer, currency: request.currency, pageProducts };
    const snapshot = await this.deps.snapshot(target);
    // Another tab of the same page may have opened while this one looked.
    const raced = this.#watches.get(key);
    if (raced !== undefined) return raced;
    const watch: PageWatch = {
      key,
      ...target,
      snapshot,
      replay: new ReplayLog(),
      clients: new Set(),
      queued: false,
      expiry: undefined,
    };
    this.#forgetIdleWatches();
    this.#watches.set(key, watch);
    return watch;
  }

  /**
   * Keeps the watches within the connection limit: pages opened and closed in a loop (random ids)
   * would otherwise pile up for their grace period, each looked at on every rule change. The
   * oldest watches without a connection go first; they only lose their replay.
   */
  #forgetIdleWatches(): void {
    if (this.#watches.size < this.deps.maxConnections) return;
    for (const watch of this.#watches.values()) {
      if (this.#watches.size < this.deps.maxConnections) return;
      if (watch.clients.size > 0) continue;
      if (watch.expiry !== undefined) clearTimeout(watch.expiry);
      this.#watches.delete(watch.key);
    }
  }

  #leave(watch: PageWatch, client: StreamClient): void {
    if (!watch.clients.delete(client)) return;
    this.#connections -= 1;
    if (watch.clients.size > 0) return;
    watch.expiry = setTimeout(() => {
      if (watch.clients.size === 0) this.#watches.delete(watch.key);
    }, this.deps.graceMs);
    watch.expiry.unref();
  }
}
