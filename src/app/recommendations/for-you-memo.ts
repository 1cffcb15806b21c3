import type { Profile } from '../../domain/profiles/index.js';
import type { Models, RecommendationRequest, ScoredProduct } from '../../domain/recommendations/index.js';
import { OldestKeys } from '../../domain/shared/index.js';

/**
 * How long a customer's for-you candidates are reused, ms: what other customers' events teach the
 * models (who bought what, what sells now) reaches an answer at most this late. The customer's own
 * events reach it at once (docs/api.md, Recommendations).
 */
export const FOR_YOU_MEMO_MS = 5_000;
/** Customers whose candidates are kept, at most; the oldest is dropped first. */
const MAX_CUSTOMERS = 5_000;

interface Remembered {
  /** The profile they were computed for: a customer's events replace it, so a new one misses. */
  readonly profile: Profile;
  /** The models in service: a rebuild (after a catalogue change, an erasure) swaps them. */
  readonly models: Models;
  readonly discovery: boolean;
  readonly at: number;
  readonly candidates: ScoredProduct[] | undefined;
}

/**
 * For-you candidates remembered per customer between their own events. Scoring them blends the
 * customer's history and session with the whole shop's models and was, measured, the largest part
 * of a decide call's recommendations; a storefront asks for the same customer's for-you on every
 * page. Only the candidates are kept: the business rules (stock, status, merchandising, what is in
 * the cart) still apply to them on every request, so a catalogue or rule change shows at once.
 */
export class ForYouMemo {
  readonly #byCustomer = new Map<string, Remembered>();
  readonly #oldest = new OldestKeys(this.#byCustomer);
  /** When entries past their time were last dropped (see {@link #dropExpired}). */
  #sweptAt = Number.NEGATIVE_INFINITY;

  /** The customer's candidates: remembered ones while still good for this request, else `compute`'s. */
  candidates(
    request: RecommendationRequest,
    profile: Profile | undefined,
    models: Models,
    compute: () => ScoredProduct[] | undefined,
  ): ScoredProduct[] | undefined {
    if (profile === undefined) return compute();
    const discovery = request.filter?.excludePurchased === true;
    const kept = this.#byCustomer.get(profile.id);
    if (
      kept !== undefined &&
      kept.profile === profile &&
      kept.models === models &&
      kept.discovery === discovery &&
      request.now >= kept.at &&
      request.now - kept.at < FOR_YOU_MEMO_MS
    )
      return kept.candidates;
    const candidates = compute();
    this.#dropExpired(request.now);
    this.#byCustomer.delete(profile.id);
    if (this.#byCustomer.size >= MAX_CUSTOMERS) {
      const oldest = this.#oldest.take();
      if (oldest !== undefined) this.#byCustomer.delete(oldest);
    }
    this.#byCustomer.set(profile.id, { profile, models, discovery, at: request.now, candidates });
    return candidates;
  }

  /**
   * Drops, once per {@link FOR_YOU_MEMO_MS}, the entries no request can use any more. Their
   * candidates' reasons hold on to everything their scoring read, tens of kilobytes a customer: a
   * soak's heap kept thousands of them, past their time, until the count bound pushed them out.
   */
  #dropExpired(now: number): void {
    if (now - this.#sweptAt < FOR_YOU_MEMO_MS) return;
    this.#sweptAt = now;
    for (const [id, kept] of this.#byCustomer)
      if (now - kept.at >= FOR_YOU_MEMO_MS) this.#byCustomer.delete(id);
    this.#oldest.reset();
  }

  /** How many customers' candidates are kept now. */
  get size(): number {
    return this.#byCustomer.size;
  }

  /** The customers learnt about (their events, on this node or another) are computed afresh. */
  forget(profileIds: Iterable<string>): void {
    for (const id of profileIds) this.#byCustomer.delete(id);
  }

  /** Everything is computed afresh (an erasure: the models change for everyone). */
  forgetAll(): void {
    this.#byCustomer.clear();
    this.#oldest.reset();
  }
}
