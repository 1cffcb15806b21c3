import { isInCategory, normalizeCategoryPath } from './category.js';

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

/** True when `product` is selected by `match`. Brands compare case-insensitively, attributes exactly. */
export function matchesProduct(
  match: Match,
  product: MatchableProduct,
  isInCollection: CollectionMembership = () => false,
): boolean {
  if (nonEmpty(match.productIds) && !match.productIds.includes(product.id)) return false;
  if (
    nonEmpty(match.categories) &&
    !match.categories.some((wanted) => product.categories.some((path) => isInCategory(path, wanted)))
  ) {
    return false;
  }
  if (nonEmpty(match.brands)) {
    const brand = product.brand?.toLowerCase();
    if (brand === undefined || !match.brands.some((wanted) => wanted.toLowerCase() === brand)) return false;
  }
  if (nonEmpty(match.collections) && !match.collections.some((id) => isInCollection(id, product.id))) {
    return false;
  }
  for (const [name, wanted] of Object.entries(match.attributes ?? {})) {
    if (!attributeMatches(product.attributes[name], wanted)) return false;
  }
  return true;
}

/** A match as written, made comparable: category paths normalised (`Home/Kitchen ` → `home/kitchen`). */
export function normalizeMatch(match: Match): Match {
  if (match.categories === undefined) return match;
  return { ...match, categories: match.categories.map((path) => normalizeCategoryPath(path) ?? path.trim()) };
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
