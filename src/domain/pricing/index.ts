/** Pricing: price lists (sale, override, contract, tiers, rules) resolved in a fixed, explained order. */
export { ANONYMOUS, compileAudience, type CompiledAudience, type PricingCustomer } from './audience.js';
export {
  compilePriceList,
  listCovers,
  listPrice,
  type CompiledPriceList,
  type ListPrice,
} from './compiled-list.js';
export {
  draftPriceList,
  type FixedPrice,
  type FixedPriceInput,
  type PriceAudience,
  type PriceList,
  type PriceListDraft,
  type PriceListInput,
  type PriceRule,
  type PriceRuleInput,
  type QuantityTier,
} from './price-list.js';
export { withCustomerErased } from './erase-customer.js';
export {
  lowestPrice,
  saysOnlyTodaysPrice,
  type BasePriceVersion,
  type ListVersion,
  type PriceHistory,
} from './lowest-price.js';
export { PriceIndex } from './price-index.js';
export {
  resolvePrice,
  type AppliedPrice,
  type PricedProduct,
  type PriceRequest,
  type PriceResolution,
} from './resolve-price.js';
export { PricingError, type PricingErrorCode } from './errors.js';
