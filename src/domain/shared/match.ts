import { isInCategory, normalizeCategoryPath } from './category.js';
import { ownValue } from './records.js';

/** A scalar product attribute value; lists allow several values (`colour: ['red', 'white']`). */
export type AttributeValue = string | number | boolean | readonly (string | number | boolean)[];

/** What {@link Match} needs to know of a product. Structural, so every module can pass its own product type. */
export interface MatchableProduct {
  readonly id: string;
  readonly categories: readonly string[];
  readonly brand?: string | undefined;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
}

/**
 * Selects products. Every non-empty list must match (AND across fields); within a list any entry may
 * match (OR). A category matches itself and its descendants. Empty or missing lists mean "any".
 */
export interface Match {
  readonly productIds?: readonly string[];
  readonly categories?: readonly string[];
  readonly brands?: readonly string[];
  readonly collections?: readonly string[];
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
}

/** Answers whether a product belongs to a collection; supplied by whoever knows the collections. */
export type CollectionMembership = (collectionId: string, productId: string) => boolean;

type CompiledMatch = (product: MatchableProduct, isInCollection: CollectionMembership) => boolean;

/**
 * Matches compiled once per Match object (sets for ids and brands): a promotion may list tens of
 * thousands of products, and a cart asks about each of its lines. Matches are never mutated.
 */
const compiledMatches = new WeakMap<Match, CompiledMatch>();

/** True when `product` is selected by `match`. Brands compare case-insensitively, attributes exactly. */
export function matchesProduct(
  match: Match,
  product: MatchableProduct,
  isInCollection: CollectionMembership = () => false,
): boolean {
  let compiled = compiledMatches.get(match);
  if (compiled === undefined) {
    compiled = compileMatch(match);
    compiledMatches.set(match, compiled);
  }
  return compiled(product, isInCollection);
}

function compileMatch(match: Match): CompiledMatch {
  const productIds = nonEmpty(match.productIds) ? new Set(match.productIds) : undefined;
  const categories = nonEmpty(match.categories) ? match.categories : undefined;
  const brands = nonEmpty(match.brands)
    ? new Set(match.brands.map((brand) => brand.toLowerCase()))
    : undefined;
  const collections = nonEmpty(match.collections) ? match.collections : undefined;
  const attributes = Object.entries(match.attributes ?? {});
  return (product, isInCollection) => {
    if (productIds !== undefined && !productIds.has(product.id)) return false;
    if (
      categories !== undefined &&
      !categories.some((wanted) => product.categories.some((path) => isInCategory(path, wanted)))
    ) {
      return false;
    }
    if (brands !== undefined && (product.brand === undefined || !brands.has(product.brand.toLowerCase())))
      return false;
    if (collections !== undefined && !collections.some((id) => isInCollection(id, product.id))) return false;
    for (const [name, wanted] of attributes) {
      if (!attributeMatches(ownValue(product.attributes, name), wanted)) return false;
    }
    return true;
  };
}

/** A match as written, made comparable: category paths normalised (`Home/Kitchen ` → `home/kitchen`). */
export function normalizeMatch(match: Match): Match {
  if (match.categories === undefined) return match;
  // A path that normalises to nothing (blank, say) is kept as written: it matches no product, and an
  // empty string would not read back as the category it was given.
  return { ...match, categories: match.categories.map((path) => normalizeCategoryPath(path) ?? path) };
}

function attributeMatches(actual: AttributeValue | undefined, wanted: AttributeValue): boolean {
  if (actual === undefined) return false;
  const actualValues = Array.isArray(actual) ? actual : [actual];
  const wantedValues = Array.isArray(wanted) ? wanted : [wanted];
  return wantedValues.some((value) => actualValues.includes(value));
}

function nonEmpty<T>(list: readonly T[] | undefined): list is readonly T[] {
  return list !== undefined && list.length > 0;
}
