import { Type, type Static } from '@sinclair/typebox';
import {
  Amount,
  Attributes,
  Id,
  Money,
  PageOf,
  PageQuery,
  StrictObject,
  Timestamp,
} from '../common-schemas.js';

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

export const ProductListQuery = StrictObject({
  category: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'category path prefix' })),
  brand: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  inStock: Type.Optional(Type.Boolean()),
  status: Type.Optional(Status),
  ...PageQuery,
});
export type ProductListQuery = Static<typeof ProductListQuery>;

export const ProductPage = PageOf(ProductResponse);

export const BatchResponse = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String(), version: Type.Integer() })),
});

/** `PUT /v1/inventory/{productId}` body. */
export const InventoryBody = StrictObject({
  available: Type.Integer({
    minimum: 0,
    maximum: 1_000_000_000,
    description: 'units available; 0 = sold out',
  }),
  location: Type.Optional(Id),
});
export type InventoryBody = Static<typeof InventoryBody>;

export const InventoryParams = StrictObject({ productId: Id });

export const StockResponse = Type.Object({
  productId: Type.String(),
  location: Type.String(),
  available: Type.Integer(),
  inStock: Type.Boolean(),
  totalAvailable: Type.Integer(),
});

const CollectionFilter = StrictObject({
  productIds: Type.Optional(Type.Array(Id, { maxItems: 10_000 })),
  categories: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 100 })),
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

export const CollectionResponse = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.Optional(Type.String()),
  productIds: Type.Optional(Type.Array(Type.String())),
  filter: Type.Optional(CollectionFilter),
  version: Type.Integer(),
  updatedAt: Timestamp,
});

export const CollectionPage = PageOf(CollectionResponse);
