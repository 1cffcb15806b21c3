import { categoryLineage, type AttributeValue } from '../shared/index.js';

/** What content similarity reads of a product. */
export interface DescribedProduct {
  readonly id: string;
  readonly title: string;
  readonly categories: readonly string[];
  readonly brand?: string;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
}

/** Postings read per request, at most: common tokens are left to the exact comparison. */
const MAX_SCANNED = 5_000;
const STOP_WORDS = new Set([
  'the',
  'and',
  'for',
  'with',
  'set',
  'of',
  'in',
  'a',
  'an',
  'to',
  'from',
  'pack',
  'size',
]);

/**
 * Products described as weighted tokens (category and its ancestors, brand, attributes, title
 * words), TF-IDF weighted and normalised; similar products are the nearest by cosine. Candidates
 * come from the postings of the product's rarest tokens, so a request reads a bounded number.
 */
export class ContentSimilarity {
  readonly #vectors: Map<string, Map<string, number>>;
  readonly #postings: Map<string, string[]>;
  readonly #informativeness: Map<string, number>;
  /** Lists computed, and whether each holds every similar product (then any limit reads it). */
  readonly #cache = new Map<string, { list: [string, number][]; complete: boolean }>();

  private constructor(
    vectors: Map<string, Map<string, number>>,
    postings: Map<string, string[]>,
    informativeness: Map<string, number>,
  ) {
    this.#vectors = vectors;
    this.#postings = postings;
    this.#informativeness = informativeness;
  }

  /** Builds the model at once (tests, benchmarks, small catalogues). */
  static of(products: Iterable<DescribedProduct>): ContentSimilarity {
    const steps = ContentSimilarity.build(products, Number.POSITIVE_INFINITY);
    for (let step = steps.next(); ; step = steps.next()) if (step.done === true) return step.value;
  }

  /**
   * Builds the model a slice at a time: the generator yields after every `slice` products (twice
   * over: tokens, then vectors), so a caller on a busy event loop can let requests through between.
   */
  static *build(products: Iterable<DescribedProduct>, slice: number): Generator<void, ContentSimilarity> {
    const tokensOf = new Map<string, string[]>();
    const documentFrequency = new Map<string, number>();
    let done = 0;
    for (const product of products) {
      const tokens = [...new Set(tokenize(product))];
      tokensOf.set(product.id, tokens);
      for (const token of tokens) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
      if ((done += 1) % slice === 0) yield;
    }
    const vectors = new Map<string, Map<string, number>>();
    const postings = new Map<string, string[]>();
    const informativeness = new Map<string, number>();
    const total = tokensOf.size;
    // The IDF of a token two products share: the most a shared token can say.
    const rarestShared = Math.log((1 + total) / 3);
    for (const [id, tokens] of tokensOf) {
      const vector = new Map<string, number>();
      let norm = 0;
      let shared = 0;
      for (const token of tokens) {
        const frequency = documentFrequency.get(token) ?? 0;
        const weight = Math.log((1 + total) / (1 + frequency)) + 1;
        vector.set(token, weight);
        norm += weight * weight;
        if (frequency >= 2) shared += weight - 1;
      }
      informativeness.set(id, rarestShared > 0 ? Math.min(1, shared / rarestShared) : 0);
      norm = Math.sqrt(norm) || 1;
      for (const [token, weight] of vector) vector.set(token, weight / norm);
      vectors.set(id, vector);
      for (const token of tokens) {
        let posting = postings.get(token);
        if (posting === undefined) postings.set(token, (posting = []));
        posting.push(id);
      }
      if ((done += 1) % slice === 0) yield;
    }
    return new ContentSimilarity(vectors, postings, informativeness);
  }

  /** Products described. */
  get size(): number {
    return this.#vectors.size;
  }

  /**
   * How much the product's description can say about what is like it, 0..1: the IDF mass of the
   * tokens it shares with other products, where one token shared with a single other product counts
   * 1. Generic texts ("Item 123" in the one category every product is in) share only tokens
   * everything has, and score near 0; a unique word shares nothing and adds nothing.
   */
  informativeness(productId: string): number {
    return this.#informativeness.get(productId) ?? 0;
  }

  /** The products most like `productId` by content, best first, with the cosine. */
  similar(productId: string, limit: number): [string, number][] {
    const cached = this.#cache.get(productId);
    if (cached !== undefined && (cached.complete || cached.list.length >= limit))
      return cached.list.slice(0, limit);
    const vector = this.#vectors.get(productId);
    if (vector === undefined) return [];
    const rarestFirst = [...vector.keys()].sort(
      (a, b) => (this.#postings.get(a)?.length ?? 0) - (this.#postings.get(b)?.length ?? 0),
    );
    const candidates = new Set<string>();
    for (const token of rarestFirst) {
      for (const other of this.#postings.get(token) ?? []) {
        if (candidates.size >= MAX_SCANNED) break;
        if (other !== productId) candidates.add(other);
      }
      if (candidates.size >= MAX_SCANNED) break;
    }
    const scored: [string, number][] = [];
    for (const other of candidates) {
      const otherVector = this.#vectors.get(other) as Map<string, number>;
      let cosine = 0;
      for (const [token, weight] of vector) cosine += weight * (otherVector.get(token) ?? 0);
      if (cosine > 0) scored.push([other, cosine]);
    }
    scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const best = scored.slice(0, Math.max(limit, 50));
    if (this.#cache.size > 50_000) this.#cache.clear();
    this.#cache.set(productId, { list: best, complete: best.length === scored.length });
    return best.slice(0, limit);
  }
}

function tokenize(product: DescribedProduct): string[] {
  const tokens: string[] = [];
  for (const path of product.categories)
    for (const category of categoryLineage(path)) tokens.push(`category:${category}`);
  if (product.brand !== undefined) tokens.push(`brand:${product.brand.toLowerCase()}`);
  for (const [name, value] of Object.entries(product.attributes)) {
    for (const one of Array.isArray(value) ? value : [value])
      tokens.push(`attribute:${name}=${String(one).toLowerCase()}`);
  }
  for (const word of product.title.toLowerCase().split(/[^a-z0-9]+/)) {
    if (word.length >= 3 && !STOP_WORDS.has(word)) tokens.push(`word:${word}`);
  }
  return tokens;
}
