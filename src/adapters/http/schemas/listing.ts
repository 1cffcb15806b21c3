import { Type } from '@sinclair/typebox';
import { CurrencyCode, CustomerIdField, StrictObject } from './common.js';
import { ResolveContext, ResolvedPrice } from './pricing.js';

export const ListingBody = StrictObject({
  userId: Type.Optional(CustomerIdField),
  anonymousId: Type.Optional(CustomerIdField),
  context: Type.Optional(ResolveContext),
  currency: Type.Optional(CurrencyCode),
  category: Type.Optional(
    Type.String({ minLength: 1, maxLength: 300, description: 'a category path; its descendants count' }),
  ),
  query: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'words matched in titles and descriptions' }),
  ),
  limit: Type.Integer({ minimum: 1, maximum: 100 }),
  cursor: Type.Optional(
    Type.String({ minLength: 1, maxLength: 12_000, description: 'nextCursor of the previous page' }),
  ),
});

export const ListingResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      productId: Type.String(),
      title: Type.String(),
      price: ResolvedPrice,
      offers: Type.Array(Type.Object({ promotionId: Type.String(), badge: Type.String() })),
      inStock: Type.Boolean(),
      reasons: Type.Array(Type.String()),
    }),
  ),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
