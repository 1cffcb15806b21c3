import type { Discount } from './actions/index.js';
import { allocate } from './allocate.js';
import type { CartLineInput, WorkingLine } from './cart.js';
import type { Promotion } from './promotion.js';

/** The cart while promotions run. */
export interface WorkingCart {
  readonly lines: WorkingLine[];
  shippingLeft: number;
  /** No order total below this, minor units. */
  readonly minOrderTotal: number;
}

/** A priced cart line, ready for promotions: nothing taken off yet, its floor its cost (never above its price). */
export function workingLine(line: CartLineInput): WorkingLine {
  const gross = line.unitPrice * line.quantity;
  return {
    productId: line.productId,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    product: {
      id: line.productId,
      categories: line.categories,
      brand: line.brand,
      attributes: line.attributes,
    },
    remaining: gross,
    floor: line.cost === undefined ? 0 : Math.min(line.cost * line.quantity, gross),
    discounts: [],
  };
}

/** What a promotion takes off once the guardrails have had their say: per line, and off shipping. */
export interface Settled {
  /** Per line, the existing ones first and then the added ones. */
  readonly parts: readonly number[];
  readonly added: readonly WorkingLine[];
  readonly shipping: number;
  readonly total: number;
}

/**
 * Applies the guardrails to what an action wants, in this order: no line below its floor (its cost,
 * or zero); the order amount spread over lines in proportion to what each can still give; the
 * promotion's per-order maximum; the store's minimum order total. Parts always sum to the total.
 * Lines a promotion adds are given whole (it adds only what it gives free), so an added item never
 * raises what the shopper pays; when their worth alone passes the per-order maximum the promotion
 * cannot apply: `max_discount_exceeded`.
 */
export function settle(
  promotion: Promotion,
  wanted: Discount,
  cart: WorkingCart,
): Settled | 'max_discount_exceeded' {
  const { lines } = cart;
  const added: WorkingLine[] = wanted.added.map(({ product, quantity }) => ({
    productId: product.productId,
    quantity,
    unitPrice: product.unitPrice,
    product: {
      id: product.productId,
      categories: product.categories,
      brand: product.brand,
      attributes: product.attributes,
    },
    remaining: product.unitPrice * quantity,
    floor: 0,
    discounts: [],
    addedBy: promotion.id,
  }));
  const addedParts = added.map((line) => line.remaining);
  const addedTotal = addedParts.reduce((sum, part) => sum + part, 0);
  const maxPerOrder = promotion.limits.maxDiscountPerOrder ?? Infinity;
  if (addedTotal > maxPerOrder) return 'max_discount_exceeded';
  const itemParts = lines.map((line, index) => clamp(wanted.lines[index] ?? 0, line.remaining - line.floor));
  const orderParts = allocate(
    wanted.order,
    lines.map((line, index) => line.remaining - line.floor - (itemParts[index] as number)),
  );
  let parts = itemParts.map((part, index) => part + (orderParts[index] as number));
  const room = Math.max(0, lines.reduce((sum, line) => sum + line.remaining, 0) - cart.minOrderTotal);
  const cap = Math.min(room, maxPerOrder - addedTotal);
  const itemsTotal = parts.reduce((sum, part) => sum + part, 0);
  if (itemsTotal > cap) parts = allocate(cap, parts);
  const itemsGiven = Math.min(itemsTotal, cap);
  const shipping = Math.min(clamp(wanted.shipping, cart.shippingLeft), maxPerOrder - addedTotal - itemsGiven);
  return { parts: [...parts, ...addedParts], added, shipping, total: itemsGiven + addedTotal + shipping };
}

/** Takes a settled discount off the cart. */
export function commit(promotionId: string, settled: Settled, cart: WorkingCart): void {
  cart.lines.push(...settled.added);
  settled.parts.forEach((part, index) => {
    const line = cart.lines[index] as WorkingLine;
    if (part === 0) return;
    line.remaining -= part;
    line.discounts.push({ promotionId, amount: part });
  });
  cart.shippingLeft -= settled.shipping;
}

function clamp(amount: number, most: number): number {
  return Math.max(0, Math.min(amount, most));
}
