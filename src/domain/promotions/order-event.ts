import { formatMajorUnits, type CurrencyCode } from '../shared/index.js';
import type { CartEvaluation } from './cart.js';

/** An order checkout has recorded: its id, whom it is for, and its currency. */
export interface PlacedOrder {
  readonly orderId: string;
  readonly userId?: string;
  readonly anonymousId?: string;
  readonly currency: CurrencyCode;
}

/**
 * A Segment `track` call for `Order Completed`, as a merchant's own tracking would send it: money in
 * decimal major units, snake_case properties (Segment e-commerce spec v2).
 */
export interface OrderCompletedCall {
  readonly type: 'track';
  readonly event: 'Order Completed';
  readonly messageId: string;
  readonly userId?: string;
  readonly anonymousId?: string;
  readonly properties: {
    readonly order_id: string;
    readonly currency: CurrencyCode;
    /** What the customer paid, shipping included. */
    readonly total: number;
    /** Every promotion's discount added up. */
    readonly discount: number;
    /** Shipping after its discount; absent when the cart carried none. */
    readonly shipping?: number;
    /** The codes that gave a discount, comma-separated; absent when none did. */
    readonly coupon?: string;
    readonly products: readonly {
      readonly product_id: string;
      readonly quantity: number;
      /** The unit price before promotions. */
      readonly price: number;
    }[];
  };
}

/**
 * The `Order Completed` event checkout tracks for an order it recorded, so the profile counts the
 * order like any other: its messageId and order_id come from the orderId, so the profile counts it
 * once however often it is replayed, and also when the merchant's tracking sends it. A guest's order
 * (neither userId nor anonymousId) has no profile to count it: undefined.
 * Properties follow the Segment e-commerce spec v2, `Order Completed`
 * (https://segment.com/docs/connections/spec/ecommerce/v2/#order-completed).
 */
export function orderCompletedEvent(
  order: PlacedOrder,
  evaluation: CartEvaluation,
): OrderCompletedCall | undefined {
  if (order.userId === undefined && order.anonymousId === undefined) return undefined;
  const major = (amount: number) => Number(formatMajorUnits({ amount, currency: order.currency }));
  const discount = evaluation.discounts.reduce((sum, each) => sum + each.amount.amount, 0);
  const codes = evaluation.discounts.flatMap((each) =>
    each.couponCode === undefined ? [] : [each.couponCode],
  );
  const { shipping } = evaluation;
  return {
    type: 'track',
    event: 'Order Completed',
    messageId: `order-${order.orderId}`,
    ...(order.userId !== undefined && { userId: order.userId }),
    ...(order.anonymousId !== undefined && { anonymousId: order.anonymousId }),
    properties: {
      order_id: order.orderId,
      currency: order.currency,
      total: major(evaluation.total.amount),
      discount: major(discount),
      ...(shipping !== undefined && { shipping: major(shipping.amount.amount - shipping.discount.amount) }),
      ...(codes.length > 0 && { coupon: codes.join(',') }),
      products: evaluation.lines.map((line) => ({
        product_id: line.productId,
        quantity: line.quantity,
        price: major(line.unitPrice.amount),
      })),
    },
  };
}
