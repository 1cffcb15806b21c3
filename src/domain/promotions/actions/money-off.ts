import { percentOf } from '../../shared/index.js';
import type { PromotionAction } from '../promotion.js';
import { allocate } from '../allocate.js';
import { discount, lineMatches, type ActionInput, type ActionResult } from './action.js';

type Of<T extends PromotionAction['type']> = Extract<PromotionAction, { type: T }>;

/** Percent off each matching line (what is left of it), or off the order; a cap bounds the sum. */
export function percentOff(action: Of<'percent_off'>, input: ActionInput): ActionResult {
  const { lines } = input;
  if (action.target === 'order') {
    const itemsLeft = lines.reduce((sum, line) => sum + line.remaining, 0);
    const order = percentOf(itemsLeft, action.percent);
    return discount({ order: action.cap === undefined ? order : Math.min(order, action.cap) }, lines.length);
  }
  const wanted = lines.map((line) =>
    lineMatches(line, action.match, input.isInCollection) ? percentOf(line.remaining, action.percent) : 0,
  );
  const total = wanted.reduce((sum, amount) => sum + amount, 0);
  return discount(
    { lines: action.cap !== undefined && total > action.cap ? allocate(action.cap, wanted) : wanted },
    lines.length,
  );
}

/** A fixed amount off each matching unit, or once off the order. */
export function amountOff(action: Of<'amount_off'>, input: ActionInput): ActionResult {
  const { lines } = input;
  if (action.target === 'order') return discount({ order: action.amount }, lines.length);
  return discount(
    {
      lines: lines.map((line) =>
        lineMatches(line, action.match, input.isInCollection)
          ? Math.min(action.amount * line.quantity, line.remaining)
          : 0,
      ),
    },
    lines.length,
  );
}

/** Matching units cost `amount` each: the difference comes off, never a surcharge. */
export function fixedPrice(action: Of<'fixed_price'>, input: ActionInput): ActionResult {
  const { lines } = input;
  return discount(
    {
      lines: lines.map((line) =>
        lineMatches(line, action.match, input.isInCollection)
          ? Math.max(0, line.remaining - action.amount * line.quantity)
          : 0,
      ),
    },
    lines.length,
  );
}
