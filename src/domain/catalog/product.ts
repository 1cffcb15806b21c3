import {
  SharedError,
  normalizeCategoryPath,
  type AttributeValue,
  type CurrencyCode,
  type Money,
} from '../shared/index.js';
import { CatalogError } from './errors.js';

export type ProductStatus = 'active' | 'archived';

/** A picture of the product: an http(s) or root-relative URL, and the text a screen reader says. */
export interface ProductImage {
  readonly url: string;
  readonly alt: string;
}

/** A product as a client writes it (`PUT /v1/products/{id}`), after schema validation. */
export interface ProductInput {
  readonly title: string;
  readonly description?: string;
  readonly groupId?: string;
  /** The URL slug a storefront routes by. */
  readonly handle?: string;
  /** Each image's `alt` defaults to the title. */
  readonly images?: readonly { readonly url: string; readonly alt?: string }[];
  readonly categories?: readonly string[];
  readonly brand?: string;
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  readonly price: Money;
  readonly cost?: Money;
  readonly status?: ProductStatus;
}

/** A validated product before the store gives it a version. The id is the SKU. */
export interface ProductDraft {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly groupId?: string;
  readonly handle?: string;
  /** In the order given; absent when the product has none (stored products from before images too). */
  readonly images?: readonly ProductImage[];
  /** Normalised category paths, unique, in the order given. */
  readonly categories: readonly string[];
  readonly brand?: string;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  /** Base price in the store currency. */
  readonly price: Money;
  /** What the product costs the merchant, in the price's currency; used for margin guardrails. */
  readonly cost?: Money;
  readonly status: ProductStatus;
}

/** A stored product: its draft plus the version that `If-Match` compares and when it last changed. */
export interface Product extends ProductDraft {
  readonly version: number;
  /** ISO 8601 UTC. */
  readonly updatedAt: string;
}

/**
 * Validates and normalises a product. The base price must be in the store currency (other currencies
 * come through price lists) and the cost, when given, in the same currency.
 * @throws DomainError `currency_mismatch` or `invalid_category`, with the JSON `pointer` of the field.
 */
export function draftProduct(id: string, input: ProductInput, storeCurrency: CurrencyCode): ProductDraft {
  if (input.price.currency !== storeCurrency) {
    throw new SharedError(
      'currency_mismatch',
      `the base price must be in the store currency ${storeCurrency}`,
      {
        pointer: '/price/currency',
      },
    );
  }
  if (input.cost !== undefined && input.cost.currency !== input.price.currency) {
    throw new SharedError('currency_mismatch', 'the cost must be in the same currency as the price', {
      pointer: '/cost/currency',
    });
  }
  return {
    id,
    title: input.title,
    ...(input.description !== undefined && { description: input.description }),
    ...(input.groupId !== undefined && { groupId: input.groupId }),
    ...(input.handle !== undefined && { handle: input.handle }),
    ...(input.images !== undefined &&
      input.images.length > 0 && {
        images: input.images.map((image) => ({ url: image.url, alt: image.alt ?? input.title })),
      }),
    categories: normalizeCategories(input.categories ?? []),
    ...(input.brand !== undefined && { brand: input.brand }),
    attributes: input.attributes ?? {},
    price: { amount: input.price.amount, currency: input.price.currency },
    ...(input.cost !== undefined && { cost: { amount: input.cost.amount, currency: input.cost.currency } }),
    status: input.status ?? 'active',
  };
}

function normalizeCategories(paths: readonly string[]): string[] {
  const normalised = new Set<string>();
  paths.forEach((path, index) => {
    const category = normalizeCategoryPath(path);
    if (category === undefined) {
      throw new CatalogError('invalid_category', 'a category path needs at least one named segment', {
        pointer: `/categories/${index}`,
      });
    }
    normalised.add(category);
  });
  return [...normalised];
}
