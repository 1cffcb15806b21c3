/** Recommendations: online models, EASE, content similarity, strategies and the rules every list obeys. */
export {
  browsingNeighbours,
  confidenceOf,
  DEFAULT_BROWSING_BLEND,
  type BrowsingBlend,
} from './browsing-neighbours.js';
export { BrowsingSignals, DEFAULT_BROWSING, type BrowsingSettings } from './browsing-signals.js';
export { CoOccurrence } from './co-occurrence.js';
export { ContentSimilarity, type DescribedProduct } from './content-similarity.js';
export { CustomerHistories, estimateHistoryBytes, type HistoryStatus } from './customer-histories.js';
export {
  historyFrom,
  MAX_VIEWED,
  recordInHistory,
  type CustomerHistory,
  type PurchasedItem,
} from './customer-history.js';
export { addDecayed, decayedAt, type Decayed } from './decay.js';
export { CoPurchaseCounts, MAX_CO_PURCHASE_PAIRS } from './co-purchase-counts.js';
export {
  easeTrainingSet,
  EaseTrainingRows,
  type EaseCounts,
  type EaseTrainingSet,
} from './ease-training-set.js';
export { EaseModel, invertSymmetricPositiveDefinite, trainEase, type EaseWeights } from './ease.js';
export {
  DEFAULT_EVENT_WEIGHTS,
  type EventWeights,
  type Interaction,
  type InteractionKind,
} from './interaction.js';
export { OnlineModel, type OnlineModelSettings, type ProfileMerge } from './online-model.js';
export { restoreStateRecord, stateRecordsOf, StateRecordError, type StateRecord } from './model-state.js';
export { PAUSE, type Pause } from './state-pause.js';
export {
  DEFAULT_HALF_LIVES,
  DISCOVERIES,
  Popularity,
  type PopularityHalfLives,
  type PopularityKind,
} from './popularity.js';
export { recommend, type RecommendContext } from './recommend.js';
export {
  STRATEGIES,
  type Merchandising,
  type RecommendableProduct,
  type RecommendationAnswer,
  type RecommendationFilter,
  type RecommendationRequest,
  type Recommended,
  type Strategy,
} from './request.js';
export { Blend, type Universe } from './blend.js';
export {
  DEFAULT_SESSION_BLEND,
  suggestFromSession,
  type BrowsingSession,
  type SessionBlend,
  type SessionSuggestions,
} from './session-suggestions.js';
export { DEFAULT_SIMILAR_BLEND, type SimilarBlend } from './similar.js';
export {
  DEFAULT_SESSION_WINDOW,
  SessionWindow,
  type SessionView,
  type SessionWindowSettings,
} from './session-window.js';
export { DEFAULT_BLEND, type BlendWeights, type Models } from './strategies.js';
export type { ScoredProduct } from './scored-product.js';
