import { formatMajorUnits, type CurrencyCode, type Money } from '../shared/index.js';
import { runAction, type Missing } from './actions/index.js';
import type {
  CartContext,
  CartEvaluation,
  CartRequest,
  EvaluatedLine,
  Nudge,
  RejectionReason,
  WorkingLine,
} from './cart.js';
import { checkEligibility, missingForConditions } from './eligibility.js';
import type { Promotion } from './promotion.js';
import type { PromotionInPlay, Selection } from './select-promotions.js';
import { commit, settle, workingLine, type Settled, type WorkingCart } from './settle.js';

/**
 * Reasons an automatic promotion is reported in `rejected`: the ones the shopper can act on or
 * that explain a missing discount. An automatic promotion outside its audience, dates or currency
 * is not theirs to hear about; a code they entered is always answered.
 */
const REPORTED_FOR_AUTOMATIC = new Set<RejectionReason>([
  'condition_unmet',
  'budget_exhausted',
  'customer_limit',
  'not_combinable',
  'not_best_in_group',
  'out_of_stock',
  'max_discount_exceeded',
]);

type Rejection = CartEvaluation['rejected'][number];

interface Eligible {
  readonly candidate: PromotionInPlay;
  readonly reasons: readonly string[];
}

type Outcome =
  | { readonly ok: true; readonly settled: Settled; readonly next?: Missing }
  | { readonly ok: false; readonly reason: RejectionReason; readonly missing?: Missing };

/**
 * Evaluates a priced cart against the promotions in play, with no side effects. The order is fixed
 * and documented (docs/promotions.md):
 * 1. each candidate is checked: currency, status, schedule, code, audience, limits, conditions
 *    (against the subtotal before promotions);
 * 2. the eligible run by `priority` (highest first, then id); of a best-deal group only the member
 *    giving most applies; an exclusive promotion applies only if nothing applied before it, and
 *    once it has, nothing after it does;
 * 3. each action works on what earlier ones left, then guardrails: no line below its floor, the
 *    per-order maximum, the minimum order total; a promotion whose discount would overrun its
 *    remaining budget does not apply at all;
 * 4. order discounts are spread over lines in proportion (parts sum exactly), shipping last.
 */
export function evaluateCart(
  request: CartRequest,
  selection: Selection,
  context: CartContext,
): CartEvaluation {
  const cart: WorkingCart = {
    lines: request.lines.map(workingLine),
    shippingLeft: request.shipping ?? 0,
    minOrderTotal: context.minOrderTotal,
  };
  const subtotal = cart.lines.reduce((sum, line) => sum + line.remaining, 0);
  const rejected: Rejection[] = [...selection.rejected];
  const nudges: { promotion: Promotion; missing: Missing }[] = [];
  const applied: { candidate: PromotionInPlay; reasons: readonly string[]; settled: Settled }[] = [];
  const reject = (candidate: PromotionInPlay, reason: RejectionReason) => {
    if (candidate.coupon === undefined && !REPORTED_FOR_AUTOMATIC.has(reason)) return;
    rejected.push({
      promotionId: candidate.compiled.promotion.id,
      ...(candidate.coupon !== undefined && { couponCode: candidate.coupon.code }),
      reason,
    });
  };

  const eligible: Eligible[] = [];
  for (const candidate of selection.inPlay) {
    const verdict = checkEligibility(candidate.compiled, {
      currency: request.currency,
      now: context.now,
      shopper: context.shopper,
      usage: context.usage,
      ...(candidate.coupon !== undefined && { coupon: candidate.coupon }),
    });
    if (!verdict.ok) {
      reject(candidate, verdict.reason);
      continue;
    }
    const { promotion } = candidate.compiled;
    const missing = missingForConditions(promotion.conditions, cart.lines, subtotal, context.isInCollection);
    if (missing !== undefined) {
      reject(candidate, 'condition_unmet');
      nudges.push({ promotion, missing });
      continue;
    }
    eligible.push({ candidate, reasons: verdict.reasons });
  }
  eligible.sort(
    (a, b) =>
      b.candidate.compiled.promotion.stacking.priority - a.candidate.compiled.promotion.stacking.priority ||
      (a.candidate.compiled.promotion.id < b.candidate.compiled.promotion.id ? -1 : 1),
  );

  const plan = (entry: Eligible): Outcome => {
    const { promotion } = entry.candidate.compiled;
    const wanted = runAction(promotion.action, {
      lines: cart.lines,
      subtotal,
      shippingLeft: cart.shippingLeft,
      isInCollection: context.isInCollection,
      product: context.product,
    });
    if (wanted.kind === 'unmet') return { ok: false, reason: 'condition_unmet', missing: wanted.missing };
    if (wanted.kind === 'out_of_stock') return { ok: false, reason: 'out_of_stock' };
    const settled = settle(promotion, wanted, cart);
    if (settled === 'max_discount_exceeded') return { ok: false, reason: settled };
    if (settled.total === 0) return { ok: false, reason: 'no_discount' };
    const left =
      (promotion.limits.budget ?? Infinity) -
      (context.usage.promotions.get(promotion.id)?.discountGiven ?? 0);
    if (settled.total > left) return { ok: false, reason: 'budget_exhausted' };
    return { ok: true, settled, ...(wanted.next !== undefined && { next: wanted.next }) };
  };

  const groupsDone = new Set<string>();
  let exclusiveApplied = false;
  for (const entry of eligible) {
    const group = entry.candidate.compiled.promotion.stacking.group;
    if (group !== undefined && groupsDone.has(group)) continue;
    if (group !== undefined) groupsDone.add(group);
    const contenders =
      group === undefined
        ? [entry]
        : eligible.filter((other) => other.candidate.compiled.promotion.stacking.group === group);
    const combinable = contenders.filter(
      (contender) =>
        !exclusiveApplied &&
        (applied.length === 0 || contender.candidate.compiled.promotion.stacking.mode !== 'exclusive'),
    );
    for (const contender of contenders)
      if (!combinable.includes(contender)) reject(contender.candidate, 'not_combinable');
    const winner = best(combinable);
    if (winner === undefined) continue;
    const { promotion } = winner.entry.candidate.compiled;
    commit(promotion.id, winner.settled, cart);
    applied.push({
      candidate: winner.entry.candidate,
      reasons: winner.entry.reasons,
      settled: winner.settled,
    });
    if (winner.next !== undefined) nudges.push({ promotion, missing: winner.next });
    if (promotion.stacking.mode === 'exclusive') exclusiveApplied = true;
  }

  /** Tries each contender on the cart as it stands: the one giving most wins (ties to the first). */
  function best(
    contenders: readonly Eligible[],
  ): { entry: Eligible; settled: Settled; next?: Missing } | undefined {
    let winner: { entry: Eligible; settled: Settled; next?: Missing } | undefined;
    for (const entry of contenders) {
      const outcome = plan(entry);
      if (!outcome.ok) {
        reject(entry.candidate, outcome.reason);
        if (outcome.missing !== undefined)
          nudges.push({ promotion: entry.candidate.compiled.promotion, missing: outcome.missing });
      } else if (winner === undefined || outcome.settled.total > winner.settled.total) {
        if (winner !== undefined) reject(winner.entry.candidate, 'not_best_in_group');
        winner = {
          entry,
          settled: outcome.settled,
          ...(outcome.next !== undefined && { next: outcome.next }),
        };
      } else {
        reject(entry.candidate, 'not_best_in_group');
      }
    }
    return winner;
  }

  return answer(request.currency, cart, request.shipping, subtotal, applied, rejected, nudges);
}

function answer(
  currency: CurrencyCode,
  cart: WorkingCart,
  shipping: number | undefined,
  subtotal: number,
  applied: readonly { candidate: PromotionInPlay; reasons: readonly string[]; settled: Settled }[],
  rejected: readonly Rejection[],
  nudges: readonly { promotion: Promotion; missing: Missing }[],
): CartEvaluation {
  const money = (amount: number): Money => ({ amount, currency });
  const lines: EvaluatedLine[] = cart.lines.map((line: WorkingLine) => ({
    productId: line.productId,
    quantity: line.quantity,
    unitPrice: money(line.unitPrice),
    discounts: line.discounts.map((part) => ({ promotionId: part.promotionId, amount: money(part.amount) })),
    total: money(line.remaining),
    ...(line.addedBy !== undefined && {
      addedBy: line.addedBy,
      ...(line.remaining === 0 && { free: true as const }),
    }),
  }));
  const addedSubtotal = cart.lines.reduce(
    (sum, line) => sum + (line.addedBy === undefined ? 0 : line.unitPrice * line.quantity),
    0,
  );
  const shippingDiscount = (shipping ?? 0) - cart.shippingLeft;
  const itemsTotal = cart.lines.reduce((sum, line) => sum + line.remaining, 0);
  return {
    currency,
    lines,
    subtotal: money(subtotal + addedSubtotal),
    discounts: applied.map(({ candidate, settled }) => {
      const { promotion } = candidate.compiled;
      return {
        promotionId: promotion.id,
        ...(candidate.coupon !== undefined && { couponCode: candidate.coupon.code }),
        amount: money(settled.total),
        target: targetOf(promotion),
      };
    }),
    ...(shipping !== undefined && {
      shipping: { amount: money(shipping), discount: money(shippingDiscount) },
    }),
    total: money(itemsTotal + cart.shippingLeft),
    applied: applied.map(({ candidate, reasons }) => ({
      promotionId: candidate.compiled.promotion.id,
      ...(candidate.coupon !== undefined && { couponCode: candidate.coupon.code }),
      reason: explain(candidate, reasons),
    })),
    rejected,
    nudges: nudgesInOrder(nudges, currency, subtotal),
  };
}

function targetOf(promotion: Promotion): 'items' | 'order' | 'shipping' {
  const { action } = promotion;
  if (action.type === 'free_shipping') return 'shipping';
  if (action.type === 'spend_tiers') return 'order';
  if (action.type === 'percent_off' || action.type === 'amount_off') return action.target;
  return 'items';
}

/** "10% off: segment vip, code WELCOME10". */
function explain(candidate: PromotionInPlay, reasons: readonly string[]): string {
  const all = [...reasons, ...(candidate.coupon !== undefined ? [`code ${candidate.coupon.code}`] : [])];
  const { badge } = candidate.compiled.promotion;
  return all.length === 0 ? badge : `${badge}: ${all.join(', ')}`;
}

/** The cheapest next steps first: least money to add, then fewest units. */
function nudgesInOrder(
  nudges: readonly { promotion: Promotion; missing: Missing }[],
  currency: CurrencyCode,
  subtotal: number,
): Nudge[] {
  return [...nudges]
    .sort(
      (a, b) =>
        (a.missing.amount ?? 0) - (b.missing.amount ?? 0) ||
        (a.missing.quantity ?? 0) - (b.missing.quantity ?? 0) ||
        (a.promotion.id < b.promotion.id ? -1 : 1),
    )
    .map(({ promotion, missing }) => ({
      promotionId: promotion.id,
      message: nudgeMessage(promotion, missing, currency, subtotal),
      missing: {
        ...(missing.amount !== undefined && { amount: { amount: missing.amount, currency } }),
        ...(missing.quantity !== undefined && { quantity: missing.quantity }),
      },
    }));
}

/**
 * "Add 12.40 GBP more to get: Free shipping", "Add 1 more item to get: Buy 2 get 1 free"; for spend
 * tiers, what the next tier saves: "Add 20.00 GBP more to save 15.00 GBP".
 */
function nudgeMessage(
  promotion: Promotion,
  missing: Missing,
  currency: CurrencyCode,
  subtotal: number,
): string {
  const format = (amount: number) => `${formatMajorUnits({ amount, currency })} ${currency}`;
  const steps: string[] = [];
  if (missing.amount !== undefined) steps.push(`${format(missing.amount)} more`);
  if (missing.quantity !== undefined)
    steps.push(`${missing.quantity} more ${missing.quantity === 1 ? 'item' : 'items'}`);
  const { action } = promotion;
  const tier =
    action.type === 'spend_tiers' && missing.amount !== undefined
      ? action.tiers.find((candidate) => candidate.gte === subtotal + (missing.amount as number))
      : undefined;
  return tier === undefined
    ? `Add ${steps.join(' and ')} to get: ${promotion.badge}`
    : `Add ${steps.join(' and ')} to save ${format(tier.amount)}`;
}
