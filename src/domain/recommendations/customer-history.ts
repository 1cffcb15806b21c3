import { NO_PRODUCT_IDS, sharedProductId } from './product-ids.js';
import { Purchases } from './purchases.js';

export type { PurchasedItem } from './purchases.js';

/** What one customer bought and viewed, as the personal strategies read it. */
export interface CustomerHistory {
  readonly purchases: Purchases;
  /** Most recent first, each product once. */
  viewed: readonly string[];
  /** Items added to the cart, most recent first (a softer signal than a purchase). */
  carted: readonly string[];
  /** Distinct orders. */
  orders: number;
  lastBasket?: string;
  /** The items of the order being recorded (an order arrives as one interaction per product). */
  basketItems: readonly string[];
}

export const MAX_VIEWED = 50;

export function emptyHistory(): CustomerHistory {
  return {
    purchases: new Purchases(),
    viewed: NO_PRODUCT_IDS,
    carted: NO_PRODUCT_IDS,
    orders: 0,
    basketItems: NO_PRODUCT_IDS,
  };
}

/** Puts `item` first in a most-recent-first list, keeping each item once and at most `max`. */
export function remember(list: readonly string[], item: string, max = MAX_VIEWED): string[] {
  // `concat` makes a list of its exact length; a spread makes room for more than it holds.
  const next = [item].concat(list.filter((other) => other !== item));
  return next.length > max ? next.slice(0, max) : next;
}

/** Items of one order paired with each other, at most: a 300-line order must not cost 45,000 updates. */
export const MAX_BASKET_PAIRS = 30;

/** What recording one purchased line taught beyond the customer's own history. */
export interface RecordedLine {
  /** Earlier items of the same order it was bought with (the latest {@link MAX_BASKET_PAIRS}). */
  readonly boughtWith: readonly string[];
  /** The customer's first purchase of the item ever. */
  readonly first: boolean;
}

/** One line of an order, as the history records it. */
interface PurchasedLine {
  readonly productId: string;
  readonly quantity: number;
  readonly at: number;
  readonly basket?: string;
}

/**
 * Records a purchased line in `history` (an order arrives as one line per product, sharing its
 * basket). Undefined when the item was already in the order being recorded: only its quantity counts.
 */
export function recordPurchase(history: CustomerHistory, line: PurchasedLine): RecordedLine | undefined {
  const { productId, basket } = line;
  if (basket === undefined || basket !== history.lastBasket) {
    history.orders += 1;
    history.basketItems = NO_PRODUCT_IDS;
    if (basket === undefined) delete history.lastBasket;
    else history.lastBasket = basket;
  }
  if (history.basketItems.includes(productId)) {
    count(history, line, false);
    return undefined;
  }
  const boughtWith = history.basketItems.slice(-MAX_BASKET_PAIRS);
  // Copied to its exact length, not pushed: a push makes room for 16 more, most orders have a few lines.
  history.basketItems = history.basketItems.concat([productId]);
  const first = !history.purchases.has(productId);
  count(history, line, true);
  return { boughtWith, first };
}

function count(history: CustomerHistory, line: PurchasedLine, newInOrder: boolean): void {
  history.purchases.add(line.productId, newInOrder ? 1 : 0, line.quantity, line.at);
}

/**
 * Records one interaction of the customer in their own history, as the online model does when it
 * learns it; a purchase returns what {@link recordPurchase} does.
 */
export function recordInHistory(
  history: CustomerHistory,
  interaction: {
    readonly kind: 'view' | 'cart' | 'purchase';
    readonly productId: string;
    readonly quantity: number;
    readonly at: number;
    readonly basket?: string;
  },
): RecordedLine | undefined {
  // Ids are kept as the process's one copy of each: see `sharedProductId`.
  const productId = sharedProductId(interaction.productId);
  if (interaction.kind === 'view') history.viewed = remember(history.viewed, productId);
  else if (interaction.kind === 'cart') history.carted = remember(history.carted, productId);
  else return recordPurchase(history, { ...interaction, productId });
  return undefined;
}

/**
 * A customer's history from their own interactions, oldest first: what the online model holds
 * for them after learning the same interactions (a history loaded back from the log).
 */
export function historyFrom(interactions: Iterable<Parameters<typeof recordInHistory>[1]>): CustomerHistory {
  const history = emptyHistory();
  for (const interaction of interactions) recordInHistory(history, interaction);
  return history;
}
