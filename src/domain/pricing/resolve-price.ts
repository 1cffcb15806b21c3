import {
  MAX_AMOUNT,
  percentOfRoundedUp,
  lessPercent,
  type CurrencyCode,
  type Money,
} from '../shared/index.js';
import type { PricingCustomer } from './audience.js';
import { listPrice, type CompiledPriceList } from './compiled-list.js';

/** What pricing needs of a product. Structural: the catalogue's products fit. */
export interface PricedProduct {
  readonly id: string;
  readonly price: Money;
  readonly cost?: Money;
}

/** One step that set the price, and why it applied. */
export interface AppliedPrice {
  /** The price list, or `loyalty` for the tier perk, `margin-floor` for the floor. */
  readonly priceListId: string;
  readonly kind: 'override' | 'sale' | 'loyalty' | 'margin_floor';
  readonly reason: string;
}

export interface PriceRequest {
  readonly currency: CurrencyCode;
  readonly customer: PricingCustomer;
  /** Epoch ms: windows are honoured to the millisecond. */
  readonly now: number;
  /** The customer's loyalty tier perk, when the tier gives a percentage off. */
  readonly loyaltyPerk?: { readonly tier: string; readonly percentOff: number };
  /** Never below cost plus this percentage, where cost is known (`ATTUNE_MIN_MARGIN_PERCENT`). */
  readonly minMarginPercent: number;
}

/** The price of one line, explained. */
export type PriceResolution =
  | {
      readonly ok: true;
      readonly base: Money | null;
      /** The unit price: what the listing shows and the cart charges. */
      readonly final: Money;
      readonly lineTotal: Money;
      readonly applied: readonly AppliedPrice[];
      /** An audience-specific list or a perk shaped this price (EU rules require saying so). */
      readonly personalized: boolean;
      /** The quantity tier that gave the unit price, when one did. */
      readonly tier?: { readonly priceListId: string; readonly minQuantity: number };
      /** The sale that lowered the price, for the Omnibus lowest-price rule. */
      readonly sale?: CompiledPriceList;
    }
  | { readonly ok: false; readonly code: 'price_unavailable' | 'amount_too_large' };

interface Chosen {
  readonly list: CompiledPriceList;
  readonly amount: number;
  readonly minQuantity: number | undefined;
  readonly reason: string;
}

/**
 * Resolves a unit price in a fixed order: base price → the eligible override
 * with the highest priority (ties: the lower price) → eligible sales, each computed on the price so
 * far and applied only when lower (the lowest wins) → the loyalty tier perk → the margin floor.
 * `candidates` are the lists that can price this product (see PriceIndex); order does not matter.
 */
export function resolvePrice(
  product: PricedProduct,
  quantity: number,
  request: PriceRequest,
  candidates: readonly CompiledPriceList[],
): PriceResolution {
  const { currency, now } = request;
  const base = product.price.currency === currency ? product.price.amount : undefined;
  let override: Chosen | undefined;
  let sales: CompiledPriceList[] | undefined;
  for (const list of candidates) {
    if (list.list.currency !== currency || now < list.from || now >= list.until) continue;
    if (request.customer.priceLists?.disable.has(list.list.id) === true) continue;
    if (list.list.type === 'sale') {
      (sales ??= []).push(list);
      continue;
    }
    const price = listPrice(list, product.id, quantity, base);
    if (price === undefined || (override !== undefined && !betterOverride(list, price.amount, override)))
      continue;
    const reason = reasonFor(list, request.customer);
    if (reason !== undefined)
      override = { list, amount: price.amount, minQuantity: price.minQuantity, reason };
  }
  let current = override?.amount ?? base;
  if (current === undefined) return { ok: false, code: 'price_unavailable' };
  const applied: AppliedPrice[] = [];
  let personalized = false;
  let tierFrom: Chosen | undefined = override?.minQuantity === undefined ? undefined : override;
  if (override !== undefined) {
    applied.push({ priceListId: override.list.list.id, kind: 'override', reason: override.reason });
    personalized ||= !override.list.audience.everyone;
  }
  const beforeDiscounts = current;
  let sale: Chosen | undefined;
  for (const list of sales ?? []) {
    const price = listPrice(list, product.id, quantity, current);
    if (
      price === undefined ||
      price.amount >= current ||
      (sale !== undefined && !betterSale(list, price.amount, sale))
    )
      continue;
    const reason = reasonFor(list, request.customer);
    if (reason !== undefined) sale = { list, amount: price.amount, minQuantity: price.minQuantity, reason };
  }
  if (sale !== undefined) {
    current = sale.amount;
    applied.push({ priceListId: sale.list.list.id, kind: 'sale', reason: sale.reason });
    personalized ||= !sale.list.audience.everyone;
    if (sale.minQuantity !== undefined) tierFrom = sale;
  }
  const perk = request.loyaltyPerk;
  if (perk !== undefined && perk.percentOff > 0) {
    current = lessPercent(current, perk.percentOff);
    applied.push({
      priceListId: 'loyalty',
      kind: 'loyalty',
      reason: `loyalty tier ${perk.tier}: ${perk.percentOff}% off`,
    });
    personalized = true;
  }
  const cost = product.cost;
  if (cost !== undefined && cost.currency === currency) {
    // Never below cost plus the minimum margin, rounded up; nor above the price before discounts.
    const floor = Math.min(
      cost.amount + percentOfRoundedUp(cost.amount, request.minMarginPercent),
      beforeDiscounts,
    );
    if (current < floor) {
      current = floor;
      applied.push({
        priceListId: 'margin-floor',
        kind: 'margin_floor',
        reason: `not below cost plus ${request.minMarginPercent}% margin`,
      });
    }
  }
  const lineTotal = current * quantity;
  if (lineTotal > MAX_AMOUNT) return { ok: false, code: 'amount_too_large' };
  // Built without spreads: this runs for every line of every listing.
  const resolution: Mutable<Extract<PriceResolution, { ok: true }>> = {
    ok: true,
    base: base === undefined ? null : { amount: base, currency },
    final: { amount: current, currency },
    lineTotal: { amount: lineTotal, currency },
    applied,
    personalized,
  };
  if (tierFrom?.minQuantity !== undefined)
    resolution.tier = { priceListId: tierFrom.list.list.id, minQuantity: tierFrom.minQuantity };
  if (sale !== undefined) resolution.sale = sale.list;
  return resolution;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Overrides: the highest priority wins; ties go to the lower price, then the smaller id (deterministic). */
/** Why the list applies to this customer: its audience, or an experiment variant that switches it on. */
function reasonFor(list: CompiledPriceList, customer: PricingCustomer): string | undefined {
  return (
    list.audience.reason(customer) ??
    (customer.priceLists?.enable.has(list.list.id) === true ? 'experiment' : undefined)
  );
}

function betterOverride(list: CompiledPriceList, amount: number, held: Chosen): boolean {
  if (list.list.priority !== held.list.list.priority) return list.list.priority > held.list.list.priority;
  if (amount !== held.amount) return amount < held.amount;
  return list.list.id < held.list.list.id;
}

/** Sales: the lowest price wins; ties go to the higher priority, then the smaller id. */
function betterSale(list: CompiledPriceList, amount: number, held: Chosen): boolean {
  if (amount !== held.amount) return amount < held.amount;
  if (list.list.priority !== held.list.list.priority) return list.list.priority > held.list.list.priority;
  return list.list.id < held.list.list.id;
}
