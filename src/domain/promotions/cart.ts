import type {
  AttributeValue,
  CollectionMembership,
  CurrencyCode,
  MatchableProduct,
  Money,
} from '../shared/index.js';

/** A cart line as promotions see it: priced (the unit price pricing resolved) and described. */
export interface CartLineInput {
  readonly productId: string;
  readonly quantity: number;
  /** Minor units: the unit price the listing showed. */
  readonly unitPrice: number;
  readonly categories: readonly string[];
  readonly brand?: string;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  /** Unit cost, when known: no promotion takes a line below it. */
  readonly cost?: number;
}

/** What promotions know of the shopper. */
export interface Shopper {
  readonly segments: ReadonlySet<string>;
  readonly loyaltyTier?: string;
  readonly isFirstOrder: boolean;
  /** Lower-case. */
  readonly channel?: string;
  readonly country?: string;
  readonly device?: string;
  /** Promotions an experiment variant switches on (even paused or outside their audience) or off. */
  readonly promotions?: { readonly enable: ReadonlySet<string>; readonly disable: ReadonlySet<string> };
}

/** How much of a promotion's limits is used so far (from the store). */
export interface PromotionUsage {
  readonly discountGiven: number;
  readonly redemptions: number;
}

/** A coupon code as the store knows it. */
export interface CouponState {
  readonly code: string;
  readonly promotionId: string;
  readonly singleUse: boolean;
  readonly redeemed: boolean;
}

/** What the limits of the promotions in play have used, read just before evaluating. */
export interface Usage {
  readonly promotions: ReadonlyMap<string, PromotionUsage>;
  /** This customer's redemptions, per promotion. */
  readonly customer: ReadonlyMap<string, number>;
}

/** A product a promotion may add (the Y of buy X get Y, a gift): its price and whether it is in stock. */
export interface AddableProduct extends Omit<CartLineInput, 'quantity'> {
  readonly inStock: boolean;
}

export interface CartRequest {
  readonly currency: CurrencyCode;
  readonly lines: readonly CartLineInput[];
  /** Shipping before discounts, minor units. */
  readonly shipping?: number;
  /** Codes as entered; matched case-insensitively. */
  readonly coupons: readonly string[];
}

export interface CartContext {
  /** Epoch ms. */
  readonly now: number;
  readonly shopper: Shopper;
  readonly usage: Usage;
  readonly isInCollection: CollectionMembership;
  readonly product: (productId: string) => AddableProduct | undefined;
  /** No order total below this (minor units). */
  readonly minOrderTotal: number;
}

/** Why a promotion or code did not apply. Stable codes. */
export type RejectionReason =
  | 'expired'
  | 'not_started'
  | 'paused'
  | 'audience'
  | 'condition_unmet'
  | 'budget_exhausted'
  | 'customer_limit'
  | 'not_combinable'
  | 'not_best_in_group'
  | 'coupon_unknown'
  | 'coupon_redeemed'
  | 'currency_mismatch'
  | 'out_of_stock'
  | 'max_discount_exceeded'
  | 'no_discount';

export interface EvaluatedLine {
  readonly productId: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly discounts: readonly { readonly promotionId: string; readonly amount: Money }[];
  readonly total: Money;
  /** Added by a promotion (the free Y, a gift). */
  readonly free?: true;
  readonly addedBy?: string;
}

export interface Nudge {
  readonly promotionId: string;
  readonly message: string;
  readonly missing: { readonly amount?: Money; readonly quantity?: number };
}

/** The answer of `POST /v1/carts:evaluate`: every part adds up to the total. */
export interface CartEvaluation {
  readonly currency: CurrencyCode;
  readonly lines: readonly EvaluatedLine[];
  readonly subtotal: Money;
  readonly discounts: readonly {
    readonly promotionId: string;
    /** The coupon code that brought the promotion, as normalised (trimmed, upper-case). */
    readonly couponCode?: string;
    readonly amount: Money;
    readonly target: 'items' | 'order' | 'shipping';
  }[];
  readonly shipping?: { readonly amount: Money; readonly discount: Money };
  readonly total: Money;
  readonly applied: readonly {
    readonly promotionId: string;
    readonly couponCode?: string;
    readonly reason: string;
  }[];
  readonly rejected: readonly {
    readonly promotionId?: string;
    /** The entered coupon code refused. (`code` is kept for error codes everywhere in the API.) */
    readonly couponCode?: string;
    readonly reason: RejectionReason;
  }[];
  readonly nudges: readonly Nudge[];
}

/** A line while promotions run: what is left to pay and what was taken off. */
export interface WorkingLine {
  readonly productId: string;
  readonly quantity: number;
  readonly unitPrice: number;
  /** The product as matches read it. */
  readonly product: MatchableProduct;
  /** What the line still costs after the promotions so far. */
  remaining: number;
  /** Below this the line may not go: its cost when known (never above its price), else 0. */
  readonly floor: number;
  readonly discounts: { promotionId: string; amount: number }[];
  /** The promotion that added the line (the free Y of buy X get Y, a gift). */
  readonly addedBy?: string;
}
