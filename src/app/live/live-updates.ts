import { pageChanges } from '../../domain/live/index.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { CustomerTokens } from '../access/customer-tokens.js';
import type { CatalogService } from '../catalog/catalog-service.js';
import type { CustomerContexts } from '../customers/customer-context.js';
import type { PricingService } from '../pricing/pricing-service.js';
import type { Checkout } from '../promotions/checkout.js';
import type { PromotionService } from '../promotions/promotion-service.js';
import { routeChangesToPages } from './change-routing.js';
import { PageSnapshots } from './page-snapshot.js';
import { PageWatches, type PageWatch, type StreamRequest } from './page-watches.js';
import { RefreshQueue } from './refresh-queue.js';
import type { StreamClient } from './stream-replay.js';

export type { StreamRequest } from './page-watches.js';
export type { StreamClient, StreamMessage } from './stream-replay.js';

export interface LiveUpdatesDeps {
  readonly bus: EventBus;
  readonly customers: CustomerContexts;
  readonly tokens: CustomerTokens;
  readonly pricing: PricingService;
  readonly promotions: PromotionService;
  readonly catalog: CatalogService;
  readonly checkout: Checkout;
  readonly onError: (error: unknown) => void;
  /** How often an idle connection gets a comment line, so proxies keep it open. */
  readonly heartbeatMs: number;
  /** How long a page's watch outlives its last connection, so a reconnect misses nothing. */
  readonly graceMs: number;
  /** Connections one node holds at most. */
  readonly maxConnections: number;
}

/**
 * Live updates for open pages (`GET /v1/stream`). Each watched page remembers what it last showed
 * (the viewer's prices, stock, qualifying offers and segments); when something it depends on
 * changes — this customer's profile, a product, the rules in force — the page is looked at again
 * and the differences are pushed. Looking again, rather than translating each message, keeps the
 * pushed facts exactly what `decide` would now answer.
 *
 * The jobs, one per file: which pages are watched and by which connections ({@link PageWatches}),
 * what a page shows now ({@link PageSnapshots}), which changes concern which pages
 * ({@link routeChangesToPages}), looking at them again without blocking requests
 * ({@link RefreshQueue}), and numbering what is pushed so a browser can resume (`ReplayLog`).
 */
export class LiveUpdates {
  readonly #snapshots: PageSnapshots;
  readonly #watches: PageWatches;
  readonly #refreshes: RefreshQueue;
  #heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly deps: LiveUpdatesDeps) {
    this.#snapshots = new PageSnapshots(deps);
    this.#watches = new PageWatches({
      tokens: deps.tokens,
      snapshot: (page) => this.#snapshots.take(page),
      graceMs: deps.graceMs,
      maxConnections: deps.maxConnections,
    });
    this.#refreshes = new RefreshQueue({
      isWatched: (watch) => this.#watches.isWatched(watch),
      refresh: (watch) => this.#refresh(watch),
      onError: deps.onError,
    });
  }

  async start(): Promise<void> {
    const { bus, catalog, pricing, promotions } = this.deps;
    await routeChangesToPages({
      bus,
      catalog,
      pricing,
      promotions,
      watches: () => this.#watches.all(),
      refresh: (watch) => this.#refreshes.enqueue(watch),
    });
    this.#heartbeat = setInterval(() => this.#watches.heartbeat(), this.deps.heartbeatMs);
    this.#heartbeat.unref();
  }

  /** Open connections on this node. */
  get connections(): number {
    return this.#watches.connections;
  }

  /**
   * Starts pushing changes of this page to `client`. With the id of the last message a browser saw,
   * what it missed since is sent first; an id this node cannot continue from gets `resync` (fetch
   * the page again), a new stream gets `ready`. Returns the function that ends the connection.
   * @throws DomainError `too_many_streams`.
   */
  open(request: StreamRequest, lastEventId: string | undefined, client: StreamClient): Promise<() => void> {
    return this.#watches.connect(request, lastEventId, client);
  }

  /** Ends every connection (shutdown), so the server can close. */
  closeAll(): void {
    if (this.#heartbeat !== undefined) clearInterval(this.#heartbeat);
    this.#watches.closeAll();
    this.#refreshes.stop();
  }

  /** Looks at the page again and pushes to its connections what changed since the last look. */
  async #refresh(watch: PageWatch): Promise<void> {
    const before = watch.snapshot.shown;
    watch.snapshot = await this.#snapshots.take(watch);
    for (const change of pageChanges(before, watch.snapshot.shown)) {
      const message = watch.replay.append(change);
      for (const client of watch.clients) client.send(message);
    }
  }
}
