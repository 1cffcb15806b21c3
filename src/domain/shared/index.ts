/** Shared domain vocabulary: money and currencies, ids, categories, product matching, domain errors. */
export { currencyCodesList, currencyExponent, isCurrencyCode, type CurrencyCode } from './currency.js';
export {
  MAX_AMOUNT,
  divideHalfEven,
  formatMajorUnits,
  isValidAmount,
  majorToMinorUnits,
  type Money,
} from './money.js';
export { ID_PATTERN, isValidId } from './ids.js';
export { findUnstorable, isStorableText, type Unstorable } from './text.js';
export { copyRecord, ownValue, withEntry } from './records.js';
export { OldestKeys } from './oldest-keys.js';
export { appended } from './short-lists.js';
export { fingerprint, fnv1a32 } from './hash.js';
export { DomainError, SharedError, type SharedErrorCode } from './errors.js';
export { categoryLineage, isInCategory, normalizeCategoryPath } from './category.js';
export {
  matchesProduct,
  normalizeMatch,
  type AttributeValue,
  type CollectionMembership,
  type Match,
  type MatchableProduct,
} from './match.js';
export { matchAudienceField } from './audience-field.js';
export { parseDuration } from './duration.js';
export { windowProblem } from './validity.js';
export type { ActivityEntry } from './activity-entry.js';
export { lessPercent, percentOf, percentOfRoundedUp } from './percent.js';
export { firstOfEachGroup } from './product-groups.js';
export { nthSmallest, nthSmallestInPlace } from './nth-smallest.js';
