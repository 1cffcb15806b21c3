import type { ContentSimilarity, EaseModel, EventWeights } from '../../domain/recommendations/index.js';
import type { Clock } from '../../ports/clock.js';
import type { ModelTrainer } from '../../ports/model-trainer.js';
import type { Store } from '../../ports/store.js';
import type { CatalogService } from '../catalog/catalog-service.js';
import { CatalogueDescriptions } from './catalogue-descriptions.js';
import { trainEase } from './ease-training.js';
import { logPagingFor, trackEventPages, type LogPaging } from './log-pages.js';
import { lessonOf, type Lesson } from './interactions.js';
import { RecentWhereabouts } from './recent-whereabouts.js';
import { Learner } from './learner.js';
import type { RestoredLearner } from './model-snapshots.js';
import type { LogRead, ServingModels } from './serving-models.js';
import type { StoredHistories } from './stored-histories.js';
import { holdCustomersOfMissed } from './missed-customers.js';
import { FairSlices } from '../yield-to-requests.js';

/**
 * The part of the customer budget a rebuild's model holds while it reads the log: the model in
 * service keeps its own histories until it is replaced, so the two never hold twice the budget.
 * Its customers who leave load back from the log when met again (a read per customer, the busiest
 * stay).
 */
const REBUILD_BUDGET_SHARE = 0.25;

export interface RecommendationSettings {
  /** Items EASE covers, the most bought first; 0: no dense model. */
  readonly denseItems: number;
  readonly easeLambda: number;
  readonly eventWeights: EventWeights;
  /** Minutes between scheduled rebuilds; 0: on demand only. */
  readonly rebuildMinutes: number;
  /** Bytes of customers' histories an online model holds (the rest load from the log); unbounded when absent. */
  readonly customerCacheBytes?: number;
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

export interface ModelRebuildsDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly catalog: CatalogService;
  readonly trainer: ModelTrainer;
  readonly settings: RecommendationSettings;
  readonly serving: ServingModels;
  /** Customers' histories from the log, for those an online model does not hold. */
  readonly histories: StoredHistories;
  readonly isKnown: (productId: string) => boolean;
  readonly onError: (error: unknown) => void;
  /** The newest readable snapshot of the online state, if any: a start replays the log only after it. */
  readonly restore?: () => Promise<RestoredLearner | undefined>;
}

/** How a start filled the online model: from a snapshot or from the whole log, and how many events it read. */
export interface StartReport {
  readonly snapshot: string | undefined;
  readonly replayedEvents: number;
}

/**
 * Merges are taken again from this long before a snapshot was taken (merging twice changes
 * nothing), so clocks that differ between nodes cannot make one slip between snapshot and replay.
 */
const MERGE_MARGIN_MS = 3_600_000;

/**
 * Builds the models from the store: at start, on a schedule, on demand and after erasures. It reads
 * the event log into a fresh online model, describes the catalogue for content similarity and has
 * EASE trained by the trainer (a worker thread); the new set is swapped in whole.
 */
export class ModelRebuilds {
  #running: Promise<ModelReport> | undefined;
  #queued: Promise<ModelReport> | undefined;
  #scheduleTimer: ReturnType<typeof setInterval> | undefined;
  readonly #descriptions: CatalogueDescriptions;
  readonly #paging: LogPaging;
  /** How the last start filled the online model (undefined until it has). */
  started: StartReport | undefined;

  constructor(private readonly deps: ModelRebuildsDeps) {
    this.#paging = logPagingFor(deps.store.kind);
    this.#descriptions = new CatalogueDescriptions({
      catalog: deps.catalog,
      inService: () => deps.serving.models.content,
      onError: deps.onError,
    });
  }

  /** The first build: the online model and content similarity; then the schedule (EASE: {@link trainAfterStart}). */
  async buildAtStart(): Promise<void> {
    const { serving, settings, onError } = this.deps;
    const read = await this.#readLog(await this.deps.restore?.());
    await this.#descriptions.describingWhole(async (caughtUp) => {
      const content = await this.#descriptions.describeCatalogue().catch((error: unknown) => {
        serving.closeRead(read.missed);
        throw error;
      });
      serving.adopt(read, { content: caughtUp(content) });
    });
    if (settings.rebuildMinutes > 0) {
      this.#scheduleTimer = setInterval(
        () => void this.refreshOnSchedule().catch(onError),
        settings.rebuildMinutes * 60_000,
      );
      this.#scheduleTimer.unref();
    }
  }

  /**
   * EASE for the online model the start built, in the background: until it serves, co-occurrence
   * stands in for it. A rebuild that replaced that model meanwhile trains its own.
   */
  trainAfterStart(): void {
    const { serving, onError } = this.deps;
    const online = serving.learner;
    void this.#trainEase(online)
      .then((ease) => {
        if (ease !== undefined && serving.learner === online && !serving.stopped)
          serving.swap(online, { ...serving.models, ease });
      })
      .catch(onError);
  }

  /** True while a rebuild reads the log or trains. */
  get isRebuilding(): boolean {
    return this.#running !== undefined;
  }

  /** Stops the schedules; a rebuild under way is abandoned (its worker never holds the process up). */
  stop(): void {
    clearInterval(this.#scheduleTimer);
    this.#descriptions.stop();
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
   * What the schedule runs: EASE and content similarity trained again on what the online state has
   * learnt, without reading the log. The online state learns every commit as it happens, so a read
   * of the whole log would build the same state a second time beside the one in service (two full
   * copies of every customer's history, and at millions of events a rebuild that never finished).
   * Only while an erasure still waits for its rebuild (the one it schedules failed) is the log read,
   * since only a read of the log takes the erased customer's part out of shared counts.
   */
  refreshOnSchedule(): Promise<ModelReport> {
    // A rebuild under way retrains everything already: the schedule waits for it, adding none.
    if (this.#running !== undefined) return this.#running;
    if (this.deps.serving.awaitsRebuild) return this.rebuild();
    return this.trainOnWhatIsLearnt();
  }

  /**
   * Trains the heavier models from what the online state holds now, without reading the log again:
   * after a bulk load (the demo replay) that the online state learnt as it went.
   */
  async trainOnWhatIsLearnt(): Promise<ModelReport> {
    const { serving } = this.deps;
    const learner = serving.learner;
    const started = this.deps.clock.now();
    return this.#descriptions.describingWhole(async (caughtUp) => {
      const [content, ease] = await Promise.all([
        this.#descriptions.describeCatalogue(),
        this.#trainEase(learner),
      ]);
      if (!serving.stopped && serving.learner === learner)
        serving.swap(learner, { content: caughtUp(content), ...(ease !== undefined && { ease }) });
      return this.#reportOf(learner, ease, content, started);
    });
  }

  /** Products changed: content similarity describes those again ({@link CatalogueDescriptions}). */
  productsChanged(ids: readonly string[]): void {
    this.#descriptions.productsChanged(ids);
  }

  async #rebuildNow(): Promise<ModelReport> {
    const started = this.deps.clock.now();
    const read = await this.#readLog(undefined, REBUILD_BUDGET_SHARE);
    try {
      return await this.#descriptions.describingWhole(async (caughtUp) => {
        const [content, ease] = await Promise.all([
          this.#descriptions.describeCatalogue(),
          this.#trainEase(read.learner),
        ]);
        // In service, it takes the whole budget the model it replaces lets go of.
        read.learner.model.customers.setBudget(
          this.deps.settings.customerCacheBytes ?? Number.POSITIVE_INFINITY,
        );
        // Changes still waiting behind a snapshot's hold are in no read's `missed` yet: learnt first,
        // so the customers they name are among those loaded. No snapshot starts while this runs.
        await this.deps.serving.settled();
        await holdCustomersOfMissed(read, { histories: this.deps.histories, serving: this.deps.serving });
        this.deps.serving.adopt(read, { content: caughtUp(content), ...(ease !== undefined && { ease }) });
        return this.#reportOf(read.learner, ease, content, started);
      });
    } finally {
      this.deps.serving.closeRead(read.missed);
    }
  }

  /**
   * A fresh online model from the event log, or one restored from a snapshot and the events after
   * it. What is committed meanwhile is learnt by the model in service and also kept in `missed`,
   * which stays open until the new model is adopted. `budgetShare`: the part of the customer
   * budget the fresh model may hold while it reads (the model in service holds the rest).
   */
  async #readLog(restored?: RestoredLearner, budgetShare = 1): Promise<LogRead> {
    const { store, settings, serving } = this.deps;
    const missed = serving.openRead();
    try {
      const budget = (settings.customerCacheBytes ?? Number.POSITIVE_INFINITY) * budgetShare;
      const learner = restored?.learner ?? new Learner(settings.eventWeights, budget);
      const customers = learner.model.customers;
      // Merged profiles' events now name the profile they went into: their history goes there first.
      if (restored !== undefined)
        for (const merge of await store.mergesSince(restored.header.createdAt - MERGE_MARGIN_MS))
          learner.model.merge(merge);
      const recent = new RecentWhereabouts(store, { perRead: this.#paging.profiles });
      let replayed = 0;
      // Fair slices: under full ingestion, fixed ones of 8 ms gave the read a tenth of the event loop,
      // and it chased the end of a log growing faster than it read.
      const slices = new FairSlices();
      for await (const page of trackEventPages(store, restored?.position ?? 0, this.#paging)) {
        const whereabouts = await recent.of(page.events, slices);
        for (const stored of page.events) {
          const where = whereabouts.get(stored.profileId);
          const lesson = lessonOf(stored.profileId, stored.event, where, this.deps.isKnown);
          // A lesson the snapshot already holds is skipped by its id.
          if (lesson !== undefined)
            await this.#learnFromLog(learner, lesson, stored.seq, restored !== undefined, slices);
          replayed += 1;
          if (slices.due) await slices.giveWay();
        }
      }
      // Histories loaded along the way may miss what the snapshot knew: they load again, whole, when needed.
      if (restored !== undefined) customers.clear();
      this.started ??= { snapshot: restored?.header.id, replayedEvents: replayed };
      return { learner, missed };
    } catch (error) {
      serving.closeRead(missed);
      throw error;
    }
  }

  /**
   * Learns one lesson of the log at position `seq`, giving way between its lines when the slice is
   * spent (no request reads this model yet); a customer the model let go (or a restored one does
   * not hold) is loaded first as the log stood just before it, so it learns as if it had held them.
   */
  async #learnFromLog(
    learner: Learner,
    lesson: Lesson,
    seq: number,
    restored: boolean,
    slices: FairSlices,
  ): Promise<void> {
    const { customers } = learner.model;
    if (customers.status(lesson.profileId) === 'unknown') {
      const loaded = await this.deps.histories.load(lesson.profileId, { before: seq });
      customers.set(lesson.profileId, loaded.history);
    }
    // A lesson the snapshot already holds is skipped by its id (its customer's history still takes it).
    if (!learner.knows(lesson)) {
      for (const _line of learner.learning(lesson)) if (slices.due) await slices.giveWay();
    } else if (restored) learner.learnHistory(lesson);
    customers.trim();
  }

  #trainEase(learner: Learner): Promise<EaseModel | undefined> {
    const { store, histories, trainer, settings, serving } = this.deps;
    const stopped = () => serving.stopped;
    return trainEase(learner.model, { store, histories, trainer, settings, stopped });
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
