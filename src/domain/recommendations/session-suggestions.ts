import { browsingNeighbours, DEFAULT_BROWSING_BLEND, type BrowsingBlend } from './browsing-neighbours.js';
import type { BrowsingSignals } from './browsing-signals.js';

/** What a customer looked at lately, as their profile holds it. */
export interface BrowsingSession {
  /** Products viewed, most recent first, each once. */
  readonly viewed: readonly string[];
  /** When the customer was last seen (epoch ms): a session left long ago says less about now. */
  readonly lastSeenAt?: number;
}

/** How a session's views are read. */
export interface SessionBlend {
  /** Latest views read. */
  readonly depth: number;
  /** Each view counts this much of the one after it (the latest counts 1). */
  readonly decay: number;
  /** A session's pull halves after this much quiet, ms. */
  readonly halfLifeMs: number;
  readonly lists: BrowsingBlend;
}

export const DEFAULT_SESSION_BLEND: SessionBlend = {
  depth: 5,
  decay: 0.3,
  halfLifeMs: 60 * 60_000,
  lists: DEFAULT_BROWSING_BLEND,
};

/** What a session points to, and the viewed product that points most to each item. */
export interface SessionSuggestions {
  readonly scores: ReadonlyMap<string, number>;
  readonly because: (item: string) => string | undefined;
  /** How live the session is now, 0..1 (1 just after the last click). */
  readonly liveness: number;
}

/**
 * The views a live session has just shown the visitor (none once it has gone quiet for its
 * half-life): for-you points elsewhere, fallbacks included.
 */
export function liveViews(
  session: BrowsingSession,
  now: number,
  blend: SessionBlend = DEFAULT_SESSION_BLEND,
): readonly string[] {
  return livenessOf(session, now, blend) >= 0.5 ? session.viewed.slice(0, blend.depth) : [];
}

function livenessOf(session: BrowsingSession, now: number, blend: SessionBlend): number {
  const quiet = session.lastSeenAt === undefined ? 0 : Math.max(0, now - session.lastSeenAt);
  return Math.pow(2, -quiet / blend.halfLifeMs);
}

/** Neighbours read per viewed product. */
const PER_VIEW = 100;

/**
 * What the latest views point to: each view's browsing neighbours (viewed next, viewed with it,
 * bought after it), the most recent view weighing most, summed. The views themselves are left out.
 * Pure reads of per-product lists: nothing about the customer is kept between requests.
 */
export function suggestFromSession(
  session: BrowsingSession,
  browsing: BrowsingSignals,
  now: number,
  blend: SessionBlend = DEFAULT_SESSION_BLEND,
): SessionSuggestions {
  const read = session.viewed.slice(0, blend.depth);
  const scores = new Map<string, number>();
  const strongest = new Map<string, [string, number]>();
  read.forEach((viewed, position) => {
    const weight = Math.pow(blend.decay, position);
    for (const [item, score] of browsingNeighbours(browsing, viewed, PER_VIEW, blend.lists)) {
      const added = weight * score;
      scores.set(item, (scores.get(item) ?? 0) + added);
      if ((strongest.get(item)?.[1] ?? 0) < added) strongest.set(item, [viewed, added]);
    }
  });
  for (const viewed of read) scores.delete(viewed);
  return {
    scores,
    because: (item) => strongest.get(item)?.[0],
    liveness: livenessOf(session, now, blend),
  };
}
