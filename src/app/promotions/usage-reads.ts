import type { Usage } from '../../domain/promotions/index.js';

type ReadUsage = (promotionIds: readonly string[], customerKey: string | undefined) => Promise<Usage>;

/**
 * The promotions' usage as one request reads it: a page's decide asks for the customer's offers
 * (with the cart), the listing's badges and the hydrated items' badges (without), and all of them
 * stand on the same counts, so the store is read once per request. Keyed by the request's customer
 * context, which lives as long as the request does.
 */
export class UsageReads {
  readonly #byRequest = new WeakMap<object, Map<string, Promise<Usage>>>();

  constructor(private readonly read: ReadUsage) {}

  of(request: object, promotionIds: readonly string[], customerKey: string | undefined): Promise<Usage> {
    let reads = this.#byRequest.get(request);
    if (reads === undefined) this.#byRequest.set(request, (reads = new Map<string, Promise<Usage>>()));
    const key = JSON.stringify([customerKey ?? null, promotionIds]);
    let usage = reads.get(key);
    if (usage === undefined) {
      usage = this.read(promotionIds, customerKey);
      reads.set(key, usage);
      // A failed read is not kept: the next ask in the request tries again.
      usage.catch(() => reads.delete(key));
    }
    return usage;
  }
}
