import type { Product } from '../../domain/catalog/index.js';
import { ContentSimilarity } from '../../domain/recommendations/index.js';
import type { CatalogService } from '../catalog/catalog-service.js';
import { yieldToRequests } from '../yield-to-requests.js';

/** Products described between two yields to the event loop. */
const CONTENT_SLICE = 250;

export interface CatalogueDescriptionsDeps {
  readonly catalog: CatalogService;
  /** The content similarity in service, if any yet. */
  readonly inService: () => ContentSimilarity | undefined;
  readonly onError: (error: unknown) => void;
}

/**
 * Keeps content similarity describing the catalogue: the whole of it when the models are built,
 * and the products that changed in between, in the model in service.
 */
export class CatalogueDescriptions {
  /** Products changed that content similarity has not described again yet, in the catalogue's order. */
  readonly #undescribed = new Set<string>();
  #describing: Promise<void> | undefined;
  /** For each description of the whole catalogue under way: the products changed since it began. */
  readonly #changedDuringFullDescriptions = new Set<Set<string>>();

  constructor(private readonly deps: CatalogueDescriptionsDeps) {}

  /** Forgets the products waiting to be described. */
  stop(): void {
    this.#undescribed.clear();
  }

  /**
   * Products changed: content similarity describes those again (a slice at a time, between which
   * requests are served), rather than the whole catalogue. Describing 105,000 products again after
   * an import took a second of CPU and twice the model's memory at its peak; the updated model
   * answers as a fresh one would (`content-similarity.test.ts`). Only a product removed and put again
   * before it is described keeps its old place in the postings, which only the 5,000-candidate bound
   * can see, until the next full description (a scheduled rebuild).
   */
  productsChanged(ids: readonly string[]): void {
    for (const id of ids) this.#undescribed.add(id);
    for (const changed of this.#changedDuringFullDescriptions) for (const id of ids) changed.add(id);
    if (this.#describing !== undefined) return;
    this.#describing = this.#describeChanged()
      .catch(this.deps.onError)
      .finally(() => (this.#describing = undefined));
  }

  async #describeChanged(): Promise<void> {
    while (this.#undescribed.size > 0) {
      const slice: string[] = [];
      for (const id of this.#undescribed) {
        slice.push(id);
        if (slice.length >= CONTENT_SLICE) break;
      }
      for (const id of slice) this.#undescribed.delete(id);
      // Before the start's model serves, there is none to update: that model describes them anyway.
      const content = this.deps.inService();
      if (content !== undefined) this.#describeAgain(content, slice);
      await yieldToRequests();
    }
  }

  /** Describes `ids` again in `content` as the catalogue holds them now (those it no longer holds, removed). */
  #describeAgain(content: ContentSimilarity, ids: Iterable<string>): void {
    const { catalog } = this.deps.catalog;
    const changed: Product[] = [];
    const removed: string[] = [];
    for (const id of ids) {
      const product = catalog.getProduct(id);
      if (product === undefined) removed.push(id);
      else changed.push(product);
    }
    content.update(changed, removed);
  }

  /** Content similarity over the whole catalogue, built in slices between which requests are served. */
  async describeCatalogue(): Promise<ContentSimilarity> {
    const { catalog } = this.deps.catalog;
    const steps = ContentSimilarity.build(catalog.products(), CONTENT_SLICE);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done === true) return step.value;
      await yieldToRequests();
    }
  }

  /**
   * Runs `work`, which describes the whole catalogue, and hands it `caughtUp`: the content it built,
   * with the products that changed since `work` began described again (those only reached the model
   * in service), to call just before that content serves.
   */
  async describingWhole<T>(
    work: (caughtUp: (content: ContentSimilarity) => ContentSimilarity) => Promise<T>,
  ): Promise<T> {
    const changed = new Set<string>();
    this.#changedDuringFullDescriptions.add(changed);
    try {
      return await work((content) => {
        this.#describeAgain(content, changed);
        changed.clear();
        return content;
      });
    } finally {
      this.#changedDuringFullDescriptions.delete(changed);
    }
  }
}
