/** What one customer bought and viewed, as the personal strategies read it. */
export interface PurchasedItem {
  /** Distinct orders it was in. */
  orders: number;
  quantity: number;
  /** Epoch ms of the latest order. */
  last: number;
  lastBasket?: string;
}

export interface CustomerHistory {
  readonly purchases: Map<string, PurchasedItem>;
  /** Most recent first, each product once. */
  viewed: string[];
  /** Items added to the cart, most recent first (a softer signal than a purchase). */
  carted: string[];
  /** Distinct orders. */
  orders: number;
  lastBasket?: string;
  /** The items of the order being recorded (an order arrives as one interaction per product). */
  basketItems: string[];
}

export const MAX_VIEWED = 50;

export function emptyHistory(): CustomerHistory {
  return { purchases: new Map(), viewed: [], carted: [], orders: 0, basketItems: [] };
}

/** Puts `item` first in a most-recent-first list, keeping each item once and at most `max`. */
export function remember(list: string[], item: string, max = MAX_VIEWED): string[] {
  const next = [item, ...list.filter((other) => other !== item)];
  return next.length > max ? next.slice(0, max) : next;
}
