import { Type, type Static } from '@sinclair/typebox';
import { Id, StrictObject } from '../common-schemas.js';

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

/** `PUT /v1/inventory/{productId}` path. */
export const InventoryParams = StrictObject({ productId: Id });

/** A product's stock at one location, and across locations. */
export const StockResponse = Type.Object({
  productId: Type.String(),
  location: Type.String(),
  available: Type.Integer(),
  inStock: Type.Boolean(),
  totalAvailable: Type.Integer(),
});
