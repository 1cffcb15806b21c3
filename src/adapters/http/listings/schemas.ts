import { Type } from '@sinclair/typebox';
import {
  CategoryPath,
  CurrencyCode,
  CustomerIdField,
  ExperimentEntries,
  Id,
  Include,
  RequestContext,
  StrictObject,
} from '../common-schemas.js';
import { ResolvedPrice } from '../pricing/schemas.js';
import { ProductCard } from '../products/card-schemas.js';

/** `POST /v1/listings` body: a category or a text query, for a customer. */
export const ListingBody = StrictObject({
  userId: Type.Optional(CustomerIdField),
  anonymousId: Type.Optional(CustomerIdField),
  context: Type.Optional(RequestContext),
  currency: Type.Optional(CurrencyCode),
  category: Type.Optional({ ...CategoryPath, description: 'a category path; its descendants count' }),
  query: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'words matched in titles and descriptions' }),
  ),
  limit: Type.Integer({ minimum: 1, maximum: 100 }),
  cursor: Type.Optional(
    Type.String({ minLength: 1, maxLength: 12_000, description: 'nextCursor of the previous page' }),
  ),
  include: Type.Optional(Include),
});

/** A page of a ranked listing (`POST /v1/listings`, decide's `listing`). */
export const ListingResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      productId: Type.String(),
      title: Type.String(),
      price: ResolvedPrice,
      offers: Type.Array(Type.Object({ promotionId: Type.String(), badge: Type.String() })),
      inStock: Type.Boolean(),
      reasons: Type.Array(Type.String()),
      product: Type.Optional(ProductCard),
    }),
  ),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  experiments: Type.Optional(ExperimentEntries),
});

const Weight = Type.Number({ minimum: 0, maximum: 100 });

/** `PUT /v1/listings/rules` body: signal weights and pins. */
export const ListingRulesBody = StrictObject({
  weights: Type.Optional(
    StrictObject(
      {
        relevance: Type.Optional(Weight),
        affinity: Type.Optional(Weight),
        popularity: Type.Optional(Weight),
        margin: Type.Optional(Weight),
      },
      { description: 'how much each signal counts; each defaults to 1, 1, 0.5 and 0.1' },
    ),
  ),
  pins: Type.Optional(
    Type.Array(
      StrictObject(
        {
          category: Type.Optional(CategoryPath),
          query: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          productIds: Type.Array(Id, { minItems: 1, maxItems: 100 }),
        },
        { description: 'products shown first, in this order, in one listing (a category or a query)' },
      ),
      { maxItems: 1_000 },
    ),
  ),
});

/** The listing rules in force, defaults filled in. */
export const ListingRulesResponse = Type.Object({
  weights: Type.Object({
    relevance: Type.Number(),
    affinity: Type.Number(),
    popularity: Type.Number(),
    margin: Type.Number(),
  }),
  pins: Type.Array(
    Type.Object({
      category: Type.Optional(Type.String()),
      query: Type.Optional(Type.String()),
      productIds: Type.Array(Type.String()),
    }),
  ),
});
