import type { Models, ScoredProduct } from '../../domain/recommendations/index.js';
import { OldestKeys } from '../../domain/shared/index.js';

/** Products whose candidates are kept, at most; the oldest is dropped first. */
const MAX_PRODUCTS = 5_000;

/**
 * `similar` candidates remembered per product while the models stay the same: they depend on the
 * product, the browsing pair lists and content similarity, none of them on the customer, and a
 * storefront asks for the same product page's `similar` for every visitor. Kept until the models
 * are swapped (a rebuild), any pair list changes (anyone's view, add or order, a restore) or content
 * similarity describes a changed product: the answer is always the one computed afresh. Only candidates are kept: the business rules (stock,
 * status, merchandising, the cart) still apply to them on every request.
 */
export class SimilarMemo {
  readonly #byProduct = new Map<string, ScoredProduct[] | undefined>();
  readonly #oldest = new OldestKeys(this.#byProduct);
  #models: Models | undefined;
  #pairsVersion = -1;
  #contentVersion = -1;

  /** The product's candidates: remembered ones while the models are unchanged, else `compute`'s. */
  candidates(
    productId: string,
    models: Models,
    compute: () => ScoredProduct[] | undefined,
  ): ScoredProduct[] | undefined {
    const pairsVersion = models.online.browsing.pairsVersion;
    const contentVersion = models.content?.version ?? -1;
    if (
      models !== this.#models ||
      pairsVersion !== this.#pairsVersion ||
      contentVersion !== this.#contentVersion
    ) {
      this.#byProduct.clear();
      this.#oldest.reset();
      this.#models = models;
      this.#pairsVersion = pairsVersion;
      this.#contentVersion = contentVersion;
    } else if (this.#byProduct.has(productId)) return this.#byProduct.get(productId);
    const candidates = compute();
    if (this.#byProduct.size >= MAX_PRODUCTS) {
      const oldest = this.#oldest.take();
      if (oldest !== undefined) this.#byProduct.delete(oldest);
    }
    this.#byProduct.set(productId, candidates);
    return candidates;
  }
}
