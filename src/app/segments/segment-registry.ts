import type { ActivitySpec } from '../../domain/profiles/index.js';
import { compileSegment, type CompiledSegment, type Segment } from '../../domain/segments/index.js';
import { asStored, checkLoadable, loadEach, type UnloadableReport } from '../loadable.js';
import type { ProfileChange } from '../profiles/profile-evaluation.js';

/**
 * Which events move which computed fields; fields not listed move with any event. A `Map`: a rule
 * may name any field (`computed.toString` too), which must read as unlisted, not as Object's own.
 */
const COMPUTED_FIELD_EVENTS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    orderCount: ['Order Completed'],
    lifetimeValue: ['Order Completed', 'Order Refunded'],
    averageOrderValue: ['Order Completed', 'Order Refunded'],
    firstOrderAt: ['Order Completed'],
    lastOrderAt: ['Order Completed'],
    rfm: ['Order Completed', 'Order Refunded'],
    recentlyViewed: ['Product Viewed'],
    cart: ['Product Added', 'Product Removed', 'Cart Viewed', 'Checkout Started', 'Order Completed'],
    affinities: [
      'Product Viewed',
      'Product Clicked',
      'Product List Viewed',
      'Product Added',
      'Order Completed',
    ],
  }),
);
const LOYALTY_EVENTS = ['Order Completed', 'Order Refunded'];
/** Entries kept per event name for window rules. */
const MAX_ACTIVITY_PER_EVENT = 500;

/**
 * The segments this node knows, compiled, with indexes from what can change (an event name, the
 * traits) to the segments that read it, and an evaluation order in which a segment comes after the
 * segments it uses.
 */
export class SegmentRegistry {
  #segments = new Map<string, CompiledSegment>();
  #order: CompiledSegment[] = [];
  #affectedCache = new Map<string, readonly CompiledSegment[]>();
  #position = new Map<string, number>();
  /** Segments whose membership depends on a request's context, themselves or through a segment they use. */
  #contextual = new Set<string>();
  #contextualOrder: CompiledSegment[] = [];
  #byEvent = new Map<string, Set<string>>();
  /** Event name → category → segments that count that event only in that category. */
  #byEventCategory = new Map<string, Map<string, Set<string>>>();
  #onAnyEvent = new Set<string>();
  #onTraits = new Set<string>();
  #windowed = new Set<string>();
  #dependents = new Map<string, Set<string>>();

  /**
   * Replaces every segment (start-up, or a change on another node). A stored segment that does not
   * compile is left out and reported, and the node carries on with the others.
   */
  load(segments: readonly Segment[], report: UnloadableReport = refuseUnloadable): void {
    const compiled = loadEach('segment', segments, (segment) => segment.id, compileSegment, report);
    this.#segments = new Map(compiled.map((segment) => [segment.segment.id, segment]));
    this.#reindex();
  }

  /**
   * Loads the segments with `segment` written, as a fresh node would load them from the store, and
   * throws what that throws: run before `segment` is stored, so nothing stored fails to load.
   * @throws DomainError `invalid_rule`, `not_loadable`.
   */
  check(segment: Segment): void {
    const others = this.all()
      .map((compiled) => compiled.segment)
      .filter((other) => other.id !== segment.id);
    checkLoadable('segment', () => new SegmentRegistry().load([...others, asStored(segment)]));
  }

  put(segment: Segment): void {
    this.#segments.set(segment.id, compileSegment(segment));
    this.#reindex();
  }

  remove(id: string): void {
    this.#segments.delete(id);
    this.#reindex();
  }

  get(id: string): CompiledSegment | undefined {
    return this.#segments.get(id);
  }

  all(): CompiledSegment[] {
    return [...this.#segments.values()];
  }

  /** Stored-membership segments in evaluation order (each after those it uses). */
  ordered(): readonly CompiledSegment[] {
    return this.#order;
  }

  /** The segments a change can affect, with everything that uses them, in evaluation order. */
  affected(change: ProfileChange): readonly CompiledSegment[] {
    if (change.everything === true) return this.#order;
    // Most changes are alike (one event name, a few categories): remember the answer per kind of
    // change until the segments change.
    const key = changeKey(change);
    const remembered = key === undefined ? undefined : this.#affectedCache.get(key);
    if (remembered !== undefined) return remembered;
    const found = this.#findAffected(change);
    if (key !== undefined && this.#affectedCache.size < 10_000) this.#affectedCache.set(key, found);
    return found;
  }

  #findAffected(change: ProfileChange): readonly CompiledSegment[] {
    const hit = new Set<string>([
      ...(change.windows === true ? this.#windowed : []),
      ...(change.segments ?? []),
    ]);
    if (change.eventNames.size > 0) for (const id of this.#onAnyEvent) hit.add(id);
    for (const name of change.eventNames) {
      for (const id of this.#byEvent.get(name) ?? []) hit.add(id);
      const categories = change.eventCategories?.get(name);
      const filtered = this.#byEventCategory.get(name);
      if (filtered === undefined) continue;
      if (categories === undefined) for (const ids of filtered.values()) for (const id of ids) hit.add(id);
      else for (const category of categories) for (const id of filtered.get(category) ?? []) hit.add(id);
    }
    if (change.traits) for (const id of this.#onTraits) hit.add(id);
    const pending = [...hit];
    for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
      for (const dependent of this.#dependents.get(id) ?? []) {
        if (!hit.has(dependent)) {
          hit.add(dependent);
          pending.push(dependent);
        }
      }
    }
    // Few segments are hit per event: sort those by their place in the order, rather than scan the order.
    return [...hit]
      .map((id) => this.#position.get(id))
      .filter((position): position is number => position !== undefined)
      .sort((a, b) => a - b)
      .map((position) => this.#order[position] as CompiledSegment);
  }

  /** The segments (ids) that use `id`, directly or not. */
  usersOf(id: string): string[] {
    return [...(this.#dependents.get(id) ?? [])];
  }

  /** Which events profiles must remember, and for how long, for the rules in use (and a spend-tier window). */
  activitySpec(extra: { events?: readonly string[]; windowMs?: number | null } = {}): ActivitySpec {
    const events = new Map<string, Set<string>>();
    let horizon: number | null = extra.windowMs === undefined ? 0 : extra.windowMs;
    for (const name of extra.events ?? []) events.set(name, new Set());
    for (const { reads } of this.#segments.values()) {
      for (const [name, properties] of reads.events) {
        const kept = events.get(name) ?? new Set<string>();
        for (const property of properties) kept.add(property);
        events.set(name, kept);
      }
      if (reads.events.size > 0)
        horizon =
          horizon === null || reads.maxWindowMs === null ? null : Math.max(horizon, reads.maxWindowMs);
    }
    return { events, horizonMs: horizon, maxPerEvent: MAX_ACTIVITY_PER_EVENT };
  }

  #reindex(): void {
    this.#byEvent = new Map();
    this.#byEventCategory = new Map();
    this.#onAnyEvent = new Set();
    this.#onTraits = new Set();
    this.#windowed = new Set();
    this.#dependents = new Map();
    for (const [id, { reads }] of this.#segments) {
      for (const [name, categories] of reads.eventCategories) {
        if (categories === 'any') {
          this.#index(this.#byEvent, name, id);
          continue;
        }
        let byCategory = this.#byEventCategory.get(name);
        if (byCategory === undefined)
          this.#byEventCategory.set(name, (byCategory = new Map<string, Set<string>>()));
        for (const category of categories) this.#index(byCategory, category, id);
      }
      if (reads.events.size > 0) this.#windowed.add(id);
      if (reads.traits) this.#onTraits.add(id);
      for (const field of reads.computed) {
        const names = COMPUTED_FIELD_EVENTS.get(field);
        if (names === undefined) this.#onAnyEvent.add(id);
        else for (const name of names) this.#index(this.#byEvent, name, id);
      }
      if (reads.loyalty) for (const name of LOYALTY_EVENTS) this.#index(this.#byEvent, name, id);
      for (const used of reads.segments) this.#index(this.#dependents, used, id);
    }
    this.#order = this.#topologicalOrder();
    this.#affectedCache = new Map();
    this.#position = new Map(this.#order.map((compiled, index) => [compiled.segment.id, index]));
  }

  #index(map: Map<string, Set<string>>, key: string, id: string): void {
    let ids = map.get(key);
    if (ids === undefined) map.set(key, (ids = new Set()));
    ids.add(id);
  }

  /** Contextual segments, each after the segments it uses: evaluated per request. */
  contextualInOrder(): readonly CompiledSegment[] {
    return this.#contextualOrder;
  }

  /** True when the segment's membership depends on the request's context (evaluated at decision time only). */
  isContextual(id: string): boolean {
    return this.#contextual.has(id);
  }

  /** Stored segments, each after the segments it uses (cycles are refused on write). */
  #topologicalOrder(): CompiledSegment[] {
    const order: CompiledSegment[] = [];
    const placed = new Set<string>();
    this.#contextual = new Set();
    this.#contextualOrder = [];
    const place = (id: string, path: Set<string>) => {
      const compiled = this.#segments.get(id);
      if (compiled === undefined || placed.has(id) || path.has(id)) return;
      path.add(id);
      for (const used of compiled.reads.segments) place(used, path);
      placed.add(id);
      const contextual =
        compiled.contextual || [...compiled.reads.segments].some((used) => this.#contextual.has(used));
      if (contextual) {
        this.#contextual.add(id);
        this.#contextualOrder.push(compiled);
      } else order.push(compiled);
    };
    for (const id of [...this.#segments.keys()].sort()) place(id, new Set());
    return order;
  }
}

/** A key that identifies everything `affected` reads of a change; undefined when not worth remembering. */
function changeKey(change: ProfileChange): string | undefined {
  if (change.segments !== undefined || change.eventNames.size > 4) return undefined;
  let key = `${change.windows === true ? 'w' : ''}${change.traits ? 't' : ''}`;
  const names = change.eventNames.size === 1 ? change.eventNames : [...change.eventNames].sort();
  for (const name of names) {
    const categories = change.eventCategories?.get(name);
    key += `|${name}:${categories === undefined ? '*' : categories.size <= 1 ? [...categories].join('') : [...categories].sort().join(',')}`;
  }
  return key;
}

/** Without a report to make, a segment that does not load fails the load. */
const refuseUnloadable: UnloadableReport = (kind, skipped) => {
  const [first] = skipped;
  if (first !== undefined) throw new Error(`${kind} ${first.id} does not load: ${first.reason}`);
};
