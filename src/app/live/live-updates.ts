import { randomUUID } from 'node:crypto';
import type { CatalogService, ChangeKind } from '../catalog/catalog-service.js';
import { pageChanges, type PageChange, type WatchedPage } from '../../domain/live/index.js';
import { DomainError } from '../../domain/shared/index.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { ProfilesChanged } from '../../ports/topics.js';
import type { CustomerTokens } from '../access/customer-tokens.js';
import {
  priceShopperOf,
  type CustomerContext,
  type CustomerContexts,
  type CustomerRequest,
  type RequestContext,
} from '../customers/customer-context.js';
import type { PricingService } from '../pricing/pricing-service.js';
import type { Checkout } from '../promotions/checkout.js';
import type { PromotionService } from '../promotions/promotion-service.js';
import { AppError } from '../errors.js';

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

/** One message on the wire: its id lets a reconnecting browser resume after it (`Last-Event-ID`). */
export interface StreamMessage {
  readonly id: string;
  readonly event: PageChange['type'] | 'ready' | 'resync';
  readonly data: unknown;
}

/** An open connection, as the HTTP edge writes to it. */
export interface StreamClient {
  send(message: StreamMessage): void;
  heartbeat(): void;
  end(): void;
}

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

/** A page being watched: one per customer, currency and product set, shared by their open tabs. */
interface Watcher {
  readonly key: string;
  /** Differs per watch, so an id from an earlier watch (or another node) is never taken for this one's. */
  readonly instance: string;
  /** Who the customer is, as proven when the stream was opened. */
  readonly customer: CustomerRequest;
  readonly currency: string;
  readonly pageProducts: readonly string[];
  page: WatchedPage;
  personalized: boolean;
  profileId: string | undefined;
  watched: ReadonlySet<string>;
  seq: number;
  readonly recent: { readonly seq: number; readonly message: StreamMessage }[];
  readonly clients: Set<StreamClient>;
  queued: boolean;
  expiry: NodeJS.Timeout | undefined;
}

/** Changes kept per watch for reconnecting browsers. */
const REPLAYABLE = 100;
/** Changes arriving together are looked at once. */
const COALESCE_MS = 50;
const MAX_PAGE_PRODUCTS = 50;
const RECENT_VIEWS_WATCHED = 4;
/**
 * Topics after which every open page is looked at again: segment or loyalty rules changed. (Their
 * effect on customers also arrives as profile changes, once memberships are worked out again.)
 */
const RULE_TOPICS = ['segments', 'loyalty'] as const;

/**
 * Live updates for open pages (`GET /v1/stream`). Each watched page remembers what it last showed
 * (the viewer's prices, stock, qualifying offers and segments); when the bus says something it
 * depends on changed — this customer's profile, a product, the rules in force — the page is looked
 * at again and the differences are pushed. Looking again, rather than translating each message,
 * keeps the pushed facts exactly what `decide` would now answer.
 */
export class LiveUpdates {
  readonly #watchers = new Map<string, Watcher>();
  readonly #queue: Watcher[] = [];
  #connections = 0;
  #timer: NodeJS.Timeout | undefined;
  #draining = false;
  #heartbeat: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(private readonly deps: LiveUpdatesDeps) {}

  async start(): Promise<void> {
    const { bus, catalog, pricing, promotions } = this.deps;
    // Catalogue, prices and promotions say when their memory holds a change, from this node or
    // another: a look started by the bus message alone could read the old prices and miss it.
    catalog.onChanged((kind, ids) => this.#catalogChanged(kind, ids));
    pricing.onChanged(() => this.#everyPage());
    promotions.onChanged(() => this.#everyPage());
    // A profile is read from the store, which holds the change before the message is sent.
    await bus.subscribe('profiles', (payload) => this.#profilesChanged(payload));
    for (const topic of RULE_TOPICS) await bus.subscribe(topic, () => this.#everyPage());
    this.#heartbeat = setInterval(() => {
      for (const watcher of this.#watchers.values()) for (const client of watcher.clients) client.heartbeat();
    }, this.deps.heartbeatMs);
    this.#heartbeat.unref();
  }

  /** Open connections on this node. */
  get connections(): number {
    return this.#connections;
  }

  /**
   * Starts pushing changes of this page to `client`. With the id of the last message a browser saw,
   * what it missed since is sent first; an id this node cannot continue from gets `resync` (fetch
   * the page again), a new stream gets `ready`. Returns the function that ends the connection.
   * @throws DomainError `too_many_streams`.
   */
  async open(
    request: StreamRequest,
    lastEventId: string | undefined,
    client: StreamClient,
  ): Promise<() => void> {
    if (this.#connections >= this.deps.maxConnections) {
      throw new AppError('too_many_streams', 'this node holds as many live streams as it may; retry shortly');
    }
    this.#connections += 1;
    try {
      const watcher = await this.#watcherFor(request);
      // Shutdown began while this stream was being opened: it must not outlive the server.
      if (this.#closed) throw new AppError('too_many_streams', 'this node is shutting down');
      if (watcher.expiry !== undefined) clearTimeout(watcher.expiry);
      watcher.expiry = undefined;
      this.#greet(watcher, lastEventId, client);
      watcher.clients.add(client);
      return () => this.#leave(watcher, client);
    } catch (error) {
      this.#connections -= 1;
      throw error;
    }
  }

  /** Ends every connection (shutdown), so the server can close. */
  closeAll(): void {
    this.#closed = true;
    if (this.#heartbeat !== undefined) clearInterval(this.#heartbeat);
    for (const watcher of this.#watchers.values()) {
      for (const client of watcher.clients) client.end();
      watcher.clients.clear();
      if (watcher.expiry !== undefined) clearTimeout(watcher.expiry);
    }
    this.#watchers.clear();
    this.#connections = 0;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
  }

  async #watcherFor(request: StreamRequest): Promise<Watcher> {
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
    const existing = this.#watchers.get(key);
    if (existing !== undefined) return existing;
    const watcher: Watcher = {
      key,
      instance: randomUUID().slice(0, 8),
      customer,
      currency: request.currency,
      pageProducts,
      page: { segments: [], prices: new Map(), stock: new Map(), offers: new Map() },
      personalized: false,
      profileId: undefined,
      watched: new Set(),
      seq: 0,
      recent: [],
      clients: new Set(),
      queued: false,
      expiry: undefined,
    };
    await this.#look(watcher);
    // Another tab of the same page may have opened while this one looked.
    const raced = this.#watchers.get(key);
    if (raced !== undefined) return raced;
    this.#forgetIdleWatches();
    this.#watchers.set(key, watcher);
    return watcher;
  }

  #greet(watcher: Watcher, lastEventId: string | undefined, client: StreamClient): void {
    const currentId = `${watcher.instance}.${watcher.seq}`;
    if (lastEventId === undefined || lastEventId === '') {
      client.send({
        id: currentId,
        event: 'ready',
        data: { personalized: watcher.personalized, products: [...watcher.watched].sort() },
      });
      return;
    }
    const [instance, seqText] = lastEventId.split('.');
    const seen = Number(seqText);
    const oldest = watcher.recent[0]?.seq ?? watcher.seq + 1;
    const resumable =
      instance === watcher.instance && Number.isInteger(seen) && seen <= watcher.seq && seen >= oldest - 1;
    if (!resumable) {
      client.send({
        id: currentId,
        event: 'resync',
        data: { reason: 'missed changes; fetch the page again' },
      });
      return;
    }
    for (const { seq, message } of watcher.recent) if (seq > seen) client.send(message);
  }

  /**
   * Keeps the watches within the connection limit: pages opened and closed in a loop (random ids)
   * would otherwise pile up for their grace period, each looked at on every rule change. The
   * oldest watches without a connection go first; they only lose their replay.
   */
  #forgetIdleWatches(): void {
    if (this.#watchers.size < this.deps.maxConnections) return;
    for (const watcher of this.#watchers.values()) {
      if (this.#watchers.size < this.deps.maxConnections) return;
      if (watcher.clients.size > 0) continue;
      if (watcher.expiry !== undefined) clearTimeout(watcher.expiry);
      this.#watchers.delete(watcher.key);
    }
  }

  #leave(watcher: Watcher, client: StreamClient): void {
    if (!watcher.clients.delete(client)) return;
    this.#connections -= 1;
    if (watcher.clients.size > 0) return;
    watcher.expiry = setTimeout(() => {
      if (watcher.clients.size === 0) this.#watchers.delete(watcher.key);
    }, this.deps.graceMs);
    watcher.expiry.unref();
  }

  #profilesChanged(payload: ProfilesChanged): void {
    const profileIds = new Set(payload.profileIds);
    const identities = new Set(payload.identities.map((identity) => identity.value));
    for (const watcher of this.#watchers.values()) {
      const { userId, anonymousId } = watcher.customer;
      if (
        (watcher.profileId !== undefined && profileIds.has(watcher.profileId)) ||
        (userId !== undefined && identities.has(userId)) ||
        (anonymousId !== undefined && identities.has(anonymousId))
      ) {
        this.#enqueue(watcher);
      }
    }
  }

  #catalogChanged(kind: ChangeKind, ids: readonly string[]): void {
    // Collections change what promotions cover, so every page may be affected.
    if (kind === 'collections') return this.#everyPage();
    for (const watcher of this.#watchers.values()) {
      if (ids.some((id) => watcher.watched.has(id))) this.#enqueue(watcher);
    }
  }

  #everyPage(): void {
    for (const watcher of this.#watchers.values()) this.#enqueue(watcher);
  }

  #enqueue(watcher: Watcher): void {
    if (watcher.queued) return;
    watcher.queued = true;
    this.#queue.push(watcher);
    if (this.#timer === undefined && !this.#draining) {
      this.#timer = setTimeout(() => void this.#drain(), COALESCE_MS);
    }
  }

  /** Looks at queued pages one at a time, so a rule change over many open pages never blocks requests. */
  async #drain(): Promise<void> {
    this.#timer = undefined;
    this.#draining = true;
    try {
      for (let watcher = this.#queue.shift(); watcher !== undefined; watcher = this.#queue.shift()) {
        watcher.queued = false;
        if (this.#watchers.get(watcher.key) !== watcher) continue;
        const before = watcher.page;
        try {
          await this.#look(watcher);
        } catch (error) {
          this.deps.onError(error);
          continue;
        }
        for (const change of pageChanges(before, watcher.page)) this.#push(watcher, change);
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.#draining = false;
    }
  }

  #push(watcher: Watcher, change: PageChange): void {
    watcher.seq += 1;
    const message: StreamMessage = {
      id: `${watcher.instance}.${watcher.seq}`,
      event: change.type,
      data: change.data,
    };
    watcher.recent.push({ seq: watcher.seq, message });
    if (watcher.recent.length > REPLAYABLE) watcher.recent.shift();
    for (const client of watcher.clients) client.send(message);
  }

  /** Reads the page as this customer would see it now: the facts `decide` would answer with. */
  async #look(watcher: Watcher): Promise<void> {
    const customer = await this.deps.customers.resolve(watcher.customer);
    const cart = customer.profile?.cart ?? [];
    const quantities = new Map<string, number>(watcher.pageProducts.map((id) => [id, 1]));
    for (const id of customer.profile?.recentlyViewed.slice(0, RECENT_VIEWS_WATCHED) ?? []) {
      if (!quantities.has(id)) quantities.set(id, 1);
    }
    // Cart lines at their quantity: a quantity tier is the price the cart pays.
    for (const line of cart) quantities.set(line.productId, line.quantity);
    const items = [...quantities].map(([productId, quantity]) => ({ productId, quantity }));
    const { pricing } = this.deps;
    const catalog = this.deps.catalog.catalog;
    const prices = new Map<string, { amount: number; currency: string }>();
    for (const priced of pricing.resolve(items, watcher.currency, priceShopperOf(customer))) {
      if (priced.final !== undefined) prices.set(priced.productId, priced.final);
    }
    const stock = new Map<string, { inStock: boolean; available?: number }>();
    for (const { productId } of items) {
      const available = catalog.availableQuantity(productId);
      stock.set(productId, {
        inStock: catalog.isSellable(productId),
        ...(available !== undefined && { available }),
      });
    }
    watcher.page = {
      segments: customer.segments,
      prices,
      stock,
      offers: await this.#offers(watcher.currency, cart, customer),
    };
    watcher.personalized = customer.personalized;
    watcher.profileId = customer.profile?.id;
    watcher.watched = new Set(quantities.keys());
  }

  async #offers(
    currency: string,
    cart: readonly { productId: string; quantity: number }[],
    customer: CustomerContext,
  ): Promise<WatchedPage['offers']> {
    const sellable = cart.filter(
      (line) => this.deps.catalog.catalog.getProduct(line.productId) !== undefined,
    );
    let offers;
    try {
      offers = await this.deps.checkout.offers({ currency, items: sellable }, customer);
    } catch (error) {
      // A cart the checkout refuses (no price in this currency): the offers open without a cart.
      if (!(error instanceof DomainError)) throw error;
      offers = await this.deps.checkout.offers({ currency }, customer);
    }
    return new Map(
      offers.map((offer) => [
        offer.promotionId,
        { title: offer.title, badge: offer.badge, qualified: offer.missing === undefined },
      ]),
    );
  }
}
