import type { Catalog } from '../../domain/catalog/index.js';
import {
  DEFAULT_BLEND,
  recommend,
  suggestFromSession,
  type Merchandising,
  type Models,
  type RecommendableProduct,
  type RecommendationAnswer,
  type RecommendationFilter,
  type RecommendationRequest,
  type Strategy,
} from '../../domain/recommendations/index.js';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { ModelTrainer } from '../../ports/model-trainer.js';
import type { SnapshotHeader, Store } from '../../ports/store.js';
import type { CatalogService } from '../catalog/catalog-service.js';
import type { CustomerContext } from '../customers/customer-context.js';
import type { EventIngestion } from '../profiles/event-ingestion.js';
import type { ProfileService } from '../profiles/profile-service.js';
import { sessionOf } from './browsing-session.js';
import { CustomerLoading } from './customer-loading.js';
import { ErasedCustomers } from './erased-customers.js';
import { ForYouMemo } from './for-you-memo.js';
import { SimilarMemo } from './similar-memo.js';
import { Learner } from './learner.js';
import { LessonRelay } from './lesson-relay.js';
import { MerchandisingRules, type MerchandisingRulesDeps } from './merchandising-rules.js';
import {
  ModelRebuilds,
  type ModelReport,
  type RecommendationSettings,
  type StartReport,
} from './model-rebuilds.js';
import { ModelSnapshots, type SnapshotRejection, type SnapshotSettings } from './model-snapshots.js';
import { ServingModels } from './serving-models.js';
import { StoredHistories } from './stored-histories.js';

export type { ModelReport, RecommendationSettings, StartReport } from './model-rebuilds.js';
export type { SnapshotRejection, SnapshotSettings } from './model-snapshots.js';

export interface RecommendationServiceDeps {
  readonly store: Store;
  readonly bus: EventBus;
  readonly clock: Clock;
  readonly catalog: CatalogService;
  readonly ingestion: EventIngestion;
  readonly profiles: ProfileService;
  readonly trainer: ModelTrainer;
  readonly nodeId: string;
  readonly settings: RecommendationSettings;
  /** Snapshots of the online state (off unless given). */
  readonly snapshots?: SnapshotSettings;
  /** A stored snapshot was passed over at start: the node replayed more of the log instead. */
  readonly onSnapshotRejected?: (header: SnapshotHeader, reason: SnapshotRejection, error?: unknown) => void;
  readonly onError: (error: unknown) => void;
  /** How stored merchandising rules are checked, and where rules that do not load are reported. */
  readonly merchandising: Pick<MerchandisingRulesDeps, 'shape' | 'reportUnloadable'>;
}

/** The newest snapshot written or read, how the start filled the online model, and snapshots it passed over. */
/** See {@link RecommendationService.coPurchaseStatus}. */
export interface CoPurchaseStatus {
  readonly state: 'exact' | 'inexact' | 'none';
  readonly pairs: number;
}

export interface SnapshotStatus {
  readonly latest: SnapshotHeader | undefined;
  readonly started: StartReport | undefined;
  readonly rejected: readonly { readonly id: string; readonly reason: SnapshotRejection }[];
}

/** What a storefront asks for (the customer comes separately, resolved and consent-checked). */
export interface RecommendationQuery {
  readonly strategy: Strategy;
  readonly productId?: string;
  readonly cart?: readonly string[];
  readonly limit: number;
  readonly filter?: RecommendationFilter;
  /** Popularity within this segment (`popular`, `trending`). */
  readonly segment?: string;
}

/**
 * Recommendations for a node: answers read the models in service and the merchant's rules, from
 * memory. Behind it, one part per job: the online state learns each commit at once and relays it to
 * the other nodes ({@link LessonRelay}); the heavier models (EASE, content similarity) are rebuilt
 * from the store on a schedule, on demand and after erasures ({@link ModelRebuilds}); erased
 * customers leave the models ({@link ErasedCustomers}); merchandising is kept in step across nodes
 * ({@link MerchandisingRules}). A rebuild swaps the new models in whole ({@link ServingModels}), so
 * a request always reads one consistent set.
 */
export class RecommendationService {
  readonly #serving: ServingModels;
  readonly #rebuilds: ModelRebuilds;
  readonly #snapshots: ModelSnapshots;
  readonly #relay: LessonRelay;
  readonly #erased: ErasedCustomers;
  readonly #merchandising: MerchandisingRules;
  readonly #loading: CustomerLoading;
  readonly #forYou = new ForYouMemo();
  readonly #similar = new SimilarMemo();

  constructor(private readonly deps: RecommendationServiceDeps) {
    const { store, bus, clock, catalog, trainer, settings, nodeId, onError } = deps;
    const { customerCacheBytes } = settings;
    const serving = new ServingModels(new Learner(settings.eventWeights, customerCacheBytes));
    const isKnown = (productId: string) => catalog.catalog.getProduct(productId) !== undefined;
    const histories = new StoredHistories({ store, isKnown });
    this.#serving = serving;
    // A customer's own events (here or on another node) reach their for-you as soon as the models
    // have learnt them: not before, or a request while they wait (a history loading, a snapshot's
    // hold) would remember candidates without them.
    serving.onLearnt((learnt) => {
      this.#forYou.forget(learnt.lessons.map((lesson) => lesson.profileId));
      this.#forYou.forget(learnt.merges.flatMap(({ from, into }) => [from, into]));
    });
    this.#loading = new CustomerLoading({ serving, histories, onError });
    this.#snapshots = new ModelSnapshots({
      store,
      clock,
      serving,
      weights: settings.eventWeights,
      ...(customerCacheBytes !== undefined && { customerCacheBytes }),
      settings: deps.snapshots ?? { enabled: false, minutes: 0, events: 0, graceMs: 0 },
      isRebuilding: () => this.#rebuilds.isRebuilding,
      onRejected: deps.onSnapshotRejected ?? (() => undefined),
      onError,
    });
    this.#rebuilds = new ModelRebuilds({
      store,
      clock,
      catalog,
      trainer,
      settings,
      serving,
      histories,
      isKnown,
      onError,
      restore: () => this.#snapshots.load(),
    });
    this.#relay = new LessonRelay({
      bus,
      nodeId,
      learn: (learnt) => this.#loading.learn(learnt),
      isKnown,
      rebuild: () => this.#rebuilds.rebuild(),
      onError,
    });
    this.#erased = new ErasedCustomers({
      bus,
      nodeId,
      profiles: deps.profiles,
      serving,
      rebuild: () => this.#rebuilds.rebuild(),
      onError,
    });
    this.#merchandising = new MerchandisingRules({ store, bus, nodeId, ...deps.merchandising });
  }

  get models(): Models {
    return this.#serving.models;
  }

  /**
   * Follows events, erasures, merchandising and catalogue changes, then builds the models from the
   * store: the online state and content similarity (EASE once the node serves: {@link trainAfterStart}).
   */
  async start(): Promise<void> {
    this.deps.ingestion.onCommittedBeforeAck((result, giveWay) => this.#relay.relay(result, giveWay));
    this.deps.catalog.onProductsChanged((ids) => this.#rebuilds.productsChanged(ids));
    this.deps.profiles.onErased(({ profileId }) => this.#forYou.forget([profileId]));
    await this.#erased.start();
    await this.#relay.start();
    await this.#merchandising.start();
    await this.#rebuilds.buildAtStart();
    this.#snapshots.start();
  }

  /**
   * Trains EASE for the models the start built, in the background (co-occurrence stands in until
   * it serves): it reads every customer's purchases, which a start need not wait for.
   */
  trainAfterStart(): void {
    this.#rebuilds.trainAfterStart();
  }

  /**
   * Stops the schedules, after a last snapshot when snapshots are on; a rebuild under way is
   * abandoned (its worker never holds the process up).
   */
  async stop(): Promise<void> {
    await this.#snapshots.stop();
    this.#serving.stop();
    this.#rebuilds.stop();
    this.#erased.stop();
  }

  /** Answers a query, once the customer's history is held (loaded from the log when it is not). */
  async recommend(query: RecommendationQuery, customer: CustomerContext): Promise<RecommendationAnswer> {
    if (customer.profile !== undefined) await this.#loading.ready(customer.profile.id);
    const { catalog } = this.deps.catalog;
    const models = this.#serving.models;
    const request: RecommendationRequest = {
      strategy: query.strategy,
      limit: query.limit,
      now: this.deps.clock.now(),
      ...(customer.profile !== undefined && {
        customer: customer.profile.id,
        session: sessionOf(customer.profile),
      }),
      ...(customer.pricing.country !== undefined && { country: customer.pricing.country }),
      ...(query.segment !== undefined && { segment: query.segment }),
      ...(query.productId !== undefined && { productId: query.productId }),
      ...(query.cart !== undefined && { cart: query.cart }),
      ...(query.filter !== undefined && { filter: query.filter }),
    };
    return recommend(request, {
      models,
      product: (id) => factsOf(catalog, id),
      isInCollection: (collectionId, productId) => catalog.isInCollection(collectionId, productId),
      merchandising: this.#merchandising.current(),
      blend: DEFAULT_BLEND,
      forYouCandidates: (compute) => this.#forYou.candidates(request, customer.profile, models, compute),
      similarCandidates: (productId, compute) => this.#similar.candidates(productId, models, compute),
    });
  }

  /**
   * What the customer's live session points to, for listings: products scored 0..1 (the best 1,
   * times how live the session is) with the viewed product that points to each. Empty without a
   * consented profile, as every personal signal.
   */
  sessionSuggestions(customer: CustomerContext): Map<string, { score: number; because: string }> {
    const found = new Map<string, { score: number; because: string }>();
    if (customer.profile === undefined) return found;
    const now = this.deps.clock.now();
    const session = suggestFromSession(
      sessionOf(customer.profile),
      this.#serving.models.online.browsing,
      now,
    );
    let best = 0;
    for (const score of session.scores.values()) best = Math.max(best, score);
    if (best === 0 || session.liveness === 0) return found;
    for (const [item, score] of session.scores)
      found.set(item, { score: (session.liveness * score) / best, because: session.because(item) ?? '' });
    return found;
  }

  /** Writes a snapshot of the online state now (undefined when none could be taken; see {@link ModelSnapshots}). */
  writeSnapshot(): Promise<SnapshotHeader | undefined> {
    return this.#snapshots.write();
  }

  /** What the snapshot schedule does at each look: a snapshot only when one is due (see {@link ModelSnapshots}). */
  writeSnapshotIfDue(): Promise<SnapshotHeader | undefined> {
    return this.#snapshots.writeIfDue();
  }

  /** The newest snapshot written or read, and how the start filled the online model, for `/metrics`. */
  snapshotStatus(): SnapshotStatus {
    const { latest, rejected } = this.#snapshots;
    return { latest, started: this.#rebuilds.started, rejected };
  }

  /**
   * EASE's co-purchase counts in service, for `/metrics`: `none` when the model keeps none (after a
   * snapshot that held none, until a rebuild), `inexact` when EASE trains from histories instead.
   */
  coPurchaseStatus(): CoPurchaseStatus {
    const counts = this.#serving.learner.model.coPurchases;
    return { state: !counts.kept ? 'none' : counts.exact ? 'exact' : 'inexact', pairs: counts.pairs };
  }

  /** The customers' histories the online model in service holds, for `/metrics`. */
  customerHistories(): { readonly size: number; readonly bytes: number; readonly budgetBytes: number } {
    return this.#serving.learner.model.customers;
  }

  /** Rebuilds every model from the store; resolves once the new ones serve (see {@link ModelRebuilds}). */
  rebuild(): Promise<ModelReport> {
    return this.#rebuilds.rebuild();
  }

  /** What the rebuild schedule runs (see {@link ModelRebuilds.refreshOnSchedule}). */
  refreshOnSchedule(): Promise<ModelReport> {
    return this.#rebuilds.refreshOnSchedule();
  }

  /** Trains the heavier models on what the online state learnt, without reading the log again. */
  trainOnWhatIsLearnt(): Promise<ModelReport> {
    return this.#rebuilds.trainOnWhatIsLearnt();
  }

  rules(): Merchandising {
    return this.#merchandising.current();
  }

  putRules(merchandising: Merchandising): Promise<Merchandising> {
    return this.#merchandising.put(merchandising);
  }
}

/** What the business rules read of a product: sellable means active and in stock, now. */
function factsOf(catalog: Catalog, productId: string): RecommendableProduct | undefined {
  const product = catalog.getProduct(productId);
  if (product === undefined) return undefined;
  return {
    id: product.id,
    title: product.title,
    categories: product.categories,
    ...(product.brand !== undefined && { brand: product.brand }),
    attributes: product.attributes,
    price: product.price.amount,
    sellable: catalog.isSellable(productId),
    ...(product.groupId !== undefined && { groupId: product.groupId }),
  };
}
