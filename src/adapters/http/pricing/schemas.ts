import { Type, type Static } from '@sinclair/typebox';
import {
  Amount,
  CurrencyCode,
  CustomerIdField,
  Id,
  Money,
  ProductMatch,
  RequestContext,
  StrictObject,
  Timestamp,
} from '../common-schemas.js';

const Values = Type.Array(Type.String({ minLength: 1, maxLength: 256 }), { maxItems: 10_000 });

/** Who a price list is for. */
export const PriceListAudience = StrictObject(
  {
    segments: Type.Optional(Values),
    customers: Type.Optional(Values),
    companies: Type.Optional(Values),
    channels: Type.Optional(Values),
    countries: Type.Optional(Values),
    loyaltyTiers: Type.Optional(Values),
  },
  { description: 'every non-empty field must match; within a field any value may; empty: everyone' },
);

const QuantityTier = StrictObject({
  minQuantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  amount: Amount,
});

/** `PUT /v1/price-lists/{id}` body. */
export const PriceListBody = StrictObject({
  name: Type.Optional(Type.String({ maxLength: 200 })),
  type: Type.Union([Type.Literal('sale'), Type.Literal('override')]),
  currency: CurrencyCode,
  priority: Type.Optional(
    Type.Integer({ minimum: -1_000_000, maximum: 1_000_000, description: 'higher is considered first' }),
  ),
  startsAt: Type.Optional(Timestamp),
  endsAt: Type.Optional(Timestamp),
  audience: Type.Optional(PriceListAudience),
  prices: Type.Optional(
    Type.Array(
      StrictObject(
        {
          productId: Id,
          amount: Type.Optional(Amount),
          tiers: Type.Optional(Type.Array(QuantityTier, { minItems: 1, maxItems: 50 })),
        },
        { description: 'a unit price (amount) or quantity tiers, not both' },
      ),
      { maxItems: 100_000 },
    ),
  ),
  rule: Type.Optional(
    StrictObject(
      {
        percentOff: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
        amountOff: Type.Optional(Amount),
        match: ProductMatch,
      },
      { description: 'percentOff or amountOff, for the products match selects' },
    ),
  ),
});
export type PriceListBody = Static<typeof PriceListBody>;

/** A price list as stored. */
export const PriceListResponse = Type.Object(
  {
    id: Type.String(),
    ...PriceListBody.properties,
    priority: Type.Integer(),
    version: Type.Integer(),
    updatedAt: Timestamp,
  },
  { additionalProperties: false },
);

/** `POST /v1/prices:resolve` body. */
export const PriceResolveBody = StrictObject({
  userId: Type.Optional(CustomerIdField),
  anonymousId: Type.Optional(CustomerIdField),
  context: Type.Optional(RequestContext),
  currency: CurrencyCode,
  items: Type.Array(
    StrictObject({ productId: Id, quantity: Type.Integer({ minimum: 1, maximum: 100_000 }) }),
    {
      minItems: 1,
      maxItems: 500,
    },
  ),
});
export type PriceResolveBody = Static<typeof PriceResolveBody>;

const Applied = Type.Object({ priceListId: Type.String(), kind: Type.String(), reason: Type.String() });

/** One resolved price (a line of `prices:resolve`, a listing item's `price`). */
export const ResolvedPrice = Type.Object({
  productId: Type.String(),
  quantity: Type.Integer(),
  base: Type.Optional(Type.Union([Money, Type.Null()])),
  final: Type.Optional(Money),
  lineTotal: Type.Optional(Money),
  applied: Type.Optional(Type.Array(Applied)),
  personalized: Type.Optional(Type.Boolean()),
  lowestPrice30d: Type.Optional(Money),
  tier: Type.Optional(Type.Object({ priceListId: Type.String(), minQuantity: Type.Integer() })),
  error: Type.Optional(Type.Object({ code: Type.String() })),
});

/** `POST /v1/prices:resolve` answer: one resolved price per item, in order. */
export const PriceResolveResponse = Type.Object({ items: Type.Array(ResolvedPrice) });
