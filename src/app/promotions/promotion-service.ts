import { randomBytes } from 'node:crypto';
import type { Catalog } from '../../domain/catalog/index.js';
import {
  PromotionIndex,
  draftPromotion,
  generateCouponCode,
  type Promotion,
  type PromotionInput,
  PromotionError,
} from '../../domain/promotions/index.js';
import type { CurrencyCode } from '../../domain/shared/index.js';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import { followOtherNodes, rereadOnChange } from '../follow-other-nodes.js';
import { buildFromLoadable, checkLoadable, storedVersion, type UnloadableReport } from '../loadable.js';
import type { Store, VersionPrecondition } from '../../ports/store.js';

/** Codes made per generation request, at most. */
export const MAX_GENERATED_CODES = 100_000;

export interface GenerateCodesRequest {
  readonly count: number;
  readonly prefix?: string;
  /** Default true: each generated code redeems once. */
  readonly singleUse?: boolean;
}

/**
 * Promotions and their codes. Every promotion lives in memory, compiled into an index by what it can
 * touch, rebuilt when one changes on any node (the bus carries the news).
 */
export class PromotionService {
  readonly #listeners: (() => void)[] = [];
  #index: PromotionIndex;

  constructor(
    private readonly deps: {
      readonly store: Store;
      readonly bus: EventBus;
      readonly clock: Clock;
      readonly catalog: Catalog;
      readonly currency: CurrencyCode;
      readonly nodeId: string;
      /** Stored promotions that do not load are left out and reported here. */
      readonly reportUnloadable: UnloadableReport;
    },
  ) {
    this.#index = new PromotionIndex([], this.#isInCollection);
  }

  get index(): PromotionIndex {
    return this.#index;
  }

  /** Calls `listener` once the promotions in memory changed, here or after another node's change. */
  onChanged(listener: () => void): void {
    this.#listeners.push(listener);
  }

  async start(): Promise<void> {
    await this.#reload();
    await followOtherNodes(
      this.deps.bus,
      this.deps.nodeId,
      'promotions',
      rereadOnChange(() => this.#reload()),
    );
  }

  /** @throws DomainError `invalid_promotion`, `coupon_taken`, `not_loadable`, `version_conflict`. */
  async put(id: string, input: PromotionInput, ifVersion?: VersionPrecondition): Promise<Promotion> {
    const draft = draftPromotion(id, input, this.deps.currency);
    const others = this.#index.all.map((compiled) => compiled.promotion).filter((other) => other.id !== id);
    const stored = storedVersion(draft, this.deps.clock.now());
    checkLoadable('promotion', () => this.#build([...others, stored]));
    const promotion = await this.deps.store.putPromotion(draft, { now: this.deps.clock.now(), ifVersion });
    await this.#changed(id);
    return promotion;
  }

  /** @throws DomainError `promotion_not_found`. */
  async get(id: string): Promise<Promotion> {
    const promotion = await this.deps.store.getPromotion(id);
    if (promotion === undefined) throw notFound(id);
    return promotion;
  }

  list(): Promise<Promotion[]> {
    return this.deps.store.listPromotions();
  }

  async delete(id: string, ifVersion?: VersionPrecondition): Promise<void> {
    if (!(await this.deps.store.deletePromotion(id, ifVersion))) throw notFound(id);
    await this.#changed(id);
  }

  /**
   * Makes `count` new unguessable codes for a promotion (60 random bits each, from the system's
   * cryptographic source). A collision with an existing code is simply made again.
   */
  async generateCodes(id: string, request: GenerateCodesRequest): Promise<string[]> {
    await this.get(id);
    const codes: string[] = [];
    while (codes.length < request.count) {
      const wanted = request.count - codes.length;
      const random = randomBytes(8 * wanted);
      const batch = new Set<string>();
      for (let index = 0; index < wanted; index += 1) {
        batch.add(generateCouponCode(random.subarray(index * 8, index * 8 + 8), request.prefix));
      }
      codes.push(...(await this.deps.store.addCoupons(id, [...batch], request.singleUse ?? true)));
    }
    return codes;
  }

  /** Reads every promotion from the store again (after an order found one gone or spent). */
  refresh(): Promise<void> {
    return this.#reload();
  }

  readonly #isInCollection = (collectionId: string, productId: string) =>
    this.deps.catalog.isInCollection(collectionId, productId);

  #build(promotions: readonly Promotion[]): PromotionIndex {
    return new PromotionIndex(promotions, this.#isInCollection);
  }

  async #changed(id: string): Promise<void> {
    await this.#reload();
    await this.deps.bus.publish('promotions', { origin: this.deps.nodeId, id });
  }

  async #reload(): Promise<void> {
    const promotions = await this.deps.store.listPromotions();
    this.#index = buildFromLoadable(
      'promotion',
      promotions,
      (promotion) => promotion.id,
      (list) => this.#build(list),
      this.deps.reportUnloadable,
    );
    for (const listener of this.#listeners) listener();
  }
}

function notFound(id: string): PromotionError {
  return new PromotionError('promotion_not_found', `no promotion ${id}`, {});
}
