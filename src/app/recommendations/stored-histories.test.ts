import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../adapters/store/sqlite/sqlite-store.js';
import { readEvent, type TrackedEvent } from '../../domain/profiles/index.js';
import { historyFrom, type Interaction } from '../../domain/recommendations/index.js';
import type { Store } from '../../ports/store.js';
import { lessonOf } from './interactions.js';
import { StoredHistories, type HistoryCut } from './stored-histories.js';

let store: Store;
beforeAll(async () => {
  store = createSqliteStore(':memory:');
  await store.migrate();
});
afterAll(() => store.close());

/** Products 0–79: enough for more than the 50 distinct views and adds a history keeps; 70+ unknown. */
const product = fc.integer({ min: 0, max: 79 }).map((index) => `p${index}`);
const isKnown = (productId: string) => Number(productId.slice(1)) < 70;

const action = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('view' as const), product }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('add' as const), product }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('order' as const),
      products: fc.array(product, { minLength: 1, maxLength: 3 }),
      // A few order ids, so that some orders come twice (counted once).
      orderId: fc.integer({ min: 0, max: 40 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('identify' as const) }) },
);

type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

let customers = 0;

/** The actions as events stored for a new profile, in order. */
async function stored(actions: readonly Action[]): Promise<string> {
  const profileId = `hist-${(customers += 1)}`;
  const start = Date.parse('2026-03-01T00:00:00.000Z');
  const events = actions.map((step, index): TrackedEvent => {
    const base = {
      userId: profileId,
      messageId: `${profileId}-${index}`,
      timestamp: new Date(start + index * 1_000).toISOString(),
    };
    const raw =
      step.kind === 'identify'
        ? { ...base, type: 'identify', traits: { plan: 'gold' } }
        : step.kind === 'order'
          ? {
              ...base,
              type: 'track',
              event: 'Order Completed',
              properties: {
                order_id: `${profileId}-o${step.orderId}`,
                currency: 'GBP',
                products: step.products.map((id) => ({ product_id: id, price: 1.5, quantity: 1 })),
              },
            }
          : {
              ...base,
              type: 'track',
              event: step.kind === 'view' ? 'Product Viewed' : 'Product Added',
              properties: { product_id: step.product, price: 1.5, currency: 'GBP' },
            };
    const read = readEvent(raw, {
      receivedAt: start + index * 1_000 + 500,
      storeCurrency: 'GBP',
      fromServer: true,
      fallbackMessageId: base.messageId,
    });
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    return read.event;
  });
  await store.profileTransaction((tx) => tx.insertEvents(events.map((event) => ({ profileId, event }))));
  return profileId;
}

/** The history folded from every one of the customer's events, as loads did before they were bounded. */
async function fromEveryEvent(customer: string, cut: HistoryCut) {
  const lessons = new Set<string>();
  const orders = new Set<string>();
  const interactions: Interaction[] = [];
  const recent: string[] = [];
  for (const { seq, event } of await store.eventsOf(customer)) {
    if (seq >= (cut.before ?? Infinity) || cut.except?.has(event.messageId) === true) continue;
    const lesson = lessonOf(customer, event, {}, isKnown);
    if (lesson === undefined || lessons.has(lesson.messageId)) continue;
    lessons.add(lesson.messageId);
    if (lesson.orderId !== undefined) {
      if (orders.has(lesson.orderId)) continue;
      orders.add(lesson.orderId);
    }
    interactions.push(...lesson.interactions);
    recent.push(lesson.messageId);
  }
  return { history: historyFrom(interactions), recent: recent.slice(-8) };
}

describe('a customer history loaded back from the log', () => {
  it('is the history every event gives, though it reads back only the latest views and adds, and orders alone give its purchases', async () => {
    const histories = [7, 200].map((pageSize) => new StoredHistories({ store, isKnown, pageSize }));
    await fc.assert(
      fc.asyncProperty(
        fc.array(action, { maxLength: 700, size: 'max' }),
        fc.double({ min: 0, max: 1.2, noNaN: true }),
        fc.array(fc.nat(), { maxLength: 5 }),
        async (actions, cutAt, left) => {
          const customer = await stored(actions);
          const seqs = (await store.eventsOf(customer)).map((event) => event.seq);
          const position = seqs[Math.floor(cutAt * seqs.length)];
          const cut: HistoryCut = {
            ...(position !== undefined && cutAt <= 1 && { before: position }),
            except: new Set(left.map((index) => `${customer}-${index % Math.max(1, actions.length)}`)),
          };
          const expected = await fromEveryEvent(customer, cut);
          const { purchases } = (await fromEveryEvent(customer, {})).history;
          for (const loaded of histories) {
            expect(await loaded.load(customer, cut)).toEqual(expected);
            // From the orders alone, as EASE's training reads them: the same purchases.
            expect(await loaded.purchases(customer)).toEqual(purchases);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
