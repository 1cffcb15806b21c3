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
 * one, and loads again a customer whose new lesson its load may have read (it was not left out),
 * until a pass finds none; adoption follows the last pass without a pause.
 */
export async function holdCustomersOfMissed(
  read: LogRead,
  deps: {
    readonly histories: Pick<StoredHistories, 'load'>;
    readonly serving: Pick<ServingModels, 'isErased'>;
  },
): Promise<void> {
  const { customers } = read.learner.model;
  /** For each customer loaded here, the lessons their load left out. */
  const leftOut = new Map<string, ReadonlySet<string>>();
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    // Lessons the read learnt already are in the log it read: their histories hold them.
    const lessons = read.missed.flatMap((change) =>
      change.kind === 'lesson' && !read.learner.knows(change.lesson) ? [change.lesson] : [],
    );
    const due = customersToLoad(lessons, leftOut, (customer) =>
      deps.serving.isErased(customer)
        ? false
        : customers.status(customer) === 'unknown' || leftOut.has(customer),
    );
    if (due.length === 0) return;
    const except = new Set(lessons.map((lesson) => lesson.messageId));
    for (let first = 0; first < due.length; first += LOADS_AT_ONCE) {
      const loaded = await Promise.all(
        due
          .slice(first, first + LOADS_AT_ONCE)
          .map(async (customer) => [customer, await deps.histories.load(customer, { except })] as const),
      );
      for (const [customer, { history, recent }] of loaded) {
        if (deps.serving.isErased(customer)) continue;
        if (customers.status(customer) !== 'unknown' && !leftOut.has(customer)) continue;
        customers.set(customer, history, recent);
        leftOut.set(customer, except);
      }
    }
  }
}

/**
 * The customers of `lessons` that `mayLoad` accepts, and that were never loaded here or have a
 * lesson their load did not leave out.
 */
function customersToLoad(
  lessons: readonly Lesson[],
  leftOut: ReadonlyMap<string, ReadonlySet<string>>,
  mayLoad: (customer: string) => boolean,
): string[] {
  const due = new Set<string>();
  for (const { profileId, messageId } of lessons) {
    if (due.has(profileId)) continue;
    const before = leftOut.get(profileId);
    if (before !== undefined && before.has(messageId)) continue;
    if (mayLoad(profileId)) due.add(profileId);
  }
  return [...due];
}
