import type { Catalog } from '../../domain/catalog/index.js';
import type { Profile } from '../../domain/profiles/index.js';
import {
  ContentSimilarity,
  DEFAULT_BLEND,
  EaseModel,
  easeTrainingSet,
  recommend,
  type EventWeights,
  type Merchandising,
  type Models,
  type RecommendableProduct,
  type RecommendationAnswer,
  type RecommendationFilter,
  type Strategy,
} from '../../domain/recommendations/index.js';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { ModelTrainer } from '../../ports/model-trainer.js';
import type { Store } from '../../ports/store.js';
import type { CatalogService } from '../catalog/catalog-service.js';
import type { CustomerContext } from '../customers/customer-context.js';
import { followOtherNodes } from '../follow-other-nodes.js';
import type { EventIngestion } from '../profiles/event-ingestion.js';
import type { BatchResult } from '../profiles/ingest-batch.js';
import type { ProfileService } from '../profiles/profile-service.js';
import { countryCode, lessonOf, type Lesson, type Whereabouts } from './interactions.js';
import { Learner } from './learner.js';
import { readMerchandising, writeMerchandising } from './merchandising-setting.js';

export interface RecommendationSettings {
  /** Items EASE covers, the most bought first; 0: no dense model. */
  readonly denseItems: number;
  readonly easeLambda: number;
  readonly eventWeights: EventWeights;
  /** Minutes between scheduled rebuilds; 0: on demand only. */
  readonly rebuildMinutes: number;
}

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
  readonly onError: (error: unknown) => void;
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

/** What a rebuild produced, for `POST /v1/recommendations/models:rebuild` and the logs. */
export interface ModelReport {
  readonly builtAt: string;
  readonly durationMs: number;
  readonly customers: number;
  readonly interactions: number;
  readonly denseItems: number;
  readonly describedProducts: number;
}

/**
 * Events and profiles read per page when the models are rebuilt from the store: small, because a
 * page is read and parsed in one go (SQLite answers synchronously) while requests wait.
 */
const EVENT_PAGE = 200;
const PROFILE_PAGE = 100;
/** Erased profiles remembered, so their late lessons are dropped. */
const MAX_ERASED = 100_000;
/** How long after an erasure its rebuild starts; more erasures meanwhile share it. */
const ERASURE_REBUILD_DELAY_MS = 30_000;
/** Longest stretch of learning from the log before requests get their turn, ms. */
const SLICE_MS = 8;
/** Products described between two yields to the event loop. */
const CONTENT_SLICE = 250;
/** A burst of catalogue writes (an import) rebuilds content similarity once, this long after the last. */
const CONTENT_DEBOUNCE_MS = 2_000;

/** What arrived while a rebuild was reading the store, replayed into the new model before it serves. */
type Missed =
  | { readonly kind: 'lesson'; readonly lesson: Lesson }
  | { readonly kind: 'merge'; readonly from: string; readonly into: string }
  | { readonly kind: 'erase'; readonly profileId: string };

/** A read of the event log, and what it may not have seen (kept open until it is adopted). */
interface LogRead {
  readonly learner: Learner;
  readonly missed: Missed[];
}

/** What a node tells the others after each commit, so their online state learns it too. */
interface LearntElsewhere {
  readonly lessons: readonly Lesson[];
  readonly merges: readonly { readonly from: string; readonly into: string }[];
}

/**
 * Recommendations for a node. The online state (histories, popularity, co-occurrence) learns from
 * every committed event at once; EASE and content similarity are rebuilt on a schedule, on demand
 * and after erasures, reading the event log from the store, with EASE trained in a worker thread.
 * A rebuild swaps the new models in whole, so a request always reads one consistent set.
 */
export class RecommendationService {
  #learner: Learner;
  #models: Models;
  #merchandising: Merchandising = {};
  /** One list per read of the store in progress: what it might not see. */
  readonly #missing = new Set<Missed[]>();
  #running: Promise<ModelReport> | undefined;
  #queued: Promise<ModelReport> | undefined;
  #contentTimer: ReturnType<typeof setTimeout> | undefined;
  #erasureRebuild: ReturnType<typeof setTimeout> | undefined;
  /** Profiles erased lately: lessons about them that arrive late are not learnt. */
  readonly #erased = new Set<string>();
  #rebuildTimer: ReturnType<typeof setInterval> | undefined;
  #stopped = false;

  constructor(private readonly deps: RecommendationServiceDeps) {
    this.#learner = new Learner(deps.settings.eventWeights);
    this.#models = { online: this.#learner.model };
  }

  get models(): Models {
    return this.#models;
  }

  /**
   * Follows events, erasures, merchandising and catalogue changes, then builds the models from the
   * store: the online state before it resolves, EASE in the background (until it serves,
   * co-occurrence stands in for it).
   */
  async start(): Promise<void> {
    const { deps } = this;
    deps.ingestion.onCommittedBeforeAck((result) => this.#learn(result));
    deps.profiles.onErased(({ profileId }) => this.#erase(profileId));
    deps.catalog.onProductsChanged(() => this.#contentChanged());
    await followOtherNodes(deps.bus, deps.nodeId, 'erasures', ({ profileId }) => this.#erase(profileId));
    await followOtherNodes(deps.bus, deps.nodeId, 'recommendations.lessons', (learnt) => this.#apply(learnt));
    await followOtherNodes(deps.bus, deps.nodeId, 'recommendations', async () => {
      this.#merchandising = await readMerchandising(deps.store);
    });
    this.#merchandising = await readMerchandising(deps.store);
    const read = await this.#readLog();
    const content = await this.#describeCatalogue().catch((error: unknown) => {
      this.#missing.delete(read.missed);
      throw error;
    });
    this.#adopt(read, { content });
    const online = read.learner;
    void this.#trainEase(online)
      .then((ease) => {
        if (ease !== undefined && this.#learner === online && !this.#stopped)
          this.#swap(online, { ...this.#models, ease });
      })
      .catch(deps.onError);
    if (deps.settings.rebuildMinutes > 0) {
      this.#rebuildTimer = setInterval(
        () => void this.rebuild().catch(deps.onError),
        deps.settings.rebuildMinutes * 60_000,
      );
      this.#rebuildTimer.unref();
    }
  }

  /** Stops the schedules; a rebuild under way is abandoned (its worker never holds the process up). */
  stop(): void {
    this.#stopped = true;
    clearInterval(this.#rebuildTimer);
    clearTimeout(this.#contentTimer);
    clearTimeout(this.#erasureRebuild);
  }

  recommend(query: RecommendationQuery, customer: CustomerContext): RecommendationAnswer {
    const { catalog } = this.deps.catalog;
    return recommend(
      {
        strategy: query.strategy,
        limit: query.limit,
        now: this.deps.clock.now(),
        ...(customer.profile !== undefined && { customer: customer.profile.id }),
        ...(customer.pricing.country !== undefined && { country: customer.pricing.country }),
        ...(query.segment !== undefined && { segment: query.segment }),
        ...(query.productId !== undefined && { productId: query.productId }),
        ...(query.cart !== undefined && { cart: query.cart }),
        ...(query.filter !== undefined && { filter: query.filter }),
      },
      {
        models: this.#models,
        product: (id) => factsOf(catalog, id),
        isInCollection: (collectionId, productId) => catalog.isInCollection(collectionId, productId),
        merchandising: this.#merchandising,
        blend: DEFAULT_BLEND,
      },
    );
  }

  /**
   * Rebuilds every model from the store and resolves once the new ones serve. Calls during a
   * rebuild share one more rebuild after it (which sees everything up to when it starts).
   */
  rebuild(): Promise<ModelReport> {
    if (this.#running === undefined) {
      this.#running = this.#rebuildNow().finally(() => (this.#running = undefined));
      return this.#running;
    }
    this.#queued ??= this.#running
      .catch(() => undefined)
      .then(() => {
        this.#queued = undefined;
        return this.rebuild();
      });
    return this.#queued;
  }

  /**
   * Trains the heavier models from what the online state holds now, without reading the log again:
   * after a bulk load (the demo replay) that the online state learnt as it went.
   */
  async trainOnWhatIsLearnt(): Promise<ModelReport> {
    const learner = this.#learner;
    const started = this.deps.clock.now();
    const [content, ease] = await Promise.all([this.#describeCatalogue(), this.#trainEase(learner)]);
    if (!this.#stopped && this.#learner === learner)
      this.#swap(learner, { content, ...(ease !== undefined && { ease }) });
    return this.#reportOf(learner, ease, content, started);
  }

  rules(): Merchandising {
    return this.#merchandising;
  }

  async putRules(merchandising: Merchandising): Promise<Merchandising> {
    await writeMerchandising(this.deps.store, merchandising);
    this.#merchandising = merchandising;
    await this.deps.bus.publish('recommendations', { origin: this.deps.nodeId });
    return merchandising;
  }

  async #rebuildNow(): Promise<ModelReport> {
    const started = this.deps.clock.now();
    const read = await this.#readLog();
    try {
      const [content, ease] = await Promise.all([this.#describeCatalogue(), this.#trainEase(read.learner)]);
      this.#adopt(read, { content, ...(ease !== undefined && { ease }) });
      return this.#reportOf(read.learner, ease, content, started);
    } finally {
      this.#missing.delete(read.missed);
    }
  }

  /**
   * Serves a rebuilt set: first what was committed (or merged, or erased) since the read began goes
   * into it, then it replaces the models in service, in one synchronous step, so nothing slips
   * between the two. A lesson the read already learnt is skipped by its id.
   */
  #adopt(read: LogRead, heavy: Omit<Models, 'online'>): void {
    this.#missing.delete(read.missed);
    const { learner } = read;
    for (const change of read.missed) {
      if (change.kind === 'merge') learner.model.merge(change.from, change.into);
      else if (change.kind === 'erase') learner.model.forget(change.profileId);
      else if (!this.#erased.has(change.lesson.profileId)) learner.learn(change.lesson);
    }
    if (!this.#stopped) this.#swap(learner, heavy);
  }

  /**
   * A fresh online model from the event log. What is committed meanwhile is learnt by the model in
   * service and also kept in `missed`, which stays open until the new model is adopted.
   */
  async #readLog(): Promise<LogRead> {
    const { store, settings } = this.deps;
    const missed: Missed[] = [];
    this.#missing.add(missed);
    try {
      const learner = new Learner(settings.eventWeights);
      const whereabouts = await this.#whereabouts();
      let slice = performance.now();
      for (let after = 0; ;) {
        const page = await store.scanTrackEvents(after, EVENT_PAGE);
        for (const stored of page) {
          const lesson = lessonOf(
            stored.profileId,
            stored.event,
            whereabouts.get(stored.profileId),
            this.#isKnown,
          );
          if (lesson !== undefined) learner.learn(lesson);
          if (performance.now() - slice > SLICE_MS) {
            await new Promise((resolve) => setImmediate(resolve));
            slice = performance.now();
          }
        }
        if (page.length < EVENT_PAGE) break;
        after = (page[page.length - 1] as { seq: number }).seq;
      }
      return { learner, missed };
    } catch (error) {
      this.#missing.delete(missed);
      throw error;
    }
  }

  /** Each profile's country and segments, so popularity is also kept per country and per segment. */
  async #whereabouts(): Promise<Map<string, Whereabouts>> {
    const found = new Map<string, Whereabouts>();
    for (let after: string | undefined; ;) {
      const page = await this.deps.store.scanProfiles(after, PROFILE_PAGE);
      for (const { profile } of page) found.set(profile.id, whereaboutsOf(profile));
      if (page.length < PROFILE_PAGE) return found;
      // SQLite answers at once: without this the whole scan would hold requests up.
      await new Promise((resolve) => setImmediate(resolve));
      after = page[page.length - 1]?.profile.id;
    }
  }

  async #trainEase(learner: Learner): Promise<EaseModel | undefined> {
    const { denseItems, easeLambda } = this.deps.settings;
    if (denseItems === 0) return undefined;
    const set = easeTrainingSet(learner.model.customers.values(), denseItems);
    if (set.items.length < 2) return undefined;
    return new EaseModel(await this.deps.trainer.trainEase(set.items, set.rows, easeLambda));
  }

  /** Content similarity over the whole catalogue, built in slices between which requests are served. */
  async #describeCatalogue(): Promise<ContentSimilarity> {
    const { catalog } = this.deps.catalog;
    const steps = ContentSimilarity.build(catalog.products(), CONTENT_SLICE);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done === true) return step.value;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  #swap(learner: Learner, heavy: Omit<Models, 'online'>): void {
    this.#learner = learner;
    this.#models = { online: learner.model, ...heavy };
  }

  /** Learns a commit of this node at once, then tells the other nodes what it learnt. */
  #learn(result: BatchResult): void {
    const whereabouts = new Map(result.profiles.map(({ profile }) => [profile.id, whereaboutsOf(profile)]));
    const lessons = result.stored.flatMap(
      ({ profileId, event }) => lessonOf(profileId, event, whereabouts.get(profileId), this.#isKnown) ?? [],
    );
    const learnt: LearntElsewhere = { lessons, merges: result.absorbed };
    this.#apply(learnt);
    if (lessons.length > 0 || learnt.merges.length > 0) {
      void this.deps.bus
        .publish('recommendations.lessons', { origin: this.deps.nodeId, ...learnt })
        .catch(this.deps.onError);
    }
  }

  /**
   * Merges and lessons into the online state in service (and into any read of the log under way).
   * Another node's lessons arrive over the bus; one lost there is learnt with the next rebuild.
   */
  #apply({ lessons, merges }: LearntElsewhere): void {
    for (const { from, into } of merges) {
      this.#learner.model.merge(from, into);
      this.#remember({ kind: 'merge', from, into });
    }
    for (const lesson of lessons) {
      if (this.#erased.has(lesson.profileId)) continue;
      this.#learner.learn(lesson);
      this.#remember({ kind: 'lesson', lesson });
    }
  }

  readonly #isKnown = (productId: string) => this.deps.catalog.catalog.getProduct(productId) !== undefined;

  #remember(change: Missed): void {
    for (const missed of this.#missing) missed.push(change);
  }

  /**
   * An erased customer's history goes at once, and lessons about them still on their way are
   * dropped; their part in shared counts goes with a rebuild, soon after (erasures come in bursts,
   * and each rebuild reads the whole log).
   */
  #erase(profileId: string): void {
    this.#erased.add(profileId);
    if (this.#erased.size > MAX_ERASED) this.#erased.delete(this.#erased.values().next().value as string);
    this.#learner.model.forget(profileId);
    this.#remember({ kind: 'erase', profileId });
    if (this.#erasureRebuild !== undefined) return;
    this.#erasureRebuild = setTimeout(() => {
      this.#erasureRebuild = undefined;
      void this.rebuild().catch(this.deps.onError);
    }, ERASURE_REBUILD_DELAY_MS);
    this.#erasureRebuild.unref();
  }

  #contentChanged(): void {
    clearTimeout(this.#contentTimer);
    this.#contentTimer = setTimeout(() => {
      void this.#describeCatalogue()
        .then((content) => {
          if (!this.#stopped) this.#models = { ...this.#models, content };
        })
        .catch(this.deps.onError);
    }, CONTENT_DEBOUNCE_MS);
    this.#contentTimer.unref();
  }

  #reportOf(
    learner: Learner,
    ease: EaseModel | undefined,
    content: ContentSimilarity,
    started: number,
  ): ModelReport {
    const now = this.deps.clock.now();
    return {
      builtAt: new Date(now).toISOString(),
      durationMs: Math.max(0, now - started),
      customers: learner.model.customers.size,
      interactions: learner.model.observed,
      denseItems: ease?.size ?? 0,
      describedProducts: content.size,
    };
  }
}

function whereaboutsOf(profile: Profile): Whereabouts {
  const country = countryCode(profile.traits['country']);
  return {
    ...(country !== undefined && { country }),
    ...(profile.segments.length > 0 && { segments: profile.segments }),
  };
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
  };
}
