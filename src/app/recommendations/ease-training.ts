import {
  EaseModel,
  EaseTrainingRows,
  easeTrainingSet,
  type CoPurchaseCounts,
  type EaseTrainingSet,
  type OnlineModel,
} from '../../domain/recommendations/index.js';
import type { ModelTrainer } from '../../ports/model-trainer.js';
import type { Store } from '../../ports/store.js';
import type { StoredHistories } from './stored-histories.js';
import { yieldToRequests } from '../yield-to-requests.js';

/** Profiles read per page when EASE trains on histories streamed from the store. */
const PROFILES_PER_PAGE = 500;
/**
 * Co-purchase pairs read between two yields to the event loop (a few ms). Counted in pairs, not
 * items: the most bought items have thousands, and 25 of them at a time held requests up to 70 ms.
 */
const PAIRS_PER_STEP = 30_000;

export interface EaseTrainingDeps {
  readonly store: Pick<Store, 'scanProfileIds'>;
  readonly histories: Pick<StoredHistories, 'purchases'>;
  readonly trainer: ModelTrainer;
  readonly settings: { readonly denseItems: number; readonly easeLambda: number };
  /** True once the node stops: a read of the store under way ends (it would outlive the store). */
  readonly stopped?: () => boolean;
  /** Co-purchase pairs read between two yields to the event loop; {@link PAIRS_PER_STEP} by default. */
  readonly pairsPerStep?: number;
}

/**
 * EASE trained by the trainer on every customer's purchases of the items whose co-purchases are
 * followed (see {@link CoPurchaseCounts}): from those counts when they are exact (no read of the
 * log, no customer in memory); else from the histories in memory when the online model holds them
 * all; else streamed from the store a page of customers at a time, so a node that holds only its
 * active customers never needs the rest in memory at once. The three give the same model.
 */
export async function trainEase(
  { customers: held, coPurchases: counts }: Pick<OnlineModel, 'customers' | 'coPurchases'>,
  deps: EaseTrainingDeps,
): Promise<EaseModel | undefined> {
  const { denseItems, easeLambda } = deps.settings;
  if (denseItems === 0) return undefined;
  const followed = (item: string): boolean => counts.follows(item);
  const set =
    // A prune while the counts were read is rare: a second read, before reading every history.
    (counts.exact
      ? ((await fromCounts(counts, denseItems, deps.pairsPerStep)) ??
        (await fromCounts(counts, denseItems, deps.pairsPerStep)))
      : undefined) ??
    (held.holdsAll
      ? easeTrainingSet(held.values(), denseItems, followed)
      : await streamed(denseItems, followed, deps));
  if (set === undefined || set.items.length < 2) return undefined;
  return new EaseModel(await deps.trainer.trainEase(set, easeLambda));
}

/**
 * The training set from the co-purchase counts, read in slices between which requests are served;
 * undefined when a prune meanwhile dropped one of its items.
 */
async function fromCounts(
  counts: CoPurchaseCounts,
  denseItems: number,
  pairsPerStep = PAIRS_PER_STEP,
): Promise<EaseTrainingSet | undefined> {
  const steps = counts.trainingSetSteps(denseItems, pairsPerStep);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done === true) return step.value;
    await yieldToRequests();
  }
}

/** The training set from every customer's history in the store; undefined when the node stopped meanwhile. */
async function streamed(
  denseItems: number,
  followed: (item: string) => boolean,
  deps: EaseTrainingDeps,
): Promise<EaseTrainingSet | undefined> {
  const rows = new EaseTrainingRows(followed);
  for (let after: string | undefined; ;) {
    if (deps.stopped?.() === true) return undefined;
    const page = await deps.store.scanProfileIds(after, PROFILES_PER_PAGE);
    for (const customer of page) {
      if (deps.stopped?.() === true) return undefined;
      const purchases = await deps.histories.purchases(customer);
      rows.add(purchases.keys(), purchases.size);
    }
    if (page.length < PROFILES_PER_PAGE) return rows.build(denseItems);
    after = page[page.length - 1];
    await yieldToRequests();
  }
}
