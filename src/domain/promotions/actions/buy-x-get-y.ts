import { percentOf } from '../../shared/index.js';
import type { WorkingLine } from '../cart.js';
import type { PromotionAction } from '../promotion.js';
import { discount, lineMatches, type ActionInput, type ActionResult, type AddedLine } from './action.js';

type BuyXGetY = Extract<PromotionAction, { type: 'buy_x_get_y' }>;

/**
 * Buy `buy.quantity` matching units, get `get.quantity` units free or `get.percent` off. A named
 * product is taken from the cart first and, when free, added when the cart lacks it (if in stock); a matched
 * "get" discounts the cheapest matching units. The same unit never counts both as bought and as given.
 */
export function buyXGetY(action: BuyXGetY, input: ActionInput): ActionResult {
  return action.get.productId === undefined
    ? cheapestFree(action, input)
    : namedFree(action, action.get.productId, input);
}

function namedFree(action: BuyXGetY, productId: string, input: ActionInput): ActionResult {
  const { buy, get } = action;
  const { lines, isInCollection } = input;
  const xLines = lines.map((line) => line.addedBy === undefined && line.productId === productId);
  const x = sumUnits(lines, xLines);
  const xCountsAsBuy = lines.some(
    (line, index) => xLines[index] && lineMatches(line, buy.match, isInCollection),
  );
  const b = sumUnits(
    lines,
    lines.map((line, index) => !xLines[index] && lineMatches(line, buy.match, isInCollection)),
  );
  const groups = Math.floor((b + (xCountsAsBuy ? x : 0)) / buy.quantity);
  if (groups === 0)
    return { kind: 'unmet', missing: { quantity: buy.quantity - b - (xCountsAsBuy ? x : 0) } };
  const free = groups * get.quantity;
  // Units of the product not needed to reach the bought quantity are given first; the rest are added.
  const xForBuying = xCountsAsBuy ? Math.max(0, groups * buy.quantity - b) : 0;
  let given = Math.min(x - xForBuying, free);
  const product = input.product(productId);
  // Only a free item is added: one at a discount the shopper adds themselves, when the nudge says so.
  const canAdd = product !== undefined && product.inStock && get.percent === 100;
  if (!canAdd && xCountsAsBuy) {
    // Nothing can be added: the cart's own units are both bought and given, as a matched "get" would.
    const inCart = Math.min(
      Math.floor((b + x) / (buy.quantity + get.quantity)),
      Math.floor(x / get.quantity),
    );
    given = Math.min(inCart * get.quantity, x);
  }
  const toAdd = canAdd ? free - given : 0;
  if (given === 0 && toAdd === 0) {
    return get.percent === 100 ? { kind: 'out_of_stock' } : { kind: 'unmet', missing: { quantity: free } };
  }
  const parts = takeUnits(lines, xLines, given, get.percent, (_index, wanted) => wanted);
  const added: AddedLine[] = toAdd > 0 && product !== undefined ? [{ product, quantity: toAdd }] : [];
  return discount({ lines: parts, added }, lines.length);
}

function cheapestFree(action: BuyXGetY, input: ActionInput): ActionResult {
  const { buy, get } = action;
  const { lines, isInCollection } = input;
  const inBuy = lines.map((line) => lineMatches(line, buy.match, isInCollection));
  const inGet = lines.map((line) => lineMatches(line, get.match, isInCollection));
  const shared = sumUnits(
    lines,
    inBuy.map((value, index) => value && inGet[index] === true),
  );
  const buyOnly = sumUnits(lines, inBuy) - shared;
  const getOnly = sumUnits(lines, inGet) - shared;
  const groups = groupCount(buyOnly, shared, getOnly, buy.quantity, get.quantity);
  if (groups === 0) {
    return {
      kind: 'unmet',
      missing: { quantity: unitsToAdd(buyOnly, shared, getOnly, buy.quantity, get.quantity) },
    };
  }
  // Shared units given away must leave enough to have been bought.
  let sharedAllowance = buyOnly + shared - groups * buy.quantity;
  const parts = takeUnits(lines, inGet, groups * get.quantity, get.percent, (index, wanted) => {
    if (!inBuy[index]) return wanted;
    const taken = Math.min(wanted, sharedAllowance);
    sharedAllowance -= taken;
    return taken;
  });
  return discount({ lines: parts }, lines.length);
}

/** Complete groups: each needs `buy` units that can be bought and `get` units that can be given. */
function groupCount(buyOnly: number, shared: number, getOnly: number, buy: number, get: number): number {
  return Math.min(
    Math.floor((buyOnly + shared + getOnly) / (buy + get)),
    Math.floor((buyOnly + shared) / buy),
    Math.floor((getOnly + shared) / get),
  );
}

/** The fewest units to add for one group: units matching both sides when the sides overlap. */
function unitsToAdd(buyOnly: number, shared: number, getOnly: number, buy: number, get: number): number {
  if (shared === 0) return Math.max(0, buy - buyOnly) + Math.max(0, get - getOnly);
  let more = 1;
  while (groupCount(buyOnly, shared + more, getOnly, buy, get) === 0) more += 1;
  return more;
}

/**
 * Gives `units` units, cheapest first, from the chosen lines: `percent` off each unit's share of
 * what is left of its line. `limit(index, wanted)` may allow fewer from a line.
 */
function takeUnits(
  lines: readonly WorkingLine[],
  chosen: readonly boolean[],
  units: number,
  percent: number,
  limit: (index: number, wanted: number) => number,
): number[] {
  const parts = new Array<number>(lines.length).fill(0);
  const order = lines
    .map((line, index) => ({ line, index }))
    .filter(({ index }) => chosen[index])
    .sort(
      (a, b) => a.line.remaining / a.line.quantity - b.line.remaining / b.line.quantity || a.index - b.index,
    );
  let left = units;
  for (const { line, index } of order) {
    if (left === 0) break;
    const taken = limit(index, Math.min(left, line.quantity));
    if (taken === 0) continue;
    parts[index] = percentOf(shareOf(line.remaining, taken, line.quantity), percent);
    left -= taken;
  }
  return parts;
}

/** `units` of a line's `quantity` units' share of `amount`, rounded down (exact for any size). */
function shareOf(amount: number, units: number, quantity: number): number {
  if (units === quantity) return amount;
  const product = amount * units;
  return Number.isSafeInteger(product)
    ? Math.floor(product / quantity)
    : Number((BigInt(amount) * BigInt(units)) / BigInt(quantity));
}

function sumUnits(lines: readonly WorkingLine[], chosen: readonly boolean[]): number {
  return lines.reduce((sum, line, index) => sum + (chosen[index] ? line.quantity : 0), 0);
}
