import { Type, type Static } from '@sinclair/typebox';
import { Amount, Attributes, CategoryPath, Id, PageOf, StrictObject, Timestamp } from '../common-schemas.js';

const CollectionFilter = StrictObject({
  productIds: Type.Optional(Type.Array(Id, { maxItems: 10_000 })),
  categories: Type.Optional(Type.Array(CategoryPath, { maxItems: 100 })),
  brands: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 100 })),
  attributes: Type.Optional(Attributes),
  price: Type.Optional(StrictObject({ gte: Type.Optional(Amount), lte: Type.Optional(Amount) })),
});

/** `PUT /v1/collections/{id}` body: manual (`productIds`) or rule-based (`filter`). */
export const CollectionBody = StrictObject({
  title: Type.String({ minLength: 1, maxLength: 500 }),
  description: Type.Optional(Type.String({ maxLength: 20_000 })),
  productIds: Type.Optional(
    Type.Array(Id, { maxItems: 10_000, description: 'manual collection, in display order' }),
  ),
  filter: Type.Optional(CollectionFilter),
});
export type CollectionBody = Static<typeof CollectionBody>;

/** A collection as stored. */
export const CollectionResponse = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.Optional(Type.String()),
  productIds: Type.Optional(Type.Array(Type.String())),
  filter: Type.Optional(CollectionFilter),
  version: Type.Integer(),
  updatedAt: Timestamp,
});

/** `GET /v1/collections` answer. */
export const CollectionPage = PageOf(CollectionResponse);
