import { type CurrencyCode, type Match, windowProblem } from '../shared/index.js';
import { PricingError } from './errors.js';

/** Who a price list is for. Every non-empty field must match (AND); within a field any value may (OR); empty: everyone. */
export interface PriceAudience {
  readonly segments?: readonly string[];
  readonly customers?: readonly string[];
  /** B2B contract prices: a customer's company is `traits.company.id`. */
  readonly companies?: readonly string[];
  readonly channels?: readonly string[];
  readonly countries?: readonly string[];
  readonly loyaltyTiers?: readonly string[];
}

export interface QuantityTier {
  readonly minQuantity: number;
  /** Unit price in minor units of the list's currency, from `minQuantity` up. */
  readonly amount: number;
}

/** An explicit price for one product: a single unit price, or quantity tiers. */
export type FixedPrice =
  | { readonly productId: string; readonly amount: number }
  | { readonly productId: string; readonly tiers: readonly QuantityTier[] };

/** A price rule for the products a Match selects: a percentage or an amount off the price so far. */
export type PriceRule =
  | { readonly percentOff: number; readonly match: Match }
  | { readonly amountOff: number; readonly match: Match };

/** A price as written: `amount` or `tiers` (exactly one, checked by {@link draftPriceList}). */
export interface FixedPriceInput {
  readonly productId: string;
  readonly amount?: number;
  readonly tiers?: readonly QuantityTier[];
}

/** A rule as written: `percentOff` or `amountOff` (exactly one). */
export interface PriceRuleInput {
  readonly percentOff?: number;
  readonly amountOff?: number;
  readonly match: Match;
}

interface PriceListFields {
  readonly name?: string;
  readonly type: 'sale' | 'override';
  readonly currency: CurrencyCode;
  readonly startsAt?: string;
  readonly endsAt?: string;
}

/**
 * A price list. `override` replaces the price (contract and market prices); `sale`
 * applies only when it is lower than the price so far. A higher `priority` is considered first.
 */
export interface PriceListInput extends PriceListFields {
  readonly priority?: number;
  readonly audience?: PriceAudience;
  readonly prices?: readonly FixedPriceInput[];
  readonly rule?: PriceRuleInput;
}

/** A validated price list. */
export interface PriceListDraft extends PriceListFields {
  readonly id: string;
  readonly priority: number;
  readonly audience: PriceAudience;
  readonly prices?: readonly FixedPrice[];
  readonly rule?: PriceRule;
}

export interface PriceList extends PriceListDraft {
  readonly version: number;
  /** ISO 8601: when this version was written (Omnibus history starts there). */
  readonly updatedAt: string;
}

function fail(pointer: string, detail: string): never {
  throw new PricingError('invalid_price_list', detail, { pointer });
}

/**
 * Validates a price list: exactly one of `prices` and `rule`; a product listed once; quantity tiers
 * never two at one quantity, unit prices never rising with quantity, an override's from 1; `endsAt` after
 * `startsAt`; a percentage from 0 to 100.
 * @throws DomainError `invalid_price_list` with the pointer of the field.
 */
export function draftPriceList(id: string, input: PriceListInput): PriceListDraft {
  if ((input.prices === undefined) === (input.rule === undefined)) {
    fail(input.rule === undefined ? '/prices' : '/rule', 'a price list has either prices or a rule');
  }
  const badWindow = windowProblem(input);
  if (badWindow !== undefined) fail(badWindow.pointer, badWindow.detail);
  const seen = new Set<string>();
  const prices = input.prices?.map((price, index): FixedPrice => {
    if (seen.has(price.productId)) fail(`/prices/${index}/productId`, `${price.productId} is listed twice`);
    seen.add(price.productId);
    if (price.tiers !== undefined && price.amount === undefined) {
      checkTiers(price.tiers, `/prices/${index}/tiers`, input.type);
      return { productId: price.productId, tiers: price.tiers };
    }
    if (price.amount === undefined || price.tiers !== undefined)
      fail(`/prices/${index}`, 'a price has either amount or tiers');
    return { productId: price.productId, amount: price.amount };
  });
  const { prices: _prices, rule: _rule, ...fields } = input;
  return {
    ...fields,
    id,
    priority: input.priority ?? 0,
    audience: input.audience ?? {},
    ...(prices !== undefined && { prices }),
    ...(input.rule !== undefined && { rule: draftRule(input.rule) }),
  };
}

function draftRule(rule: PriceRuleInput): PriceRule {
  if (rule.percentOff !== undefined && rule.amountOff === undefined) {
    if (!(rule.percentOff >= 0 && rule.percentOff <= 100))
      fail('/rule/percentOff', 'percentOff is from 0 to 100');
    return { percentOff: rule.percentOff, match: rule.match };
  }
  if (rule.amountOff === undefined || rule.percentOff !== undefined)
    fail('/rule', 'a rule has either percentOff or amountOff');
  return { amountOff: rule.amountOff, match: rule.match };
}

function checkTiers(tiers: readonly QuantityTier[], pointer: string, type: PriceListInput['type']): void {
  if (tiers.length === 0) fail(pointer, 'tiers needs at least one tier');
  // An override replaces the price: it must say what it is for every quantity, or one more unit
  // could fall back to a higher base price. A sale only ever lowers, so it may start higher.
  if (type === 'override' && !tiers.some((tier) => tier.minQuantity === 1))
    fail(pointer, 'an override needs a tier from minQuantity 1');
  const sorted = [...tiers].sort((a, b) => a.minQuantity - b.minQuantity);
  sorted.forEach((tier, index) => {
    const at = `${pointer}/${tiers.indexOf(tier)}`;
    if (!Number.isInteger(tier.minQuantity) || tier.minQuantity < 1)
      fail(`${at}/minQuantity`, 'minQuantity is a whole number from 1');
    const previous = sorted[index - 1];
    if (previous !== undefined && previous.minQuantity === tier.minQuantity)
      fail(`${at}/minQuantity`, `two tiers start at ${tier.minQuantity}`);
    if (previous !== undefined && tier.amount > previous.amount)
      fail(`${at}/amount`, 'a unit price must not rise with quantity');
  });
}
