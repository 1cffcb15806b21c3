import {
  categoryLineage,
  matchesProduct,
  type CollectionMembership,
  type MatchableProduct,
} from '../shared/index.js';
import { compilePromotion, type CompiledPromotion } from './compiled-promotion.js';
import type { Promotion } from './promotion.js';

/**
 * Every promotion, compiled and filed by what it can touch, so evaluating a cart meets only the
 * promotions that could change it: those naming one of its products, one of their categories (or an
 * ancestor) or brands, the few whose scope needs a full match (collections, attributes), the
 * order-wide ones, and the coupon promotions whose codes were entered. Never a loop over all of them.
 */
export class PromotionIndex {
  readonly all: readonly CompiledPromotion[];
  readonly #byId = new Map<string, CompiledPromotion>();
  readonly #byProduct = new Map<string, CompiledPromotion[]>();
  readonly #byCategory = new Map<string, CompiledPromotion[]>();
  readonly #byBrand = new Map<string, CompiledPromotion[]>();
  readonly #byFullMatch: CompiledPromotion[] = [];
  readonly #orderWide: CompiledPromotion[] = [];

  constructor(
    promotions: readonly Promotion[],
    private readonly isInCollection: CollectionMembership,
  ) {
    this.all = promotions.map(compilePromotion);
    for (const compiled of this.all) {
      this.#byId.set(compiled.promotion.id, compiled);
      if (!compiled.promotion.coupon.required) this.#file(compiled);
    }
  }

  get(promotionId: string): CompiledPromotion | undefined {
    return this.#byId.get(promotionId);
  }

  /** The automatic promotions that could touch a cart of these products, each once, in index order. */
  candidates(products: readonly MatchableProduct[]): CompiledPromotion[] {
    const found = new Set<CompiledPromotion>(this.#orderWide);
    const add = (list: readonly CompiledPromotion[] | undefined) =>
      list?.forEach((compiled) => found.add(compiled));
    for (const product of products) {
      add(this.#byProduct.get(product.id));
      for (const path of product.categories)
        for (const category of categoryLineage(path)) add(this.#byCategory.get(category));
      if (product.brand !== undefined) add(this.#byBrand.get(product.brand.toLowerCase()));
      for (const compiled of this.#byFullMatch) {
        if (!found.has(compiled) && matchesProduct(compiled.scope ?? {}, product, this.isInCollection))
          found.add(compiled);
      }
    }
    return [...found];
  }

  /** Files a promotion under its most selective key: its products, else categories, else brands. */
  #file(compiled: CompiledPromotion): void {
    const scope = compiled.scope;
    const under = (map: Map<string, CompiledPromotion[]>, keys: readonly string[]) => {
      for (const key of keys) {
        let list = map.get(key);
        if (list === undefined) map.set(key, (list = []));
        list.push(compiled);
      }
    };
    if (scope?.productIds !== undefined && scope.productIds.length > 0)
      under(this.#byProduct, scope.productIds);
    else if (scope?.categories !== undefined && scope.categories.length > 0)
      under(this.#byCategory, scope.categories);
    else if (scope?.brands !== undefined && scope.brands.length > 0) {
      under(
        this.#byBrand,
        scope.brands.map((brand) => brand.toLowerCase()),
      );
    } else if (
      scope !== undefined &&
      (scope.collections?.length ?? 0) + Object.keys(scope.attributes ?? {}).length > 0
    ) {
      this.#byFullMatch.push(compiled);
    } else this.#orderWide.push(compiled);
  }
}
