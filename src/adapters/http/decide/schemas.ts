import { Type } from '@sinclair/typebox';
import {
  CategoryPath,
  CurrencyCode,
  CustomerIdField,
  Id,
  includeField,
  RequestContext,
  StrictObject,
  Timestamp,
} from '../common-schemas.js';
import { ResolvedContent } from '../content/schemas.js';
import { ListingResponse } from '../listings/schemas.js';
import { HydratedParts, ProductCard } from '../products/card-schemas.js';
import { CartItems, CartResponse, OffersResponse } from '../promotions/schemas.js';
import { RecommendationFilter, RecommendationResponse, Strategy } from '../recommendations/schemas.js';

/** `POST /v1/decide` body: the customer, the page context and what the page shows. */
export const DecideBody = StrictObject({
  userId: Type.Optional(CustomerIdField),
  anonymousId: Type.Optional(CustomerIdField),
  context: Type.Optional(RequestContext),
  currency: Type.Optional(CurrencyCode),
  include: Type.Optional(includeField('both (send [] for ids only)')),
  product: Type.Optional(
    StrictObject(
      { productId: Id },
      {
        description:
          "a product page's product: answered with its card, price and badges; recommendation slots without a productId use it",
      },
    ),
  ),
  cart: Type.Optional(
    StrictObject({
      items: CartItems,
      coupons: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20 })),
    }),
  ),
  listing: Type.Optional(
    StrictObject({
      category: Type.Optional(Type.Union([CategoryPath, Type.Null()])),
      query: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
      limit: Type.Integer({ minimum: 1, maximum: 100 }),
      cursor: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 12_000 }), Type.Null()])),
    }),
  ),
  recommendations: Type.Optional(
    Type.Array(
      StrictObject({
        slot: Id,
        strategy: Strategy,
        productId: Type.Optional(Id),
        limit: Type.Integer({ minimum: 1, maximum: 100 }),
        filter: Type.Optional(RecommendationFilter),
      }),
      { maxItems: 10 },
    ),
  ),
  content: Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true })),
  preview: Type.Optional(
    StrictObject(
      { at: Timestamp },
      {
        description:
          'answer as of this time (scheduled promotions, price lists, content and experiments as they will stand), recording nothing; a secret key or a console session only',
      },
    ),
  ),
});

/** `POST /v1/decide` answer: each part of the page, read from one customer context. */
export const DecideResponse = Type.Object({
  decisionId: Type.String(),
  personalized: Type.Boolean(),
  customer: Type.Object({
    segments: Type.Array(Type.String()),
    loyaltyTier: Type.Optional(Type.String()),
  }),
  product: Type.Optional(
    Type.Object({ productId: Type.String(), ...HydratedParts, product: Type.Optional(ProductCard) }),
  ),
  listing: Type.Optional(ListingResponse),
  recommendations: Type.Record(Type.String(), RecommendationResponse),
  content: Type.Record(Type.String(), ResolvedContent),
  cart: Type.Optional(
    Type.Union([
      CartResponse,
      Type.Object({ error: Type.Object({ code: Type.String(), detail: Type.String() }) }),
    ]),
  ),
  offers: OffersResponse.properties.offers,
  experiments: Type.Array(Type.Object({ experimentId: Type.String(), variant: Type.String() })),
  preview: Type.Optional(Type.Object({ at: Timestamp })),
});
