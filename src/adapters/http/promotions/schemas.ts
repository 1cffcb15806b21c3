import { HydratedParts, ProductCard } from '../products/card-schemas.js';
import { Type, type Static } from '@sinclair/typebox';
import {
  Amount,
  CurrencyCode,
  CustomerIdField,
  Id,
  Include,
  Money,
  ProductMatch,
  RequestContext,
  StrictObject,
  TaggedUnion,
  Timestamp,
  asStored,
} from '../common-schemas.js';

const Values = Type.Array(Type.String({ minLength: 1, maxLength: 256 }), { maxItems: 1_000 });
const Percent = Type.Number({ minimum: 0, maximum: 100 });
const Units = Type.Integer({ minimum: 1, maximum: 1_000 });
const Code = Type.String({
  minLength: 3,
  maxLength: 64,
  description: 'A-Z 0-9 _ -, matched case-insensitively',
});

const Target = Type.Union([Type.Literal('items'), Type.Literal('order')]);

const Action = TaggedUnion('type', [
  StrictObject({
    type: Type.Literal('percent_off'),
    target: Target,
    match: Type.Optional(ProductMatch),
    percent: Percent,
    cap: Type.Optional(Amount),
  }),
  StrictObject({
    type: Type.Literal('amount_off'),
    target: Target,
    match: Type.Optional(ProductMatch),
    amount: Amount,
  }),
  StrictObject({ type: Type.Literal('fixed_price'), match: ProductMatch, amount: Amount }),
  StrictObject({
    type: Type.Literal('buy_x_get_y'),
    buy: StrictObject({ match: ProductMatch, quantity: Units }),
    get: StrictObject(
      { productId: Type.Optional(Id), match: Type.Optional(ProductMatch), quantity: Units, percent: Percent },
      { description: 'a named product (added when missing and in stock) or the cheapest units of a match' },
    ),
  }),
  StrictObject({
    type: Type.Literal('spend_tiers'),
    tiers: Type.Array(StrictObject({ gte: Amount, amount: Amount }), { minItems: 1, maxItems: 20 }),
  }),
  StrictObject({ type: Type.Literal('free_shipping') }),
  StrictObject({ type: Type.Literal('gift'), productId: Id }),
]);

/** `PUT /v1/promotions/{id}` body. */
export const PromotionBody = StrictObject({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  badge: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  currency: Type.Optional(CurrencyCode),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('paused')])),
  startsAt: Type.Optional(Timestamp),
  endsAt: Type.Optional(Timestamp),
  audience: Type.Optional(
    StrictObject(
      {
        segments: Type.Optional(Values),
        loyaltyTiers: Type.Optional(Values),
        firstOrderOnly: Type.Optional(Type.Boolean()),
        channels: Type.Optional(Values),
        countries: Type.Optional(Values),
        devices: Type.Optional(Values),
      },
      { description: 'every non-empty field must match; within a field any value may; empty: everyone' },
    ),
  ),
  conditions: Type.Optional(
    StrictObject({
      subtotal: Type.Optional(StrictObject({ gte: Amount })),
      items: Type.Optional(StrictObject({ match: ProductMatch, quantity: StrictObject({ gte: Units }) })),
    }),
  ),
  action: Action,
  stacking: Type.Optional(
    StrictObject({
      mode: Type.Optional(Type.Union([Type.Literal('exclusive'), Type.Literal('stackable')])),
      priority: Type.Optional(
        Type.Integer({ minimum: -1_000_000, maximum: 1_000_000, description: 'higher is evaluated first' }),
      ),
      group: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 100,
          description: 'best-deal group: only its best member applies',
        }),
      ),
    }),
  ),
  limits: Type.Optional(
    StrictObject({
      budget: Type.Optional(Money),
      redemptions: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000_000 })),
      perCustomer: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
      maxDiscountPerOrder: Type.Optional(Amount),
    }),
  ),
  coupon: Type.Optional(
    StrictObject({
      required: Type.Boolean(),
      codes: Type.Optional(Type.Array(Code, { maxItems: 1_000 })),
      singleUse: Type.Optional(Type.Boolean()),
    }),
  ),
});
export type PromotionBody = Static<typeof PromotionBody>;

/** A promotion as answered: defaults filled in, the budget as Money. */
export const PromotionResponse = Type.Object({
  id: Type.String(),
  ...PromotionBody.properties,
  action: asStored(Action),
  badge: Type.String(),
  currency: Type.String(),
  version: Type.Integer(),
  updatedAt: Timestamp,
});

/** `POST /v1/promotions/{id}/coupons:generate` body. */
export const GenerateCodesBody = StrictObject({
  count: Type.Integer({ minimum: 1, maximum: 100_000 }),
  prefix: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{1,16}$' })),
  singleUse: Type.Optional(Type.Boolean({ description: 'default true' })),
});

/** The coupon codes generated. */
export const GenerateCodesResponse = Type.Object({
  promotionId: Type.String(),
  count: Type.Integer(),
  codes: Type.Array(Type.String()),
});

/** The lines of a cart: products and quantities. */
export const CartItems = Type.Array(
  StrictObject({ productId: Id, quantity: Type.Integer({ minimum: 1, maximum: 100_000 }) }),
  {
    maxItems: 500,
  },
);

const cartFields = {
  userId: Type.Optional(CustomerIdField),
  anonymousId: Type.Optional(CustomerIdField),
  context: Type.Optional(RequestContext),
  currency: CurrencyCode,
  items: CartItems,
  coupons: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20 })),
  shipping: Type.Optional(Money),
};

/** `POST /v1/carts:evaluate` body. */
export const CartBody = StrictObject(cartFields);
export type CartBody = Static<typeof CartBody>;

/** `POST /v1/orders` body: a cart with its order id. */
export const OrderBody = StrictObject({ orderId: Id, ...cartFields });
export type OrderBody = Static<typeof OrderBody>;

/** `POST /v1/offers` body: the customer and, optionally, their cart. */
export const OffersBody = StrictObject({
  userId: Type.Optional(CustomerIdField),
  anonymousId: Type.Optional(CustomerIdField),
  context: Type.Optional(RequestContext),
  currency: CurrencyCode,
  cart: Type.Optional(StrictObject({ items: CartItems })),
  include: Type.Optional(Include),
});

const Missing = Type.Object({ amount: Type.Optional(Money), quantity: Type.Optional(Type.Integer()) });

/** An evaluated cart (or a recorded order): lines, discounts, totals, reasons and nudges. */
export const CartResponse = Type.Object({
  orderId: Type.Optional(Type.String()),
  currency: Type.String(),
  lines: Type.Array(
    Type.Object({
      productId: Type.String(),
      quantity: Type.Integer(),
      unitPrice: Money,
      discounts: Type.Array(Type.Object({ promotionId: Type.String(), amount: Money })),
      total: Money,
      product: Type.Optional(ProductCard),
      free: Type.Optional(Type.Boolean()),
      addedBy: Type.Optional(Type.String()),
    }),
  ),
  subtotal: Money,
  discounts: Type.Array(
    Type.Object({
      promotionId: Type.String(),
      couponCode: Type.Optional(Type.String()),
      amount: Money,
      target: Type.String(),
    }),
  ),
  shipping: Type.Optional(Type.Object({ amount: Money, discount: Money })),
  total: Money,
  applied: Type.Array(
    Type.Object({
      promotionId: Type.String(),
      couponCode: Type.Optional(Type.String()),
      reason: Type.String(),
    }),
  ),
  rejected: Type.Array(
    Type.Object({
      promotionId: Type.Optional(Type.String()),
      couponCode: Type.Optional(Type.String()),
      reason: Type.String(),
    }),
  ),
  nudges: Type.Array(Type.Object({ promotionId: Type.String(), message: Type.String(), missing: Missing })),
});

/** The promotions a customer can get now, with what is still missing for each. */
export const OffersResponse = Type.Object({
  offers: Type.Array(
    Type.Object({
      promotionId: Type.String(),
      title: Type.String(),
      badge: Type.String(),
      endsAt: Type.Optional(Type.String()),
      missing: Type.Optional(Missing),
      products: Type.Optional(
        Type.Array(Type.Object({ productId: Type.String(), ...HydratedParts }), {
          description:
            'what the promotion puts in the cart (a gift, the named free item), hydrated as include asks',
        }),
      ),
    }),
  ),
});
