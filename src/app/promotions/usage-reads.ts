import type { Usage } from '../../domain/promotions/index.js';
import { PerRequestReads } from '../per-request-reads.js';

type ReadUsage = (promotionIds: readonly string[], customerKey: string | undefined) => Promise<Usage>;

/**
 * The promotions' usage as one request reads it: a page's decide asks for the customer's offers
 * (with the cart), the listing's badges and the hydrated items' badges (without), and all of them
 * stand on the same counts, so the store is read once per request. Keyed by the request's customer
 * context, which lives as long as the request does.
 */
export class UsageReads {
  readonly #reads = new PerRequestReads<object, Usage>();

  constructor(private readonly read: ReadUsage) {}

  of(request: object, promotionIds: readonly string[], customerKey: string | undefined): Promise<Usage> {
    return this.#reads.of(request, JSON.stringify([customerKey ?? null, promotionIds]), () =>
      this.read(promotionIds, customerKey),
    );
  }
}
