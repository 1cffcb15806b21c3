import { Type } from '@sinclair/typebox';
import { CustomerIdField, Id, PageOf, PageQuery, StrictObject } from '../common-schemas.js';
import { CartResponse } from '../promotions/schemas.js';

export const OrderIdParams = StrictObject({ orderId: Id });

/** An order as recorded: the answer `POST /v1/orders` gave, and when it was placed. */
export const PlacedOrderResponse = Type.Intersect([
  CartResponse,
  Type.Object({ placedAt: Type.String({ format: 'date-time' }) }),
]);

/** `GET /v1/orders`: one customer's orders, by user id or anonymous id. */
export const OrderListQuery = StrictObject({
  userId: Type.Optional(CustomerIdField),
  anonymousId: Type.Optional(CustomerIdField),
  ...PageQuery,
});

export const OrderPage = PageOf(PlacedOrderResponse);
