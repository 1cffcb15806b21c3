import {
  EMPTY_TOTALS,
  EXPERIMENT_METRICS,
  experimentResults,
  type ExperimentResults,
  ExperimentError,
  changesSplit,
  draftExperiment,
  type Experiment,
  type ExperimentDraft,
  type ExperimentInput,
  type ExperimentReferences,
  type VariantTotals,
} from '../../domain/experiments/index.js';
import { STRATEGIES } from '../../domain/recommendations/index.js';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { Store, VersionPrecondition } from '../../ports/store.js';
import { followOtherNodes, rereadOnChange } from '../follow-other-nodes.js';
import { asStored, checkLoadable, loadEach, type UnloadableReport } from '../loadable.js';

const STRATEGY_NAMES: ReadonlySet<string> = new Set(STRATEGIES);

/**
 * Experiment definitions. Every experiment lives in memory and is re-read when one changes on any
 * node; assignment reads the running ones from memory only.
 */
export class ExperimentService {
  #experiments = new Map<string, Experiment>();
  #running: readonly Experiment[] = [];
  #reloading: Promise<void> = Promise.resolve();
  readonly #listeners: (() => void)[] = [];

  constructor(
    private readonly deps: {
      readonly store: Store;
      readonly bus: EventBus;
      readonly clock: Clock;
      readonly nodeId: string;
      /** Stored experiments that do not load are left out and reported here. */
      readonly reportUnloadable: UnloadableReport;
    },
  ) {}

  async start(): Promise<void> {
    // Subscribe first: a change made elsewhere while the experiments load is then read again after.
    await followOtherNodes(
      this.deps.bus,
      this.deps.nodeId,
      'experiments',
      rereadOnChange(() => this.#reload()),
    );
    await this.#reload();
  }

  /** Calls `listener` once the experiments in memory changed, here or after another node's change. */
  onChanged(listener: () => void): void {
    this.#listeners.push(listener);
  }

  /** The running experiments, by id. */
  running(): readonly Experiment[] {
    return this.#running;
  }

  /**
   * Creates or replaces an experiment. Who gets which variant (variants, weights, seed, layer) may
   * not change while it runs: stop it and start a new one.
   * @throws DomainError `invalid_experiment`, `experiment_running`, `version_conflict`.
   */
  async put(id: string, input: ExperimentInput, ifVersion?: VersionPrecondition): Promise<Experiment> {
    const stored = await this.deps.store.getExperiment(id);
    const draft = draftExperiment(id, withStoredSlice(input, stored), await this.#references(input), [
      ...this.#experiments.values(),
    ]);
    if (stored?.status === 'running' && changesSplit(stored, draft)) {
      throw new ExperimentError(
        'experiment_running',
        `experiment ${id} is running: its variants, weights, seed and layer stay as they are; stop it and start a new one`,
        { pointer: '/variants' },
      );
    }
    checkLoadable('experiment', () => loadExperiment(asStored(draft)));
    const now = this.deps.clock.now();
    // Without If-Match, the version read above: a change made meanwhile on another node is not overwritten unseen.
    const experiment = await this.deps.store.putExperiment(withStopTime(draft, stored, now), {
      now,
      ifVersion: ifVersion ?? stored?.version,
    });
    await this.#changed(id);
    return experiment;
  }

  /** @throws DomainError `experiment_not_found`. */
  get(id: string): Experiment {
    const experiment = this.#experiments.get(id);
    if (experiment === undefined) throw notFound(id);
    return experiment;
  }

  /** Every experiment, by id (the map is replaced, never changed, when they change). */
  byId(): ReadonlyMap<string, Experiment> {
    return this.#experiments;
  }

  list(): Experiment[] {
    return [...this.#experiments.values()];
  }

  /** @throws DomainError `experiment_not_found`, `version_conflict`. */
  async delete(id: string, ifVersion?: VersionPrecondition): Promise<void> {
    if (!(await this.deps.store.deleteExperiment(id, ifVersion))) throw notFound(id);
    await this.#changed(id);
  }

  /** Each variant's totals so far, in the experiment's variant order (a variant with no unit has none). */
  async totals(id: string): Promise<{ id: string; weight: number; totals: VariantTotals | undefined }[]> {
    const experiment = this.get(id);
    const totals = await this.deps.store.variantTotals(id);
    return experiment.variants.map((variant) => ({
      id: variant.id,
      weight: variant.weight,
      totals: totals.get(variant.id),
    }));
  }

  /**
   * The experiment's results on its metric, from the variants' running totals (never a scan of units).
   * @throws DomainError `experiment_not_found`.
   */
  async results(id: string): Promise<{ experiment: Experiment; results: ExperimentResults }> {
    const experiment = this.get(id);
    const variants = (await this.totals(id)).map((variant) => ({
      ...variant,
      totals: variant.totals ?? EMPTY_TOTALS,
    }));
    return { experiment, results: experimentResults(experiment.metric, variants) };
  }

  /** What the input's variants name, looked up now (content slots, promotions, price lists). */
  async #references(input: ExperimentInput): Promise<ExperimentReferences> {
    const { store } = this.deps;
    const named = (pick: (variant: ExperimentInput['variants'][number]) => readonly string[]) => [
      ...new Set(input.variants.flatMap(pick)),
    ];
    const slots = new Map(
      await Promise.all(
        named((variant) => Object.keys(variant.changes.content ?? {})).map(
          async (slot) => [slot, await store.getContentSlot(slot)] as const,
        ),
      ),
    );
    const existing = async (ids: string[], get: (id: string) => Promise<unknown>) =>
      new Set((await Promise.all(ids.map(async (id) => ((await get(id)) === undefined ? [] : [id])))).flat());
    const toggled = (field: 'promotions' | 'priceLists') =>
      named((variant) => [
        ...(variant.changes[field]?.enable ?? []),
        ...(variant.changes[field]?.disable ?? []),
      ]);
    const [promotions, priceLists] = await Promise.all([
      existing(toggled('promotions'), (promotion) => store.getPromotion(promotion)),
      existing(toggled('priceLists'), (list) => store.getPriceList(list)),
    ]);
    return {
      isStrategy: (strategy) => STRATEGY_NAMES.has(strategy),
      hasContent: (slot, variantId) => {
        const found = slots.get(slot);
        return (
          found !== undefined && (variantId === undefined || found.variants.some((v) => v.id === variantId))
        );
      },
      hasPromotion: (promotion) => promotions.has(promotion),
      hasPriceList: (list) => priceLists.has(list),
    };
  }

  async #changed(id: string): Promise<void> {
    await this.#reload();
    await this.deps.bus.publish('experiments', { origin: this.deps.nodeId, id });
  }

  #reload(): Promise<void> {
    this.#reloading = this.#reloading
      .catch(() => undefined)
      .then(async () => {
        const experiments = loadEach(
          'experiment',
          await this.deps.store.listExperiments(),
          (experiment) => experiment.id,
          loadExperiment,
          this.deps.reportUnloadable,
        );
        this.#experiments = new Map(experiments.map((experiment) => [experiment.id, experiment]));
        this.#running = experiments.filter((experiment) => experiment.status === 'running');
        for (const listener of this.#listeners) listener();
      });
    return this.#reloading;
  }
}

/** What a stored experiment's load checks: its shape, as its write was checked (what it names may have gone since). */
const ANYTHING: ExperimentReferences = {
  isStrategy: () => true,
  hasContent: () => true,
  hasPromotion: () => true,
  hasPriceList: () => true,
};

/** A stored experiment, checked as its write was: one that would not pass is not served. */
function loadExperiment<T extends ExperimentDraft>(experiment: T): T {
  const again = draftExperiment(experiment.id, experiment, ANYTHING, []);
  if (!['draft', 'running', 'stopped'].includes(experiment.status)) throw new Error('no such status');
  if (!EXPERIMENT_METRICS.includes(experiment.metric)) throw new Error('no such metric');
  const traffic = experiment.trafficPercent as unknown;
  if (typeof traffic !== 'number' || !(traffic >= 0 && traffic <= 100)) throw new Error('no traffic');
  if (experiment.layer !== undefined && experiment.layerSlice === undefined) {
    throw new Error('a layer experiment without its slice');
  }
  if (again.seed !== experiment.seed) throw new Error('no seed');
  return experiment;
}

/** An edit that names no slice keeps the one its layer gave it, as long as it keeps its layer and width. */
function withStoredSlice(input: ExperimentInput, stored: Experiment | undefined): ExperimentInput {
  const slice = stored?.layerSlice;
  if (input.layerSlice !== undefined || slice === undefined || input.layer !== stored?.layer) return input;
  const width = input.trafficPercent ?? slice.to - slice.from;
  return width === slice.to - slice.from ? { ...input, layerSlice: slice } : input;
}

/** A stop is dated when it happens (later edits of a stopped experiment keep that date); a running experiment has none. */
function withStopTime(draft: ExperimentDraft, stored: Experiment | undefined, now: number): ExperimentDraft {
  const { stoppedAt: _given, ...rest } = draft;
  if (draft.status !== 'stopped') return rest;
  const since =
    stored?.status === 'stopped' ? (stored.stoppedAt ?? stored.updatedAt) : new Date(now).toISOString();
  return { ...rest, stoppedAt: since };
}

function notFound(id: string): ExperimentError {
  return new ExperimentError('experiment_not_found', `no experiment ${id}`, {});
}
