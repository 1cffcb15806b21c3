import type { CollectionMembership, Match } from '../../shared/index.js';
import { matchesProduct } from '../../shared/index.js';
import type { AddableProduct, WorkingLine } from '../cart.js';

/** What an action sees: the cart as earlier promotions left it. */
export interface ActionInput {
  readonly lines: readonly WorkingLine[];
  /** The cart's subtotal after prices, before any promotion (what thresholds compare against). */
  readonly subtotal: number;
  /** Shipping still to pay. */
  readonly shippingLeft: number;
  readonly isInCollection: CollectionMembership;
  readonly product: (productId: string) => AddableProduct | undefined;
}

/** How far a shopper is from a promotion: money to add, or units. */
export interface Missing {
  readonly amount?: number;
  readonly quantity?: number;
}

/** A line an action adds, always free: the named Y of a "get one free", a gift. */
export interface AddedLine {
  readonly product: AddableProduct;
  readonly quantity: number;
}

/**
 * What an action would take off, before floors, caps and budgets are applied: per existing line,
 * an amount for the whole order (spread over lines later), shipping, and lines to add.
 */
export interface Discount {
  readonly kind: 'discount';
  readonly lines: readonly number[];
  readonly order: number;
  readonly shipping: number;
  readonly added: readonly AddedLine[];
  /** The next step to a better deal (the next spend tier). */
  readonly next?: Missing;
}

export type ActionResult =
  Discount | { readonly kind: 'unmet'; readonly missing: Missing } | { readonly kind: 'out_of_stock' };

export function discount(
  parts: Partial<Omit<Discount, 'kind'>> & { lines?: readonly number[] },
  lineCount: number,
): Discount {
  return {
    kind: 'discount',
    lines: parts.lines ?? new Array<number>(lineCount).fill(0),
    order: parts.order ?? 0,
    shipping: parts.shipping ?? 0,
    added: parts.added ?? [],
    ...(parts.next !== undefined && { next: parts.next }),
  };
}

/**
 * True when the line's product is selected (every line when there is no match). A line a promotion
 * added belongs to that promotion: no other one discounts or counts it.
 */
export function lineMatches(
  line: WorkingLine,
  match: Match | undefined,
  isInCollection: CollectionMembership,
): boolean {
  return (
    line.addedBy === undefined && (match === undefined || matchesProduct(match, line.product, isInCollection))
  );
}
