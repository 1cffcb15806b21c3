import type { LogRead, ServingModels } from './serving-models.js';
import type { StoredHistories } from './stored-histories.js';

/**
 * Loads into a rebuilt model, before it is adopted, the histories it let go of (it read the log
 * with a part of the customer budget) for the customers whose lessons arrived while it was built,
 * leaving those lessons out: adoption then learns them as for a held customer. Learnt for a
 * customer not held, a purchase could not be told a first one or not, and the co-purchase counts
 * would no longer be exact until the next rebuild. A lesson committed while the histories load is
 * told apart by the ids loaded with them (`CustomerHistories.hasFolded`).
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
  const lessons = read.missed.flatMap((change) =>
    change.kind === 'lesson' && !read.learner.knows(change.lesson) ? [change.lesson] : [],
  );
  const unheld = [...new Set(lessons.map((lesson) => lesson.profileId))].filter(
    (customer) => customers.status(customer) === 'unknown' && !deps.serving.isErased(customer),
  );
  if (unheld.length === 0) return;
  const except = new Set(lessons.map((lesson) => lesson.messageId));
  const loaded = await Promise.all(
    unheld.map(async (customer) => [customer, await deps.histories.load(customer, { except })] as const),
  );
  for (const [customer, { history, recent }] of loaded)
    if (customers.status(customer) === 'unknown' && !deps.serving.isErased(customer))
      customers.set(customer, history, recent);
}
