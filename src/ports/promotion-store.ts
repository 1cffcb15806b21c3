import type { CouponState, Promotion, PromotionDraft, PromotionUsage } from '../domain/promotions/index.js';
import type { VersionPrecondition, WriteOptions } from './catalog-store.js';

/** What an order takes from one promotion's limits. */
export interface Redemption {
  readonly promotionId: string;
  readonly discount: number;
  /** The code that brought it; a single-use code is marked redeemed. */
  readonly coupon?: { readonly code: string; readonly singleUse: boolean };
  /** The promotion's per-customer limit, when it has one. */
  readonly perCustomer?: number;
}

/**
 * A checkout order to record with what it redeems, all or nothing. Redemptions are taken in
 * promotionId order, so two orders always lock the same rows in the same order (no deadlock).
 */
export interface OrderRedemption {
  readonly orderId: string;
  /** A digest of the request: the same orderId with another request is a conflict, not a replay. */
  readonly requestHash: string;
  /** The answer to keep and give again on a replay. */
  readonly answer: string;
  /** Whom per-customer limits count: a salted hash of their id, never the id; none for a guest. */
  readonly customerKey?: string;
  readonly redemptions: readonly Redemption[];
  readonly now: number;
}

export type RedemptionResult =
  | { readonly kind: 'recorded' }
  | { readonly kind: 'replay'; readonly requestHash: string; readonly answer: string }
  | {
      readonly kind: 'refused';
      readonly promotionId: string;
      readonly reason: 'coupon_redeemed' | 'budget_exhausted' | 'customer_limit';
    };

/** An order as recorded: the answer it got and when. */
export interface RecordedOrder {
  readonly orderId: string;
  readonly answer: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
}

/** Where a page of a customer's orders starts: after this order, newest first. */
export interface OrderPosition {
  readonly createdAt: number;
  readonly orderId: string;
}

export interface PromotionStore {
  /**
   * Writes a promotion, its listed codes and its limits in one transaction.
   * @throws DomainError `coupon_taken` when a listed code belongs to another promotion.
   */
  putPromotion(draft: PromotionDraft, options: WriteOptions): Promise<Promotion>;
  getPromotion(id: string): Promise<Promotion | undefined>;
  listPromotions(): Promise<Promotion[]>;
  /** Deletes a promotion with its codes and usage. */
  deletePromotion(id: string, ifVersion: VersionPrecondition | undefined): Promise<boolean>;
  /** Adds codes to a promotion; a code that exists already is skipped. Resolves to the codes added. */
  addCoupons(promotionId: string, codes: readonly string[], singleUse: boolean): Promise<string[]>;
  /** The given (normalised) codes that exist. */
  couponStates(codes: readonly string[]): Promise<CouponState[]>;
  /** How much of each promotion's limits is used, overall and by one customer. */
  promotionUsage(
    promotionIds: readonly string[],
    customerKey: string | undefined,
  ): Promise<{ promotions: Map<string, PromotionUsage>; customer: Map<string, number> }>;
  /**
   * Records an order and takes its redemptions from the limits atomically, with conditional updates
   * (so several nodes never overspend): if any limit would be overrun nothing is written and the
   * first promotion refused is named. An orderId seen before answers as a replay.
   */
  recordOrder(order: OrderRedemption): Promise<RedemptionResult>;
  /** An order recorded before: the digest of its request and the answer it got. */
  findOrder(orderId: string): Promise<{ requestHash: string; answer: string } | undefined>;
  /** One recorded order. */
  getOrder(orderId: string): Promise<RecordedOrder | undefined>;
  /** A customer's orders (by the salted hash per-customer limits use), newest first, after `after`. */
  listOrders(customerKey: string, limit: number, after: OrderPosition | undefined): Promise<RecordedOrder[]>;
}
