import { Blend } from './blend.js';
import { emptyHistory, type CustomerHistory } from './customer-history.js';
import { DISCOVERIES } from './popularity.js';
import type { RecommendationRequest } from './request.js';
import type { ScoredProduct } from './scored-product.js';
import { liveViews, suggestFromSession, type BrowsingSession } from './session-suggestions.js';
import {
  addSuggestions,
  collaborative,
  historyOf,
  POOL,
  universeOf,
  type BlendWeights,
  type Models,
} from './strategies.js';

/** Purchases read as evidence, at most: the most recent, so a request costs the same for a wholesaler. */
const MAX_EVIDENCE = 300;

/** Evidence of a customer's taste: purchases count fully when recent, the cart and recent views less. */
function evidenceOf(
  history: CustomerHistory,
  viewed: readonly string[],
  now: number,
  weights: BlendWeights,
): Map<string, number> {
  const evidence = new Map<string, number>();
  viewed.slice(0, 10).forEach((item) => evidence.set(item, 0.3));
  history.carted.slice(0, 10).forEach((item) => evidence.set(item, 0.5));
  const purchases =
    history.purchases.size <= MAX_EVIDENCE
      ? history.purchases
      : [...history.purchases].sort((a, b) => b[1].last - a[1].last).slice(0, MAX_EVIDENCE);
  const { evidenceFloor: floor, evidenceHalfLifeMs: halfLife } = weights;
  for (const [item, bought] of purchases)
    evidence.set(item, floor + (1 - floor) * Math.pow(2, (Math.min(bought.last, now) - now) / halfLife));
  return evidence;
}

/**
 * `for-you`: what the customer's latest views point to while their session is live, their repeat
 * purchases (where they re-buy), what customers like them bought and what sells now; with
 * `excludePurchased`, discovery only. Undefined when nothing is known of the customer (the caller
 * falls back, and says so).
 */
export function forYou(
  request: RecommendationRequest,
  models: Models,
  weights: BlendWeights,
): ScoredProduct[] | undefined {
  const history = historyOf(request, models) ?? NO_HISTORY;
  const session = sessionOf(request, history);
  if (history.purchases.size === 0 && session.viewed.length === 0 && history.carted.length === 0)
    return undefined;
  const discovery = request.filter?.excludePurchased === true;
  const scores = new Blend(universeOf(models));
  addSession(scores, session, request.now, models, weights);
  const evidence = evidenceOf(history, session.viewed, request.now, weights);
  const suggested = collaborative(evidence, models);
  // Reasons keep what they name a source with, not the scores beside it: candidates are remembered.
  const { because } = suggested;
  addSuggestions(
    scores,
    suggested,
    discovery ? weights.discoveryCollaborative : weights.collaborative,
    (item) => {
      const source = because(item);
      return source === undefined
        ? 'customers like you bought this'
        : `because you ${history.purchases.has(source) ? 'bought' : 'looked at'} ${source}`;
    },
  );
  if (!discovery) {
    const repeats: [string, number][] = [...history.purchases].map(([item, bought]) => [
      item,
      bought.orders * Math.pow(2, (bought.last - request.now) / weights.repeatHalfLifeMs),
    ]);
    scores.add(repeats, weights.repeat, (item) => {
      const orders = history.purchases.get(item)?.orders ?? 0;
      return orders > 1 ? `you buy this often (${orders} orders)` : 'you bought this before';
    });
  }
  // Discovery leans on what others are discovering these days; the full list on what sells.
  scores.add(
    discovery
      ? models.online.popularity.top(DISCOVERIES, 'recent', request.now, POOL)
      : models.online.popularity.top('all', 'popular', request.now, POOL),
    discovery ? weights.discoveryPopular : weights.popular,
    () => (discovery ? 'popular with new buyers' : 'popular now'),
  );
  // Already bought items would only be dropped by the rules: leaving them out keeps the pool full.
  if (discovery) scores.exclude(history.purchases.keys());
  scores.exclude(seenInSession(request, history));
  return scores.ranked(POOL);
}

const NO_HISTORY: CustomerHistory = emptyHistory();

/** The request's session (from the profile), else the views the models hold for the customer. */
function sessionOf(request: RecommendationRequest, history: CustomerHistory): BrowsingSession {
  return request.session ?? { viewed: history.viewed };
}

/**
 * What a live session has just shown the customer and they did not buy: `for-you` points elsewhere
 * (its fallback too), since they have it on screen and `recently-viewed` lists it.
 */
export function seenInSession(
  request: RecommendationRequest,
  history: CustomerHistory | undefined,
): string[] {
  return liveViews(sessionOf(request, history ?? NO_HISTORY), request.now).filter(
    (item) => history?.purchases.has(item) !== true,
  );
}

/** The session's suggestions into the blend, weighed by how live it is; reasons name the view. */
function addSession(
  scores: Blend,
  session: BrowsingSession,
  now: number,
  models: Models,
  weights: BlendWeights,
): void {
  const suggested = suggestFromSession(session, models.online.browsing, now);
  const { because } = suggested;
  scores.add(suggested.scores, weights.session * suggested.liveness, (item) => {
    const source = because(item);
    return source === undefined ? 'viewed by shoppers like you' : `because you looked at ${source}`;
  });
}
