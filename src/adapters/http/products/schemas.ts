import { Type, type Static } from '@sinclair/typebox';
import {
  Attributes,
  CategoryPath,
  Id,
  Money,
  PageOf,
  PageQuery,
  StrictObject,
  Timestamp,
} from '../common-schemas.js';

const Status = Type.Union([Type.Literal('active'), Type.Literal('archived')]);

/** A product image URL: http(s), or root-relative to the storefront (no `//host` shortcuts, no spaces). */
const ImageUrl = Type.String({
  minLength: 1,
  maxLength: 2_000,
  pattern: '^(https?://[^\\s/]+(/[^\\s]*)?|/([^/\\s][^\\s]*)?)$',
  description: 'http(s) or root-relative URL',
  examples: ['/demo/images/home-candles-white.svg'],
});

/** A URL slug: lower-case words joined by single hyphens. */
const Handle = Type.String({
  minLength: 1,
  maxLength: 200,
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  description: 'lower-case words joined by hyphens, as a storefront URL uses them',
  examples: ['white-hanging-heart-t-light-holder'],
});

const ImageInput = StrictObject({
  url: ImageUrl,
  alt: Type.Optional(Type.String({ maxLength: 500, description: 'defaults to the title' })),
});

/** An image as answered: `alt` always set. */
export const ProductImage = Type.Object({ url: Type.String(), alt: Type.String() });

const productFields = {
  title: Type.String({ minLength: 1, maxLength: 500 }),
  description: Type.Optional(Type.String({ maxLength: 20_000 })),
  groupId: Type.Optional(Type.String({ ...Id, description: 'variants of one product share it' })),
  handle: Type.Optional(Handle),
  images: Type.Optional(Type.Array(ImageInput, { maxItems: 20, description: 'the first is the main one' })),
  categories: Type.Optional(
    Type.Array(CategoryPath, {
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
  handle: Type.Optional(Type.String()),
  images: Type.Optional(Type.Array(ProductImage)),
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
  category: Type.Optional({ ...CategoryPath, description: 'a category path; its descendants count' }),
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
