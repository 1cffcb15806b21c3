import { isAvailable, type Catalog, type ProductImage } from '../../domain/catalog/index.js';
import { offerBadges, type Offer, type OfferBadge } from '../../domain/promotions/index.js';
import { priceShopperOf, type CustomerContext } from '../customers/customer-context.js';
import type { PricedItem, PricingService } from '../pricing/pricing-service.js';
import type { PromotionService } from '../promotions/promotion-service.js';

/** What an answer may carry for each product it names (`include` in recommendations, listings, decide). */
export type IncludePart = 'product' | 'price';

/** What a page renders of a product: its title, pictures, slug and whether it can be bought. */
export interface ProductCard {
  readonly title: string;
  readonly images: readonly ProductImage[];
  readonly handle?: string;
  readonly groupId?: string;
  readonly inStock: boolean;
  /** The other products of its group: a list shows the group once, as this card. */
  readonly variants?: readonly Variant[];
}

/** Another product of a card's group. */
export interface Variant {
  readonly productId: string;
  readonly title: string;
  readonly inStock: boolean;
}

/** The parts `include` asked for, for one product; a part the product cannot give is left out. */
export interface Hydration {
  readonly product?: ProductCard;
  /** The unit price this customer pays: the listing's price object, the cart's unit price. */
  readonly price?: PricedItem;
  /** The badges of the item promotions open to this customer on it. */
  readonly offers?: readonly OfferBadge[];
}

export interface HydratorDeps {
  readonly catalog: Catalog;
  readonly pricing: PricingService;
  readonly promotions: PromotionService;
  /** The automatic promotions open to the customer now (the checkout's offers). */
  readonly offers: (currency: string, customer: CustomerContext) => Promise<readonly Offer[]>;
}

/** A reason with titles for the product ids it named, and those ids in order. */
export interface HumanReason {
  readonly reason: string;
  readonly reasonProductIds: readonly string[];
}

/** Cards (and reasons) kept at most; past it they are all built afresh (a catalogue larger than this, browsed widely). */
const MAX_CARDS = 20_000;
/**
 * Variants the kept cards name at most, all cards together: a card lists its group's other
 * variants, so groups of hundreds browsed widely would otherwise keep hundreds of times the cards.
 */
const MAX_CARD_VARIANTS = 200_000;

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Hydrates one product id with the parts asked for: they are written onto `into` (a new object by
 * default), which is returned; a product the catalogue does not hold gets none.
 */
export type HydrateInto = <T extends object = Hydration>(productId: string, into?: T) => T & Hydration;

/** A product id as reasons write it: the id pattern's characters, so words around it stay words. */
const ID_TOKEN = /[A-Za-z0-9._:-]+/g;

/**
 * Hydrates answers: each product named in one gets its card, its price for this customer and its
 * badges, read from memory (the catalogue, the price index, the promotion index) with one read of
 * the customer's open offers per answer.
 */
export class ProductHydrator {
  readonly #cards = new Map<string, ProductCard>();
  readonly #reasons = new Map<string, HumanReason>();
  /** The catalogue's revision the cards and reasons were built at. */
  #cardsRevision = -1;
  /** Variants named by the cards kept (see {@link MAX_CARD_VARIANTS}). */
  #cardVariants = 0;

  constructor(private readonly deps: HydratorDeps) {}

  /**
   * A function that hydrates one product id with the parts asked for, written onto `into` (a new
   * object by default) so an item and its parts make one object; the customer's offers are read
   * once, here, when prices are asked for.
   */
  async prepare(
    include: readonly IncludePart[],
    currency: string,
    customer: CustomerContext,
  ): Promise<HydrateInto> {
    const { catalog, pricing, promotions } = this.deps;
    const wantsProduct = include.includes('product');
    const wantsPrice = include.includes('price');
    if (!wantsProduct && !wantsPrice) return (_productId, into) => into ?? ({} as never);
    const badges = wantsPrice
      ? offerBadges(promotions.index, await this.deps.offers(currency, customer), (collectionId, id) =>
          catalog.isInCollection(collectionId, id),
        )
      : undefined;
    const shopper = priceShopperOf(customer);
    return <T extends object>(productId: string, into?: T): T & Hydration => {
      const hydrated = (into ?? {}) as T & Writable<Hydration>;
      const product = catalog.getProduct(productId);
      if (product === undefined) return hydrated;
      if (wantsProduct) hydrated.product = this.card(productId) as ProductCard;
      if (wantsPrice) {
        const [price] = pricing.resolve([{ productId, quantity: 1 }], currency, shopper);
        if (price !== undefined && price.error === undefined) hydrated.price = price;
      }
      if (badges !== undefined) hydrated.offers = badges(product);
      return hydrated;
    };
  }

  /**
   * The product's card, or undefined when the catalogue does not hold it. Cards are kept until the
   * catalogue changes (any product, stock or collection: its revision), so a page that names a
   * product on every request builds its card once; the same for every customer.
   */
  card(productId: string): ProductCard | undefined {
    this.#keepUpWithCatalog();
    const kept = this.#cards.get(productId);
    if (kept !== undefined) return kept;
    const card = this.#buildCard(productId);
    if (card !== undefined) {
      this.#cards.set(productId, card);
      this.#cardVariants += card.variants?.length ?? 0;
    }
    return card;
  }

  /** Drops what was derived from an older catalogue, or everything once past the bound. */
  #keepUpWithCatalog(): void {
    const { catalog } = this.deps;
    if (
      this.#cardsRevision === catalog.revision &&
      this.#cards.size < MAX_CARDS &&
      this.#cardVariants < MAX_CARD_VARIANTS &&
      this.#reasons.size < MAX_CARDS
    )
      return;
    this.#cards.clear();
    this.#cardVariants = 0;
    this.#reasons.clear();
    this.#cardsRevision = catalog.revision;
  }

  #buildCard(productId: string): ProductCard | undefined {
    const { catalog } = this.deps;
    const product = catalog.getProduct(productId);
    if (product === undefined) return undefined;
    return {
      title: product.title,
      images: product.images ?? [],
      ...(product.handle !== undefined && { handle: product.handle }),
      ...(product.groupId !== undefined && { groupId: product.groupId }),
      inStock: isAvailable(catalog.stockOf(productId)),
      ...(product.groupId !== undefined && { variants: this.#variants(productId) }),
    };
  }

  /** The card's other variants: lists show a group once, so its card names the rest. */
  #variants(productId: string): Variant[] {
    const { catalog } = this.deps;
    return catalog.variantsOf(productId).flatMap((id) => {
      const variant = catalog.getProduct(id);
      return variant === undefined || variant.status !== 'active'
        ? []
        : [{ productId: id, title: variant.title, inStock: isAvailable(catalog.stockOf(id)) }];
    });
  }

  /**
   * A reason for people: each product id in it (the strategies write "bought with 85123A") becomes
   * that product's title, and the ids it named are returned beside it, in order. Kept, as cards are,
   * until the catalogue changes: the same few reasons come back on every page.
   */
  humanReason(reason: string): HumanReason {
    this.#keepUpWithCatalog();
    let human = this.#reasons.get(reason);
    if (human === undefined) this.#reasons.set(reason, (human = this.#humanise(reason)));
    return human;
  }

  #humanise(reason: string): HumanReason {
    const ids: string[] = [];
    const text = reason.replace(ID_TOKEN, (token) => {
      const product = this.deps.catalog.getProduct(token);
      if (product === undefined) return token;
      ids.push(token);
      return product.title;
    });
    return { reason: text, reasonProductIds: ids };
  }
}

/** Answer items as hydrated: the item, the parts asked for, and reasons for people when cards are. */
export type Hydrated<T> = T & Hydration & { readonly reasonProductIds?: readonly string[] };

/**
 * Hydrates a list of recommended (or any) items; with cards asked for, each `reason` is rewritten
 * for people (titles for ids) and the ids go in `reasonProductIds`.
 */
export function hydrateItems<T extends { readonly productId: string; readonly reason?: string }>(
  items: readonly T[],
  hydrate: HydrateInto,
  hydrator: ProductHydrator,
  include: readonly IncludePart[],
): Hydrated<T>[] {
  if (include.length === 0) return [...items];
  const humane = include.includes('product');
  return items.map((item) => {
    const hydrated = hydrate(item.productId, { ...item });
    if (humane && item.reason !== undefined) {
      const { reason, reasonProductIds } = hydrator.humanReason(item.reason);
      Object.assign(hydrated, { reason, reasonProductIds });
    }
    return hydrated;
  });
}

/**
 * Offers with the products they put in the cart hydrated as `include` asks (`products` in place of
 * `productIds`), so a banner shows the gift's picture and price from the same answer.
 */
export function withOfferProducts<T extends { readonly productIds?: readonly string[] }>(
  offers: readonly T[],
  hydrate: HydrateInto,
): (Omit<T, 'productIds'> & { readonly products?: readonly ({ productId: string } & Hydration)[] })[] {
  return offers.map(({ productIds, ...offer }) =>
    productIds === undefined
      ? offer
      : { ...offer, products: productIds.map((productId) => hydrate(productId, { productId })) },
  );
}

/** A listing's items with their cards when `include` names `product` (they carry prices already). */
export function withCards<T extends { readonly productId: string }>(
  items: readonly T[],
  hydrator: ProductHydrator,
  include: readonly IncludePart[],
): (T & { readonly product?: ProductCard })[] {
  if (!include.includes('product')) return [...items];
  return items.map((item) => {
    const product = hydrator.card(item.productId);
    return product === undefined ? item : { ...item, product };
  });
}
