import type { Kysely } from 'kysely';
import type { RankedOrderValues } from '../../../domain/profiles/index.js';
import type { Database } from './database.js';

/**
 * The RFM quintile values, picked by rank from indexes (`ProfileStore.rankedOrderValues`): a query
 * per rank that walks one index up to it, so no profile document is read or parsed. Customers who
 * ordered but hold no lifetime value in `currency` count as 0, as the profile's score reads them.
 */
/**
 * Lets waiting requests go first: SQLite answers synchronously, so without this the dozen queries
 * below run as one stall of the event loop (0.4–0.9 s at a million profiles).
 */
const yieldToRequests = () => new Promise((resolve) => setImmediate(resolve));

export async function rankedOrderValues(
  db: Kysely<Database>,
  currency: string,
  ranksOf: (count: number) => readonly number[],
): Promise<RankedOrderValues> {
  const ordered = () =>
    db.selectFrom('profiles').where('order_count', '>', 0).where('last_order_at', 'is not', null);
  // Only profiles that have ordered hold rows here (see `profileValueRows`): no join is needed.
  const valued = () => db.selectFrom('profile_values').where('currency', '=', currency);
  const countOf = (row: { n: string | number | bigint }) => Number(row.n);
  const customers = countOf(
    await ordered()
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  );
  const ranks = ranksOf(customers);
  const orderCounts: number[] = [];
  const lastOrders: number[] = [];
  for (const rank of ranks) {
    await yieldToRequests();
    const byCount = await ordered()
      .select('order_count')
      .orderBy('order_count')
      .offset(rank)
      .limit(1)
      .executeTakeFirst();
    await yieldToRequests();
    const byLast = await ordered()
      .select('last_order_at')
      .orderBy('last_order_at', 'desc')
      .offset(rank)
      .limit(1)
      .executeTakeFirst();
    if (byCount === undefined || byLast?.last_order_at == null) break; // fewer customers than counted: a profile went meanwhile
    orderCounts.push(Number(byCount.order_count));
    lastOrders.push(Number(byLast.last_order_at));
  }
  // The values sorted lowest first are the negative ones, then a 0 per customer without a value, then the rest.
  await yieldToRequests();
  const withValue = countOf(
    await valued()
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  );
  await yieldToRequests();
  const negative = countOf(
    await valued()
      .where('amount', '<', 0)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  );
  const zeros = Math.max(0, customers - withValue);
  const lifetimeValues: number[] = [];
  for (const rank of ranks) {
    if (rank >= negative && rank < negative + zeros) {
      lifetimeValues.push(0);
      continue;
    }
    const offset = rank < negative ? rank : rank - zeros;
    await yieldToRequests();
    const row = await valued().select('amount').orderBy('amount').offset(offset).limit(1).executeTakeFirst();
    if (row === undefined) break;
    lifetimeValues.push(Number(row.amount));
  }
  const complete = Math.min(orderCounts.length, lifetimeValues.length);
  return {
    orderCounts: orderCounts.slice(0, complete),
    lastOrdersLatestFirst: lastOrders.slice(0, complete),
    lifetimeValues: lifetimeValues.slice(0, complete),
  };
}
