import { Type, type Static } from '@sinclair/typebox';
import { HydratedParts } from '../products/card-schemas.js';
import { STRATEGIES } from '../../../domain/recommendations/index.js';
import {
  CategoryPath,
  Amount,
  Attributes,
  CurrencyCode,
  CustomerIdField,
  Id,
  Include,
  ProductMatch,
  RequestContext,
  StrictObject,
  ExperimentEntries,
} from '../common-schemas.js';

/** A recommendation strategy name. */
export const Strategy = Type.Union(
  STRATEGIES.map((strategy) => Type.Literal(strategy)),
  { description: STRATEGIES.join(', ') },
);
const Names = Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 100 });

/** Business filters on a recommendation list. */
export const RecommendationFilter = StrictObject({
  categories: Type.Optional(Type.Array(CategoryPath, { maxItems: 100 })),
  brands: Type.Optional(Names),
  price: Type.Optional(
    StrictObject(
      { gte: Type.Optional(Amount), lte: Type.Optional(Amount) },
      { description: 'base price, minor units of the store currency' },
    ),
  ),
  attributes: Type.Optional(Attributes),
  excludeProductIds: Type.Optional(Type.Array(Id, { maxItems: 1_000 })),
  excludePurchased: Type.Optional(
    Type.Boolean({ description: 'leave out what the customer bought: for-you becomes discovery' }),
  ),
});

/** `POST /v1/recommendations` body. */
export const RecommendationBody = StrictObject({
  strategy: Strategy,
  userId: Type.Optional(CustomerIdField),
  anonymousId: Type.Optional(CustomerIdField),
  productId: Type.Optional(
    Type.String({ ...Id, description: 'the product on the page (similar, bought-together)' }),
  ),
  cart: Type.Optional(
    StrictObject({
      items: Type.Array(
        StrictObject({
          productId: Id,
          quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
        }),
        { maxItems: 500 },
      ),
    }),
  ),
  limit: Type.Integer({ minimum: 1, maximum: 100 }),
  slot: Type.Optional(
    Type.String({ ...Id, description: 'the page slot asking: an experiment may change its strategy' }),
  ),
  filter: Type.Optional(RecommendationFilter),
  segment: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 256,
      description:
        'popular and trending within this segment: for a secret key, or a customer in it; otherwise ignored (the reason says whose popularity it is)',
    }),
  ),
  context: Type.Optional(RequestContext),
  include: Type.Optional(Include),
  currency: Type.Optional(CurrencyCode),
});
export type RecommendationBody = Static<typeof RecommendationBody>;

/** A recommendation list: each item with its score and reason, hydrated as `include` asked. */
export const RecommendationResponse = Type.Object({
  strategy: Type.String(),
  items: Type.Array(
    Type.Object({ productId: Type.String(), score: Type.Number(), reason: Type.String(), ...HydratedParts }),
  ),
  fallback: Type.Optional(Type.Literal('popular')),
  experiments: Type.Optional(ExperimentEntries),
});

/** `PUT /v1/recommendations/rules` body (and the rules as answered). */
export const MerchandisingBody = StrictObject({
  boosts: Type.Optional(
    Type.Array(
      StrictObject({
        match: ProductMatch,
        factor: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1_000,
          description: 'scores are multiplied by it',
        }),
      }),
      { maxItems: 100 },
    ),
  ),
  pins: Type.Optional(
    Type.Array(
      StrictObject({
        productId: Id,
        position: Type.Integer({ minimum: 1, maximum: 100, description: '1 is first' }),
        strategies: Type.Optional(Type.Array(Strategy, { maxItems: STRATEGIES.length })),
      }),
      { maxItems: 100 },
    ),
  ),
  maxPerCategory: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 100, description: 'at most this many from one top-level category' }),
  ),
  repeatStrategies: Type.Optional(
    Type.Array(Strategy, {
      maxItems: STRATEGIES.length,
      description: 'strategies that may recommend what the customer bought (default buy-again and for-you)',
    }),
  ),
});
export type MerchandisingBody = Static<typeof MerchandisingBody>;

/** What a model rebuild read and how long it took. */
export const ModelReportResponse = Type.Object({
  builtAt: Type.String(),
  durationMs: Type.Integer(),
  customers: Type.Integer(),
  interactions: Type.Integer(),
  denseItems: Type.Integer(),
  describedProducts: Type.Integer(),
});
