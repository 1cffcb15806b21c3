import type { Lesson } from './interactions.js';
import type { LogRead, ServingModels } from './serving-models.js';
import type { StoredHistories } from './stored-histories.js';

/** Histories read from the store at once: after a long rebuild at scale, thousands may be due. */
const LOADS_AT_ONCE = 32;

/**
 * Passes at most: each loads the customers whose lessons arrived during the one before. Past
 * them, a customer still due is learnt as one not held (the counts are then no longer exact).
 */
const MAX_PASSES = 5;

/**
 * Loads into a rebuilt model, before it is adopted, the histories it let go of (it read the log
 * with a part of the customer budget) for the customers whose lessons arrived while it was built,
 * leaving those lessons out: adoption then learns them as for a held customer. Learnt for a
 * customer not held, a purchase could not be told a first one or not, and the co-purchase counts
 * would no longer be exact until the next rebuild.
 *
 * Lessons keep arriving while the histories load: a pass loads the customers met since the last
 * one, and loads again a customer whose load read a lesson it did not leave out (one committed
 * while it ran: adoption would find it folded in), until a pass finds none; adoption follows the
 * last pass without a pause.
 */
export async function holdCustomersOfMissed(
  read: LogRead,
  deps: {
    readonly histories: Pick<StoredHistories, 'load'>;
    readonly serving: Pick<ServingModels, 'isErased'>;
  },
): Promise<void> {
  const { customers } = read.learner.model;
  // Lessons the read learnt already are in the log it read: their histories hold them.
  const missedLessons = () =>
    read.missed.flatMap((change) =>
      change.kind === 'lesson' && !read.learner.knows(change.lesson) ? [change.lesson] : [],
    );
  /** For each customer loaded here, the latest events its load read. */
  const readByLoad = new Map<string, ReadonlySet<string>>();
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const due = customersToLoad(
      missedLessons(),
      readByLoad,
      (customer) =>
        !deps.serving.isErased(customer) &&
        (readByLoad.has(customer) || customers.status(customer) === 'unknown'),
    );
    if (due.length === 0) return;
    for (let first = 0; first < due.length; first += LOADS_AT_ONCE) {
      // Left out: every lesson missed so far, those of the loads before this one's included.
      const except = new Set(missedLessons().map((lesson) => lesson.messageId));
      const loaded = await Promise.all(
        due
          .slice(first, first + LOADS_AT_ONCE)
          .map(async (customer) => [customer, await deps.histories.load(customer, { except })] as const),
      );
      for (const [customer, { history, recent }] of loaded) {
        if (deps.serving.isErased(customer)) continue;
        if (customers.status(customer) !== 'unknown' && !readByLoad.has(customer)) continue;
        customers.set(customer, history, recent);
        readByLoad.set(customer, new Set(recent));
      }
    }
  }
}

/**
 * The customers of `lessons` that `mayLoad` accepts: never loaded here, or loaded by a load that
 * read one of their lessons (it is among the latest events that load read).
 */
function customersToLoad(
  lessons: readonly Lesson[],
  readByLoad: ReadonlyMap<string, ReadonlySet<string>>,
  mayLoad: (customer: string) => boolean,
): string[] {
  const due = new Set<string>();
  for (const { profileId, messageId } of lessons) {
    if (due.has(profileId)) continue;
    const loadRead = readByLoad.get(profileId);
    if (loadRead !== undefined && !loadRead.has(messageId)) continue;
    if (mayLoad(profileId)) due.add(profileId);
  }
  return [...due];
}
