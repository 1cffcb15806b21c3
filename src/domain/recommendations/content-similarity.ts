import { appended, categoryLineage, type AttributeValue } from '../shared/index.js';

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
 * A token the model knows: the one copy of its text that every product holding it shares (each of
 * 100,000 products spelt `word:product` anew: the model over the scale shop's 100k products took
 * 64.1 MB so, 55.7 with one copy), and those products in the order they were first described.
 * Their number is the token's document frequency.
 */
interface Posting {
  readonly token: string;
  holders: readonly string[];
}

/** Postings shorter than this are copied to their exact length as they grow (see `appended`): most are a word one product holds. */
const COPIED_POSTING = 32;
const NO_HOLDERS: readonly string[] = Object.freeze([]);

/** A product's vector over its tokens and how much its description says, for one state of the model. */
interface Weighed {
  readonly vector: Map<string, number>;
  readonly informativeness: number;
}

/**
 * Products whose similar lists are kept at most. A list of 200 costs some 3.4 KB as ids and a
 * typed array of scores (about 16 KB as pairs of arrays and boxed numbers, which a long soak found
 * filling the heap): 68 MB at the bound, whatever the catalogue.
 */
const MAX_CACHED_LISTS = 20_000;

/** A product's most similar products, best first, and whether they are every similar one (then any limit reads it). */
interface CachedList {
  readonly ids: readonly string[];
  readonly scores: Float64Array;
  readonly complete: boolean;
}

function listOf(cached: CachedList, limit: number): [string, number][] {
  const length = Math.min(limit, cached.ids.length);
  const list: [string, number][] = [];
  for (let index = 0; index < length; index += 1)
    list.push([cached.ids[index] as string, cached.scores[index] as number]);
  return list;
}

/**
 * Products described as weighted tokens (category and its ancestors, brand, attributes, title
 * words), TF-IDF weighted and normalised; similar products are the nearest by cosine. Candidates
 * come from the postings of the product's rarest tokens, so a request reads a bounded number.
 *
 * The model is kept up to date product by product ({@link update}): it holds each product's tokens,
 * the document frequencies and the postings, and weighs a product's vector when it is first read
 * after a change (the weights depend on every product, through the frequencies). Describing the
 * whole catalogue again after an import of 100,000 products held the event loop for a second of
 * tokenising and garbage collection; an update costs what changed. Postings are kept in the order
 * products were first described, so the model answers exactly as one built afresh from the
 * catalogue in that order.
 */
export class ContentSimilarity {
  /** Each product's distinct tokens, in the order they were found, as their postings spell them. */
  readonly #tokens = new Map<string, readonly string[]>();
  /** When each product was first described: postings are kept in this order. */
  readonly #positions = new Map<string, number>();
  #nextPosition = 0;
  readonly #postings = new Map<string, Posting>();
  /** Vectors weighed since the last change. */
  #weighed = new Map<string, Weighed>();
  /** Lists computed since the last change, least recently read first (see {@link CachedList}). */
  #cache = new Map<string, CachedList>();
  #version = 0;

  /**
   * `maxScanned`: candidates a request reads at most; `maxCachedLists`: similar lists kept (both
   * smaller in tests, to reach the bounds).
   */
  private constructor(
    private readonly maxScanned: number,
    private readonly maxCachedLists: number,
  ) {}

  /** Builds the model at once (tests, benchmarks, small catalogues). */
  static of(
    products: Iterable<DescribedProduct>,
    maxScanned = MAX_SCANNED,
    maxCachedLists = MAX_CACHED_LISTS,
  ): ContentSimilarity {
    const steps = ContentSimilarity.build(products, Number.POSITIVE_INFINITY, maxScanned, maxCachedLists);
    for (let step = steps.next(); ; step = steps.next()) if (step.done === true) return step.value;
  }

  /**
   * Builds the model a slice at a time: the generator yields after every `slice` products, so a
   * caller on a busy event loop can let requests through between.
   */
  static *build(
    products: Iterable<DescribedProduct>,
    slice: number,
    maxScanned = MAX_SCANNED,
    maxCachedLists = MAX_CACHED_LISTS,
  ): Generator<void, ContentSimilarity> {
    const model = new ContentSimilarity(maxScanned, maxCachedLists);
    let done = 0;
    for (const product of products) {
      model.#put(product, tokenize(product));
      if ((done += 1) % slice === 0) yield;
    }
    return model;
  }

  /**
   * A number that grows with every update that changed the model: what is derived from it, a
   * product's `similar` candidates say, may be kept while it stays the same.
   */
  get version(): number {
    return this.#version;
  }

  /** Products described. */
  get size(): number {
    return this.#tokens.size;
  }

  /** Similar lists kept (at most `maxCachedLists`). */
  get cachedLists(): number {
    return this.#cache.size;
  }

  /**
   * Describes `changed` products again (a new one after those described already) and forgets
   * `removed` ones. A product whose tokens did not change costs a comparison and changes nothing.
   */
  update(changed: Iterable<DescribedProduct>, removed: Iterable<string> = []): void {
    /** Postings to read again, with the products described again that now hold their token. */
    const touched = new Map<string, string[]>();
    let anyChange = false;
    for (const id of removed) {
      const before = this.#tokens.get(id);
      if (before === undefined) continue;
      this.#forget(id, before, touched);
      this.#positions.delete(id);
      anyChange = true;
    }
    for (const product of changed) {
      const tokens = tokenize(product);
      const before = this.#tokens.get(product.id);
      if (before !== undefined && sameTokens(before, tokens)) continue;
      anyChange = true;
      if (before === undefined) this.#put(product, tokens);
      else {
        this.#forget(product.id, before, touched);
        const kept = tokens.map((token) => this.#postingOf(token).token);
        this.#tokens.set(product.id, kept);
        for (const token of kept) {
          const added = touched.get(token);
          if (added === undefined) touched.set(token, [product.id]);
          else added.push(product.id);
        }
      }
    }
    // Postings that lost products, or gained one described before their last: read again in order.
    for (const [token, added] of touched) this.#repost(token, added);
    if (anyChange) {
      this.#weighed = new Map();
      this.#cache = new Map();
      this.#version += 1;
    }
  }

  /**
   * How much the product's description can say about what is like it, 0..1: the IDF mass of the
   * tokens it shares with other products, where one token shared with a single other product counts
   * 1. Generic texts ("Item 123" in the one category every product is in) share only tokens
   * everything has, and score near 0; a unique word shares nothing and adds nothing.
   */
  informativeness(productId: string): number {
    return this.#weigh(productId)?.informativeness ?? 0;
  }

  /** The products most like `productId` by content, best first, with the cosine. */
  similar(productId: string, limit: number): [string, number][] {
    const cached = this.#cache.get(productId);
    if (cached !== undefined && (cached.complete || cached.ids.length >= limit)) {
      // Read again: to the young end of the Map's order, the last to leave.
      this.#cache.delete(productId);
      this.#cache.set(productId, cached);
      return listOf(cached, limit);
    }
    const vector = this.#weigh(productId)?.vector;
    if (vector === undefined) return [];
    const rarestFirst = [...vector.keys()].sort((a, b) => this.#frequency(a) - this.#frequency(b));
    const candidates = new Set<string>();
    for (const token of rarestFirst) {
      for (const other of this.#postings.get(token)?.holders ?? []) {
        if (candidates.size >= this.maxScanned) break;
        if (other !== productId) candidates.add(other);
      }
      if (candidates.size >= this.maxScanned) break;
    }
    const scored: [string, number][] = [];
    for (const other of candidates) {
      const otherVector = (this.#weigh(other) as Weighed).vector;
      let cosine = 0;
      for (const [token, weight] of vector) cosine += weight * (otherVector.get(token) ?? 0);
      if (cosine > 0) scored.push([other, cosine]);
    }
    scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const best = scored.slice(0, Math.max(limit, 50));
    this.#cache.delete(productId);
    if (this.#cache.size >= this.maxCachedLists)
      this.#cache.delete(this.#cache.keys().next().value as string);
    this.#cache.set(productId, {
      ids: best.map(([id]) => id),
      scores: Float64Array.from(best, ([, score]) => score),
      complete: best.length === scored.length,
    });
    return best.slice(0, limit);
  }

  /** A product never described before: after every other, in the postings too. */
  #put(product: DescribedProduct, tokens: readonly string[]): void {
    // `map` makes an array of the exact length; pushes would reserve 16 slots more.
    const kept = tokens.map((token) => {
      const posting = this.#postingOf(token);
      posting.holders = appended(posting.holders, product.id, COPIED_POSTING);
      return posting.token;
    });
    this.#tokens.set(product.id, kept);
    this.#positions.set(product.id, this.#nextPosition++);
  }

  /** The token's posting, a new and empty one for a token no product holds yet. */
  #postingOf(token: string): Posting {
    let posting = this.#postings.get(token);
    if (posting === undefined) this.#postings.set(token, (posting = { token, holders: NO_HOLDERS }));
    return posting;
  }

  /** How many products hold the token: its document frequency. */
  #frequency(token: string): number {
    return this.#postings.get(token)?.holders.length ?? 0;
  }

  /** Forgets a product's tokens; their postings are read again by the caller. */
  #forget(id: string, tokens: readonly string[], touched: Map<string, string[]>): void {
    this.#tokens.delete(id);
    for (const token of tokens) if (!touched.has(token)) touched.set(token, []);
  }

  /**
   * The products holding `token` now, in the order they were first described: those of its posting
   * that still hold it, and `added` (described again with it).
   */
  #repost(token: string, added: readonly string[]): void {
    const posting = this.#postingOf(token);
    const holders = posting.holders.filter((id) => this.#tokens.get(id)?.includes(token));
    const held = new Set(holders);
    for (const id of added) if (!held.has(id)) holders.push(id);
    if (holders.length === 0) {
      this.#postings.delete(token);
      return;
    }
    holders.sort((a, b) => (this.#positions.get(a) ?? 0) - (this.#positions.get(b) ?? 0));
    posting.holders = holders;
  }

  /** TF-IDF over the model as it stands, in the same steps as ever, so equal models answer alike. */
  #weigh(productId: string): Weighed | undefined {
    const known = this.#weighed.get(productId);
    if (known !== undefined) return known;
    const tokens = this.#tokens.get(productId);
    if (tokens === undefined) return undefined;
    const total = this.#tokens.size;
    // The IDF of a token two products share: the most a shared token can say.
    const rarestShared = Math.log((1 + total) / 3);
    const vector = new Map<string, number>();
    let norm = 0;
    let shared = 0;
    for (const token of tokens) {
      const frequency = this.#frequency(token);
      const weight = Math.log((1 + total) / (1 + frequency)) + 1;
      vector.set(token, weight);
      norm += weight * weight;
      if (frequency >= 2) shared += weight - 1;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [token, weight] of vector) vector.set(token, weight / norm);
    const weighed = {
      vector,
      informativeness: rarestShared > 0 ? Math.min(1, shared / rarestShared) : 0,
    };
    this.#weighed.set(productId, weighed);
    return weighed;
  }
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((token, index) => token === b[index]);
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
  return [...new Set(tokens)];
}
