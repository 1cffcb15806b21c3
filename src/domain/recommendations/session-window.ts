import { OldestKeys } from '../shared/index.js';

/** A product a visitor looked at, and when (epoch ms). */
export interface SessionView {
  readonly productId: string;
  readonly at: number;
}

export interface SessionWindowSettings {
  /** Latest views of a session kept, which a new view pairs with. */
  readonly depth: number;
  /** A pause longer than this starts a new session, ms. */
  readonly gapMs: number;
  /** Visitors followed at once, at most: the one idle longest leaves first. */
  readonly maxVisitors: number;
}

export const DEFAULT_SESSION_WINDOW: SessionWindowSettings = {
  depth: 5,
  gapMs: 30 * 60_000,
  maxVisitors: 50_000,
};

const NONE: readonly SessionView[] = [];

/** One visitor's latest views, oldest first, each product once. */
interface Trail {
  readonly views: SessionView[];
  last: number;
}

/**
 * The few latest views of the visitors browsing now, which a new view, an add to cart or a purchase
 * is paired with while the models learn. It is a bounded cache, not a record: at most `depth` views
 * per visitor and `maxVisitors` visitors (least recently active out first), and a session ends after
 * a pause of `gapMs`, so memory never grows with the number of visitors ever seen. What a visitor
 * looked at, for answering them, comes from their profile.
 */
export class SessionWindow {
  /** In order of last activity: a Map keeps insertion order, so the first entry is the idlest. */
  readonly #trails = new Map<string, Trail>();
  readonly #idlest = new OldestKeys(this.#trails);
  readonly settings: SessionWindowSettings;

  constructor(settings: Partial<SessionWindowSettings> = {}) {
    this.settings = { ...DEFAULT_SESSION_WINDOW, ...settings };
  }

  /**
   * The visitor's live session at `at`, oldest first, the latest last (empty after a pause longer
   * than the gap). Views dated after `at` (events arriving out of order) count as just before it.
   * Read it before the next `record`, which changes it: it is not copied, since this runs per event.
   */
  latest(visitor: string, at: number): readonly SessionView[] {
    const trail = this.#trails.get(visitor);
    return trail === undefined || at - trail.last > this.settings.gapMs ? NONE : trail.views;
  }

  /** Records a view: it becomes the latest of the visitor's session (a repeat moves to the front). */
  record(visitor: string, productId: string, at: number): void {
    let trail = this.#trails.get(visitor);
    if (trail !== undefined) this.#trails.delete(visitor);
    if (trail === undefined || at - trail.last > this.settings.gapMs) trail = { views: [], last: at };
    const views = trail.views;
    const repeat = views.findIndex((view) => view.productId === productId);
    if (repeat !== -1) views.splice(repeat, 1);
    views.push({ productId, at });
    if (views.length > this.settings.depth) views.shift();
    trail.last = Math.max(trail.last, at);
    this.#trails.set(visitor, trail);
    if (this.#trails.size > this.settings.maxVisitors) this.#trails.delete(this.#idlest.take() as string);
  }

  /** Every visitor followed, the idlest first: `[visitor, last activity, views oldest first]`. */
  *state(): Generator<[visitor: string, last: number, views: [string, number][]]> {
    for (const [visitor, trail] of this.#trails)
      yield [visitor, trail.last, trail.views.map((view): [string, number] => [view.productId, view.at])];
  }

  /** Puts back a visitor of {@link state}; visitors come in the order `state` gave them. */
  restoreTrail(visitor: string, last: number, views: readonly (readonly [string, number])[]): void {
    this.#trails.delete(visitor);
    this.#trails.set(visitor, { last, views: views.map(([productId, at]) => ({ productId, at })) });
  }

  /** Drops a visitor's session (an erasure). */
  forget(visitor: string): void {
    this.#trails.delete(visitor);
  }

  /** A merged profile's session continues as the profile it merged into. */
  merge(from: string, into: string): void {
    const source = this.#trails.get(from);
    if (source === undefined) return;
    this.#trails.delete(from);
    const target = this.#trails.get(into);
    if (target === undefined || source.last > target.last) this.#trails.set(into, source);
  }

  clear(): void {
    this.#trails.clear();
    this.#idlest.reset();
  }

  /** Visitors followed now. */
  get size(): number {
    return this.#trails.size;
  }
}
