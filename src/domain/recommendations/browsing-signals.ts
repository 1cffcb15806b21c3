import { CoOccurrence } from './co-occurrence.js';
import { SessionWindow, type SessionWindowSettings } from './session-window.js';

/** How browsing is counted. */
export interface BrowsingSettings {
  readonly window: SessionWindowSettings;
  /** Two views this far apart in time count half as much together, ms. */
  readonly pairHalfLifeMs: number;
  /** Neighbours kept per product in each list. */
  readonly keep: number;
}

export const DEFAULT_BROWSING: BrowsingSettings = {
  window: { depth: 2, gapMs: 30 * 60_000, maxVisitors: 50_000 },
  pairHalfLifeMs: 10 * 60_000,
  keep: 100,
};

/**
 * What browsing teaches, per product and bounded like every neighbour list: the products viewed
 * after it in a session (`next`: where a visit goes from here), viewed before it (`previous`; the
 * two together are its co-views) and added to the cart or bought after it was viewed
 * (`conversions`). A pair counts by its distance in the session (1 for adjacent views, 1/2 for the
 * next but one, up to the window's depth) and halves every `pairHalfLifeMs` between the two events,
 * so a session's neighbouring clicks say the most about each other. The session window pairs each
 * event with the visitor's latest views; it is a bounded cache of the visitors browsing now, never a
 * record of every visitor.
 */
export class BrowsingSignals {
  readonly next: CoOccurrence;
  readonly previous: CoOccurrence;
  readonly conversions: CoOccurrence;
  readonly sessions: SessionWindow;
  readonly settings: BrowsingSettings;

  constructor(settings: Partial<BrowsingSettings> = {}) {
    this.settings = { ...DEFAULT_BROWSING, ...settings };
    this.next = new CoOccurrence(this.settings.keep);
    this.previous = new CoOccurrence(this.settings.keep);
    this.conversions = new CoOccurrence(this.settings.keep);
    this.sessions = new SessionWindow(this.settings.window);
  }

  /** A visitor looked at `productId` at `at`: pairs it with their session's latest views, then records it. */
  view(visitor: string, productId: string, at: number): void {
    const trail = this.sessions.latest(visitor, at);
    for (let index = trail.length - 1; index >= 0; index -= 1) {
      const earlier = trail[index] as (typeof trail)[number];
      if (earlier.productId === productId) continue;
      const weight = this.#pairWeight(trail.length - 1 - index, at - earlier.at);
      this.next.addOneWay(earlier.productId, productId, weight);
      this.previous.addOneWay(productId, earlier.productId, weight);
    }
    this.sessions.record(visitor, productId, at);
  }

  /**
   * A visitor added `productId` to the cart or bought it (`weight`: how much that says): each
   * product looked at in the session before converts to it.
   */
  convert(visitor: string, productId: string, at: number, weight: number): void {
    const trail = this.sessions.latest(visitor, at);
    for (let index = trail.length - 1; index >= 0; index -= 1) {
      const viewed = trail[index] as (typeof trail)[number];
      const distance = trail.length - 1 - index;
      this.conversions.addOneWay(
        viewed.productId,
        productId,
        weight * this.#pairWeight(distance, at - viewed.at),
      );
    }
  }

  /**
   * A number that grows with every change to the pair lists (sessions aside): what is derived from
   * them, a product's `similar` candidates say, may be kept while it stays the same.
   */
  get pairsVersion(): number {
    return this.next.version + this.previous.version + this.conversions.version;
  }

  /** How much browsing is known of a product: the weighted pairs it is in. */
  evidenceOf(productId: string): number {
    return (
      this.next.totalOf(productId) + this.previous.totalOf(productId) + this.conversions.totalOf(productId)
    );
  }

  forget(visitor: string): void {
    this.sessions.forget(visitor);
  }

  merge(from: string, into: string): void {
    this.sessions.merge(from, into);
  }

  clear(): void {
    this.next.clear();
    this.previous.clear();
    this.conversions.clear();
    this.sessions.clear();
  }

  /** The `distance`-th latest view before this one (0: the one just before), `elapsed` ms earlier. */
  #pairWeight(distance: number, elapsed: number): number {
    const decay = elapsed <= 0 ? 1 : Math.pow(2, -elapsed / this.settings.pairHalfLifeMs);
    return decay / (distance + 1);
  }
}
