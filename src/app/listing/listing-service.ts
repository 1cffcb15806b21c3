import { grossMargin, type Catalog, type Product } from '../../domain/catalog/index.js';
import { offerBadges } from '../../domain/promotions/index.js';
import {
  DEFAULT_LISTING_RULES,
  NO_AFFINITIES,
  idHash,
  nextCursor,
  orderListing,
  pinnedFor,
  rankHead,
  readListingRules,
  scanListing,
  type ListingPin,
  type ListingRules,
  type RankingWeights,
  readCursor,
  textRelevance,
  type ListingCandidate,
  type RankedListingItem,
  type ScannedListing,
  type SeenCursor,
  type Shelf,
  type ViewerAffinities,
} from '../../domain/ranking/index.js';
import { firstOfEachGroup, isInCategory, normalizeCategoryPath } from '../../domain/shared/index.js';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import { followOtherNodes, rereadOnChange } from '../follow-other-nodes.js';
import type { SettingsStore } from '../../ports/store.js';
import { priceShopperOf, type CustomerContext } from '../customers/customer-context.js';
import type { PricedItem, PricingService } from '../pricing/pricing-service.js';
import type { ProfileService } from '../profiles/profile-service.js';
import type { Checkout } from '../promotions/checkout.js';
import type { PromotionService } from '../promotions/promotion-service.js';
import type { RecommendationService } from '../recommendations/recommendation-service.js';
import { AppError } from '../errors.js';
import { asStored, checkLoadable, loadEach, type UnloadableReport } from '../loadable.js';

export interface ListingQuery {
  /** A category path: the listing is its products and its descendants'. */
  readonly category?: string;
  /** A text query over titles and descriptions. */
  readonly query?: string;
  readonly currency: string;
  readonly limit: number;
  /** The opaque cursor of the previous page (base64url). */
  readonly cursor?: string;
}

export interface ListingItem {
  readonly productId: string;
  readonly title: string;
  readonly price: PricedItem;
  /** Item promotions this customer can get on it now. */
  readonly offers: readonly { readonly promotionId: string; readonly badge: string }[];
  readonly inStock: boolean;
  readonly reasons: readonly string[];
}

export interface Listing {
  readonly items: readonly ListingItem[];
  readonly nextCursor: string | null;
}

export interface ListingServiceDeps {
  readonly store: SettingsStore;
  readonly bus: EventBus;
  readonly nodeId: string;
  readonly catalog: Catalog;
  readonly clock: Clock;
  readonly pricing: PricingService;
  readonly profiles: ProfileService;
  readonly recommendations: RecommendationService;
  readonly promotions: PromotionService;
  readonly checkout: Checkout;
  /** Stored listing rules that do not load are left out (the defaults apply) and reported here. */
  readonly reportUnloadable: UnloadableReport;
}

/** What a listing's scan keeps: its candidates in the visitor's order, and the popularity scale. */
interface CachedScan extends ScannedListing {
  readonly at: number;
  /** The store's weights, or an experiment variant's over them (each has scans of its own). */
  readonly weights: RankingWeights;
  /** The head as ranked for each viewer (their profile, or the visitor), while this scan lasts. */
  readonly heads: WeakMap<object, readonly RankedListingItem[]>;
  /** Candidates and ranked items this scan holds, counted against MAX_CACHED_CANDIDATES. */
  held: number;
}

/** The rules are one small document with the store-wide settings; the bus says when they change. */
const RULES_KEY = 'listings.rules';

/** Products re-ranked for the customer per request: the head of the visitor's order. */
const RERANKED = 500;
/** How long a listing's scanned candidates are reused, ms. */
const CANDIDATES_MS = 5_000;
/**
 * Candidates and ranked items kept over all cached listings, at most (some 100 MB): text queries
 * and profiles come from anyone with a publishable key, so the cache is bounded by what it holds,
 * not by how many listings or viewers.
 */
const MAX_CACHED_CANDIDATES = 500_000;
/** Shown products a cursor may remember: past this, a shopper is better served by a narrower listing. */
const MAX_SHOWN = 2_000;

/**
 * Category listings and text-query results, ranked for the customer (their affinities, only with
 * consent), priced as the cart will charge, with the badges of the item promotions open to them.
 * Pages follow a cursor of what was shown, so reordering between pages never repeats or skips one.
 */
export class ListingService {
  readonly #cache = new Map<string, CachedScan>();
  #cachedCandidates = 0;
  #rules: ListingRules = DEFAULT_LISTING_RULES;

  constructor(private readonly deps: ListingServiceDeps) {}

  /** Loads the rules in force and follows other nodes' changes to them. */
  async start(): Promise<void> {
    const reread = async () => this.#use(await this.#readRules());
    await followOtherNodes(this.deps.bus, this.deps.nodeId, 'listings', rereadOnChange(reread));
    await reread();
  }

  rules(): ListingRules {
    return this.#rules;
  }

  /** @throws DomainError `invalid_listing_rules`. */
  async putRules(input: {
    weights?: Partial<RankingWeights>;
    pins?: readonly ListingPin[];
  }): Promise<ListingRules> {
    const rules = readListingRules(input);
    checkLoadable('listing rules', () => readListingRules(asStored(rules)));
    await this.deps.store.setSetting(RULES_KEY, JSON.stringify(rules));
    this.#use(rules);
    await this.deps.bus.publish('listings', { origin: this.deps.nodeId });
    return rules;
  }

  async #readRules(): Promise<ListingRules> {
    const stored = await this.deps.store.getSetting(RULES_KEY);
    const [rules] = loadEach(
      'listing-rules',
      stored === undefined ? [] : [stored],
      () => 'rules',
      (text) => readListingRules(JSON.parse(text) as ListingRules),
      this.deps.reportUnloadable,
    );
    return rules ?? DEFAULT_LISTING_RULES;
  }

  /** New weights change every order: rankings remembered under the old ones are dropped. */
  #use(rules: ListingRules): void {
    this.#rules = rules;
    this.#cache.clear();
    this.#cachedCandidates = 0;
  }

  /** @throws DomainError `invalid_cursor` when the cursor is not one this service made. */
  async list(query: ListingQuery, customer: CustomerContext): Promise<Listing> {
    const seen = query.cursor === undefined ? undefined : readSeen(query.cursor);
    const now = this.deps.clock.now();
    const shown = seen?.shown ?? new Set<number>();
    const scanned = this.#scanned(query, now, this.#weightsFor(customer));
    const ranked = this.#ranked(scanned, pinnedFor(this.#rules, query), customer, now);
    const { page, more } = this.#priceInOrder(ranked, shown, query, customer);
    const badges = await this.#badges(query.currency, customer);
    const items = page.map(({ ranked: item, price }) => {
      const product = this.deps.catalog.getProduct(item.productId) as Product;
      return {
        productId: item.productId,
        title: product.title,
        price,
        offers: badges(product),
        inStock: item.inStock,
        reasons: item.reasons(),
      };
    });
    return {
      items,
      nextCursor:
        more && shown.size + items.length < MAX_SHOWN
          ? Buffer.from(
              nextCursor(
                seen,
                items.map((item) => item.productId),
              ),
            ).toString('base64url')
          : null,
    };
  }

  /**
   * Active products of the category or answering the query, with what ranking reads of them, in
   * their order for a visitor. The scan and the popularity behind it are kept a few seconds per
   * listing (popularity moves in minutes); stock and status are always read fresh.
   */
  #scanned(query: ListingQuery, now: number, weights: RankingWeights): CachedScan {
    const tested = weights === this.#rules.weights ? '' : JSON.stringify(weights);
    const key = `${query.category ?? ''}\u0000${query.query ?? ''}\u0000${tested}`;
    let cached = this.#cache.get(key);
    if (cached === undefined || now - cached.at >= CANDIDATES_MS || now < cached.at) {
      const candidates = this.#readCandidates(query, now);
      if (this.#cachedCandidates + candidates.length > MAX_CACHED_CANDIDATES) {
        this.#cache.clear();
        this.#cachedCandidates = 0;
      }
      this.#cachedCandidates += candidates.length - (this.#cache.get(key)?.held ?? 0);
      cached = {
        ...scanListing(candidates, weights),
        weights,
        at: now,
        heads: new WeakMap(),
        held: candidates.length,
      };
      this.#cache.set(key, cached);
    }
    return cached;
  }

  /**
   * The listing in the order pages take it (the domain's `orderListing`), with status and stock
   * read now, not from the remembered scan.
   */
  #ranked(scanned: CachedScan, pinned: readonly string[], customer: CustomerContext, now: number) {
    const { catalog } = this.deps;
    const shelf: Shelf = {
      isListed: (id) => catalog.getProduct(id)?.status === 'active',
      isSellable: (id) => catalog.isSellable(id),
    };
    return orderListing(scanned, this.#head(scanned, customer, now), pinned, scanned.weights, shelf);
  }

  /**
   * The head of the scan ranked for this viewer, by score alone. Reused while the scan and the
   * customer's profile stay the same: a profile is replaced, not changed, when their events arrive,
   * so their own clicks re-rank the next page at once, while browsing page after page costs one
   * ranking per scan.
   */
  #head(scanned: CachedScan, customer: CustomerContext, now: number): readonly RankedListingItem[] {
    const viewer = customer.profile ?? NO_AFFINITIES;
    const cached = scanned.heads.get(viewer);
    if (cached !== undefined) return cached;
    const head = rankHead(scanned, this.#viewer(customer, now), scanned.weights, RERANKED);
    // Rankings count against the same bound as candidates: anyone can make profiles and queries.
    if (this.#cachedCandidates + head.length <= MAX_CACHED_CANDIDATES) {
      scanned.heads.set(viewer, head);
      scanned.held += head.length;
      this.#cachedCandidates += head.length;
    }
    return head;
  }

  /** The store's weights, or those the viewer's experiment variant sets over them. */
  #weightsFor(customer: CustomerContext): RankingWeights {
    const tested = customer.experiments?.listingWeights;
    return tested === undefined ? this.#rules.weights : { ...this.#rules.weights, ...tested };
  }

  #readCandidates(query: ListingQuery, now: number): ListingCandidate[] {
    const { catalog, recommendations } = this.deps;
    const category = query.category === undefined ? undefined : normalizeCategoryPath(query.category);
    const popularity = recommendations.models.online.popularity;
    const candidates: ListingCandidate[] = [];
    for (const product of catalog.products()) {
      if (product.status !== 'active') continue;
      if (category !== undefined && !product.categories.some((path) => isInCategory(path, category)))
        continue;
      const relevance =
        query.query === undefined ? 1 : textRelevance(query.query, product.title, product.description);
      if (relevance === 0) continue;
      const margin = grossMargin(product);
      candidates.push({
        id: product.id,
        categories: product.categories,
        ...(product.brand !== undefined && { brand: product.brand }),
        relevance,
        popularity: popularity.score('all', product.id, now),
        ...(margin !== undefined && { margin }),
      });
    }
    return candidates;
  }

  /**
   * The customer's affinities and what their live session points to, or none for a visitor or a
   * customer who did not consent.
   */
  #viewer(customer: CustomerContext, now: number): ViewerAffinities {
    if (customer.profile === undefined) return NO_AFFINITIES;
    const { affinities } = this.deps.profiles.computedOf(customer.profile, now);
    const session = new Map(
      [...this.deps.recommendations.sessionSuggestions(customer)].map(([item, { score, because }]) => [
        item,
        { score, label: `because you looked at ${because}` },
      ]),
    );
    return {
      categories: new Map(affinities.categories.map(({ key, score }) => [key, score])),
      brands: new Map(affinities.brands.map(({ key, score }) => [key.toLowerCase(), score])),
      session,
    };
  }

  /**
   * The next `limit` products not shown yet that have a price in the currency, in ranked order, and
   * whether any product not shown is left after them.
   */
  #priceInOrder(
    ranked: Iterable<RankedListingItem>,
    shown: ReadonlySet<number>,
    query: ListingQuery,
    customer: CustomerContext,
  ): { page: { ranked: RankedListingItem; price: PricedItem }[]; more: boolean } {
    const page: { ranked: RankedListingItem; price: PricedItem }[] = [];
    const shopper = priceShopperOf(customer);
    // One card per product group, on this page and the ones before it: its best-ranked variant.
    const firstOfGroup = firstOfEachGroup((id) => this.deps.catalog.getProduct(id)?.groupId);
    for (const item of ranked) {
      if (!firstOfGroup(item.productId) || shown.has(idHash(item.productId))) continue;
      if (page.length >= query.limit) return { page, more: true };
      const [price] = this.deps.pricing.resolve(
        [{ productId: item.productId, quantity: 1 }],
        query.currency,
        shopper,
      );
      if (price !== undefined && price.error === undefined) page.push({ ranked: item, price });
    }
    return { page, more: false };
  }

  /** The badges of the item promotions open to the customer, for each product shown. */
  async #badges(currency: string, customer: CustomerContext) {
    const { catalog, checkout, promotions } = this.deps;
    return offerBadges(promotions.index, await checkout.openOffers(currency, customer), (collectionId, id) =>
      catalog.isInCollection(collectionId, id),
    );
  }
}

function readSeen(cursor: string): SeenCursor {
  const seen = /^[A-Za-z0-9_-]+$/.test(cursor) ? readCursor(Buffer.from(cursor, 'base64url')) : undefined;
  if (seen === undefined)
    throw new AppError('invalid_cursor', 'the cursor is not one a listing gave', { pointer: '/cursor' });
  return seen;
}
