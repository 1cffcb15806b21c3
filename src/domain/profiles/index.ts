/** Events and customer profiles: reading Segment-spec events, and keeping one unified profile per customer. */
export {
  COMMERCE_EVENTS,
  EVENT_TYPES,
  SERVER_ONLY_EVENTS,
  type CommerceData,
  type CommerceEventName,
  type CommerceProduct,
  type ConsentAnswer,
  type EventType,
  type TrackedEvent,
} from './event.js';
export type { EventProblem } from './event-problem.js';
export { readEvent, type EventReadOptions, type EventReadResult } from './normalize-event.js';
export { commerceEventNamed } from './read-commerce.js';
export {
  createProfile,
  upgradeProfile,
  type CartLine,
  type ConsentRecord,
  type DecayedScore,
  type MoneyByCurrency,
  type Profile,
  type ProfileStats,
} from './profile.js';
export { applyConsent, applyEvent, type ApplyContext } from './apply-event.js';
export type { ProductTaxonomy } from './product-taxonomy.js';
export {
  NO_ACTIVITY,
  categoriesOf,
  recordActivity,
  type Activity,
  type ActivityEntry,
  type ActivitySpec,
} from './activity.js';
export {
  draftLoyaltyProgram,
  loyaltyStatus,
  pointsFor,
  pointsFromHistory,
  type LoyaltyProgram,
  type LoyaltyProgramInput,
  type LoyaltyStatus,
  type LoyaltyTier,
} from './loyalty.js';
export { mergeProfiles } from './merge-profiles.js';
export { AFFINITY_HALF_LIFE_MS, decayedScore, topAffinities } from './affinity.js';
export {
  quintileRanks,
  rfmScore,
  rfmThresholds,
  rfmThresholdsOfRanked,
  type RankedOrderValues,
  type RfmScore,
  type RfmThresholds,
} from './rfm.js';
export {
  effectiveConsent,
  lazyComputed,
  viewProfile,
  type ConsentDefault,
  type EffectiveConsent,
  type ProfileView,
  type ViewOptions,
} from './profile-view.js';
export { ProfileError, type ProfileErrorCode } from './errors.js';
