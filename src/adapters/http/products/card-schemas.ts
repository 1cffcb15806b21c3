import { Type } from '@sinclair/typebox';
import { ResolvedPrice } from '../pricing/schemas.js';
import { ProductImage } from './schemas.js';

/** What a page renders of a product (`include: ["product"]`). */
export const ProductCard = Type.Object({
  title: Type.String(),
  images: Type.Array(ProductImage, { description: 'the first is the main one; empty when none is known' }),
  handle: Type.Optional(Type.String()),
  groupId: Type.Optional(
    Type.String({ description: 'variants of one product share it: show them as one card' }),
  ),
  inStock: Type.Boolean(),
  variants: Type.Optional(
    Type.Array(Type.Object({ productId: Type.String(), title: Type.String(), inStock: Type.Boolean() }), {
      description: 'the other products of its group, in id order: the card stands for all of them',
    }),
  ),
});

const Badges = Type.Array(Type.Object({ promotionId: Type.String(), badge: Type.String() }));

/** The parts `include` adds to each item of an answer. */
export const HydratedParts = {
  product: Type.Optional(ProductCard),
  price: Type.Optional(ResolvedPrice),
  offers: Type.Optional(Badges),
  reasonProductIds: Type.Optional(
    Type.Array(Type.String(), { description: 'the products the reason names by title, in order' }),
  ),
};
