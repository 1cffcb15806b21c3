import { Type, type Static } from '@sinclair/typebox';
import { Attributes, Id, Money, PageOf, PageQuery, StrictObject, Timestamp } from '../common-schemas.js';

const Status = Type.Union([Type.Literal('active'), Type.Literal('archived')]);

const productFields = {
  title: Type.String({ minLength: 1, maxLength: 500 }),
  description: Type.Optional(Type.String({ maxLength: 20_000 })),
  groupId: Type.Optional(Id),
  categories: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 300 }), {
      maxItems: 50,
      description: 'slash-separated paths such as home/kitchen/mugs; stored lower-case',
    }),
  ),
  brand: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  attributes: Type.Optional(Attributes),
  price: Money,
  cost: Type.Optional(Money),
  status: Type.Optional(Status),
};

/** `PUT /v1/products/{id}` body. */
export const ProductBody = StrictObject(productFields);
export type ProductBody = Static<typeof ProductBody>;

/** One product with its id, as batches and import files carry it. */
export const ProductItem = StrictObject({ id: Id, ...productFields });
export type ProductItem = Static<typeof ProductItem>;

/** `POST /v1/products:batch` body. */
export const ProductBatchBody = StrictObject({
  items: Type.Array(ProductItem, { minItems: 1, maxItems: 1000 }),
});
export type ProductBatchBody = Static<typeof ProductBatchBody>;

/** A product as answered: the stored record plus its availability. */
export const ProductResponse = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.Optional(Type.String()),
  groupId: Type.Optional(Type.String()),
  categories: Type.Array(Type.String()),
  brand: Type.Optional(Type.String()),
  attributes: Attributes,
  price: Money,
  cost: Type.Optional(Money),
  status: Status,
  version: Type.Integer(),
  updatedAt: Timestamp,
  inStock: Type.Boolean({ description: 'true when untracked or any location has stock' }),
  available: Type.Optional(Type.Integer({ description: 'units across locations; absent when untracked' })),
});

/** `GET /v1/products` query: filters and paging. */
export const ProductListQuery = StrictObject({
  category: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'category path prefix' })),
  brand: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  inStock: Type.Optional(Type.Boolean()),
  status: Type.Optional(Status),
  ...PageQuery,
});
export type ProductListQuery = Static<typeof ProductListQuery>;

/** A page of products (`GET /v1/products`, a collection's products). */
export const ProductPage = PageOf(ProductResponse);

/** `POST /v1/products:batch` answer: each product's new version. */
export const ProductBatchResponse = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String(), version: Type.Integer() })),
});
