import { readRecordedAnswer } from '../../domain/promotions/index.js';
import type { OrderPosition, PromotionStore } from '../../ports/promotion-store.js';
import type { OrderAnswer } from './checkout.js';
import type { Identity } from '../../ports/profile-store.js';

/** An order as `GET /v1/orders` answers it: what `POST /v1/orders` answered, and when. */
export type PlacedOrder = OrderAnswer & { readonly placedAt: string };

/** A page of a customer's orders, newest first. */
export interface OrderPage {
  readonly orders: readonly PlacedOrder[];
  /** Where the next page starts, when there may be one. */
  readonly next: OrderPosition | undefined;
}

/**
 * Reads recorded orders back. Orders are found by the same salted hash of the customer's id that
 * per-customer limits count with, so the store never holds the id beside them; erasing the customer
 * deletes them (docs/api.md, erasure).
 */
export class OrderHistory {
  constructor(
    private readonly deps: {
      readonly store: Pick<PromotionStore, 'getOrder' | 'listOrders'>;
      readonly hashId: (identity: Identity) => string;
    },
  ) {}

  async get(orderId: string): Promise<PlacedOrder | undefined> {
    const recorded = await this.deps.store.getOrder(orderId);
    return recorded && placed(recorded);
  }

  /** The orders placed under `customer` (a user id, else an anonymous id). */
  async list(customer: Identity, limit: number, after: OrderPosition | undefined): Promise<OrderPage> {
    const rows = await this.deps.store.listOrders(this.deps.hashId(customer), limit, after);
    const last = rows.at(-1);
    return {
      orders: rows.map(placed),
      next:
        rows.length === limit && last !== undefined
          ? { createdAt: last.createdAt, orderId: last.orderId }
          : undefined,
    };
  }
}

function placed(recorded: { answer: string; createdAt: number }): PlacedOrder {
  return {
    ...readRecordedAnswer<OrderAnswer>(recorded.answer),
    placedAt: new Date(recorded.createdAt).toISOString(),
  };
}
