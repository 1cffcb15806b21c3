import type { Profile } from '../../domain/profiles/index.js';
import type { BrowsingSession } from '../../domain/recommendations/index.js';

/**
 * What a customer looked at lately, as their profile holds it: the session `for-you`, listings and
 * decide read for them. It comes with the profile the request resolved (only with personalisation
 * consent), so the models keep nothing per visitor for it.
 */
export function sessionOf(profile: Profile): BrowsingSession {
  const lastSeenAt =
    profile.stats.lastSeenAt === undefined ? Number.NaN : Date.parse(profile.stats.lastSeenAt);
  return { viewed: profile.recentlyViewed, ...(!Number.isNaN(lastSeenAt) && { lastSeenAt }) };
}
