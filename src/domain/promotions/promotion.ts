import {
  formatMajorUnits,
  normalizeMatch,
  type CurrencyCode,
  type Match,
  type Money,
  windowProblem,
} from '../shared/index.js';
import { PromotionError } from './errors.js';

export interface PromotionAudience {
  readonly segments?: readonly string[];
  readonly loyaltyTiers?: readonly string[];
  /** Only for a customer's first order. */
  readonly firstOrderOnly?: boolean;
  readonly channels?: readonly string[];
  readonly countries?: readonly string[];
  readonly devices?: readonly string[];
}

export interface PromotionConditions {
  /** The cart's subtotal (after prices, before promotions), minor units. */
  readonly subtotal?: { readonly gte: number };
  /** At least this many units of products the match selects. */
  readonly items?: { readonly match: Match; readonly quantity: { readonly gte: number } };
}

export type PromotionAction =
  | {
      readonly type: 'percent_off';
      readonly target: 'items' | 'order';
      readonly match?: Match;
      readonly percent: number;
      readonly cap?: number;
    }
  | {
      readonly type: 'amount_off';
      readonly target: 'items' | 'order';
      readonly match?: Match;
      readonly amount: number;
    }
  | { readonly type: 'fixed_price'; readonly match: Match; readonly amount: number }
  | {
      readonly type: 'buy_x_get_y';
      readonly buy: { readonly match: Match; readonly quantity: number };
      /** A named product (added to the cart when missing and in stock), or the cheapest of a match. */
      readonly get: {
        readonly productId?: string;
        readonly match?: Match;
        readonly quantity: number;
        readonly percent: number;
      };
    }
  | {
      readonly type: 'spend_tiers';
      readonly tiers: readonly { readonly gte: number; readonly amount: number }[];
    }
  | { readonly type: 'free_shipping' }
  | { readonly type: 'gift'; readonly productId: string };

export interface PromotionStacking {
  readonly mode: 'exclusive' | 'stackable';
  /** Higher is evaluated first. */
  readonly priority: number;
  /** A best-deal group: of its members only the one giving most applies. */
  readonly group?: string;
}

/** Limits as written: the money budget is Money in the promotion's currency. */
export interface PromotionLimitsInput extends Omit<PromotionLimits, 'budget'> {
  readonly budget?: Money;
}

export interface PromotionLimits {
  /** Total discount the promotion may ever give, in its currency's minor units. */
  readonly budget?: number;
  /** Total orders it may ever apply to. */
  readonly redemptions?: number;
  /** Orders per customer. */
  readonly perCustomer?: number;
  /** The most it may take off one order, minor units. */
  readonly maxDiscountPerOrder?: number;
}

export interface PromotionCoupon {
  readonly required: boolean;
  readonly codes?: readonly string[];
  readonly singleUse?: boolean;
}

/** A promotion as a merchant writes it (`PUT /v1/promotions/{id}`; evaluated as docs/promotions.md says). */
export interface PromotionInput {
  readonly title: string;
  /** Shown beside products in listings; a default is made from the action. */
  readonly badge?: string;
  readonly currency?: CurrencyCode;
  readonly status?: 'active' | 'paused';
  readonly startsAt?: string;
  readonly endsAt?: string;
  readonly audience?: PromotionAudience;
  readonly conditions?: PromotionConditions;
  readonly action: PromotionAction;
  readonly stacking?: Partial<PromotionStacking>;
  readonly limits?: PromotionLimitsInput;
  readonly coupon?: PromotionCoupon;
}

/** A validated promotion, defaults filled. */
export interface PromotionDraft {
  readonly id: string;
  readonly title: string;
  readonly badge: string;
  readonly currency: CurrencyCode;
  readonly status: 'active' | 'paused';
  readonly startsAt?: string;
  readonly endsAt?: string;
  readonly audience: PromotionAudience;
  readonly conditions: PromotionConditions;
  readonly action: PromotionAction;
  readonly stacking: PromotionStacking;
  readonly limits: PromotionLimits;
  readonly coupon: PromotionCoupon;
}

export interface Promotion extends PromotionDraft {
  readonly version: number;
  readonly updatedAt: string;
}

function fail(pointer: string, detail: string): never {
  throw new PromotionError('invalid_promotion', detail, { pointer });
}

/**
 * Validates a promotion and fills its defaults: the store currency, active, stackable at priority
 * 0, no coupon. Percentages are from 0 to 100; spend tiers rise in threshold and amount; a window
 * ends after it starts; a coupon-only promotion has codes or gets them generated.
 * @throws DomainError `invalid_promotion` with the pointer of the field.
 */
export function draftPromotion(
  id: string,
  input: PromotionInput,
  storeCurrency: CurrencyCode,
): PromotionDraft {
  const badWindow = windowProblem(input);
  if (badWindow !== undefined) fail(badWindow.pointer, badWindow.detail);
  const currency = input.currency ?? storeCurrency;
  checkAction(input.action);
  const { budget, ...limits } = input.limits ?? {};
  if (budget !== undefined && budget.currency !== currency) {
    fail('/limits/budget/currency', `the budget is in the promotion's currency, ${currency}`);
  }
  const codes = input.coupon?.codes?.map(normalizeCode);
  if (codes !== undefined && new Set(codes).size !== codes.length)
    fail('/coupon/codes', 'a code is listed twice (codes are case-insensitive)');
  codes?.forEach((code, index) => {
    if (!/^[A-Z0-9_-]{3,64}$/.test(code)) fail(`/coupon/codes/${index}`, 'a code is 3-64 of A-Z 0-9 _ -');
  });
  return {
    id,
    title: input.title,
    badge: input.badge ?? defaultBadge(input.action, currency),
    currency,
    status: input.status ?? 'active',
    ...(input.startsAt !== undefined && { startsAt: input.startsAt }),
    ...(input.endsAt !== undefined && { endsAt: input.endsAt }),
    audience: input.audience ?? {},
    conditions: normalizeConditions(input.conditions ?? {}),
    action: normalizeAction(input.action),
    stacking: {
      mode: input.stacking?.mode ?? 'stackable',
      priority: input.stacking?.priority ?? 0,
      ...(input.stacking?.group !== undefined && { group: input.stacking.group }),
    },
    limits: { ...limits, ...(budget !== undefined && { budget: budget.amount }) },
    coupon: {
      required: input.coupon?.required ?? false,
      ...(codes !== undefined && { codes }),
      ...(input.coupon?.singleUse !== undefined && { singleUse: input.coupon.singleUse }),
    },
  };
}

function normalizeConditions(conditions: PromotionConditions): PromotionConditions {
  return conditions.items === undefined
    ? conditions
    : { ...conditions, items: { ...conditions.items, match: normalizeMatch(conditions.items.match) } };
}

/** Category paths in matches compare as the catalogue stores them. */
function normalizeAction(action: PromotionAction): PromotionAction {
  switch (action.type) {
    case 'percent_off':
    case 'amount_off':
      return action.match === undefined ? action : { ...action, match: normalizeMatch(action.match) };
    case 'fixed_price':
      return { ...action, match: normalizeMatch(action.match) };
    case 'buy_x_get_y':
      return {
        ...action,
        buy: { ...action.buy, match: normalizeMatch(action.buy.match) },
        get:
          action.get.match === undefined
            ? action.get
            : { ...action.get, match: normalizeMatch(action.get.match) },
      };
    default:
      return action;
  }
}

/** Codes are matched case-insensitively: kept upper-case, trimmed. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

function checkAction(action: PromotionAction): void {
  if (
    (action.type === 'percent_off' || action.type === 'buy_x_get_y') &&
    !inPercent(action.type === 'percent_off' ? action.percent : action.get.percent)
  ) {
    fail(
      action.type === 'percent_off' ? '/action/percent' : '/action/get/percent',
      'a percentage is from 0 to 100',
    );
  }
  if (
    action.type === 'buy_x_get_y' &&
    (action.get.productId === undefined) === (action.get.match === undefined)
  ) {
    fail('/action/get', 'get names a productId or a match, not both');
  }
  if (action.type === 'spend_tiers') {
    action.tiers.forEach((tier, index) => {
      const previous = action.tiers[index - 1];
      if (previous !== undefined && (tier.gte <= previous.gte || tier.amount < previous.amount)) {
        fail(
          `/action/tiers/${index}`,
          'spend tiers rise: each threshold above the last, each amount no less',
        );
      }
      if (tier.amount > tier.gte)
        fail(`/action/tiers/${index}/amount`, 'a tier gives no more than its threshold');
    });
  }
}

function inPercent(value: number): boolean {
  return value >= 0 && value <= 100;
}

/** A short label for listings: "10% off", "Buy 2 get 1 free", "Free shipping". */
function defaultBadge(action: PromotionAction, currency: string): string {
  const money = (amount: number) => `${formatMajorUnits({ amount, currency })} ${currency}`;
  switch (action.type) {
    case 'percent_off':
      return `${action.percent}% off`;
    case 'amount_off':
      return `${money(action.amount)} off`;
    case 'fixed_price':
      return `Now ${money(action.amount)}`;
    case 'buy_x_get_y':
      return `Buy ${action.buy.quantity} get ${action.get.quantity} ${action.get.percent === 100 ? 'free' : `${action.get.percent}% off`}`;
    case 'spend_tiers':
      return `Spend more, save more`;
    case 'free_shipping':
      return 'Free shipping';
    case 'gift':
      return 'Free gift';
  }
}
