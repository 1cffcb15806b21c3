import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENT_WEIGHTS, historyFrom } from '../../domain/recommendations/index.js';
import { CustomerLoading } from './customer-loading.js';
import type { Lesson } from './interactions.js';
import { Learner } from './learner.js';
import { ServingModels } from './serving-models.js';
import type { HistoryCut, StoredHistories } from './stored-histories.js';

const view = (messageId: string, customer: string): Lesson => ({
  messageId,
  profileId: customer,
  interactions: [{ customer, productId: 'p1', kind: 'view', quantity: 1, at: 1_000 }],
});

const purchase = (messageId: string, customer: string, productId: string): Lesson => ({
  messageId,
  profileId: customer,
  orderId: `order-${messageId}`,
  interactions: [
    { customer, productId, kind: 'purchase', quantity: 1, at: 1_000, basket: `order-${messageId}` },
  ],
});

const emptyHistories = {
  load: () => Promise.resolve({ history: historyFrom([]), recent: [] }),
} as unknown as StoredHistories;

/**
 * A node that learnt u1's order of p1 and then let u1 go, over a log that also holds u1's order of
 * p2 (committed on another node, its lesson still on the bus). Each load is recorded as the
 * customer and the events it read, when it reads them; it hands them back once `gate` opens.
 */
function u1LeftAfterOrdering(gate: Promise<void> = Promise.resolve()) {
  const learner = new Learner(DEFAULT_EVENT_WEIGHTS, 1_000_000);
  learner.model.customers.complete = false;
  const log = [purchase('m1', 'u1', 'p1'), purchase('m2', 'u1', 'p2')] as const;
  const loads: string[][] = [];
  const histories = {
    load: async (customer: string, cut: HistoryCut = {}) => {
      const read = log.filter(
        (lesson) => lesson.profileId === customer && cut.except?.has(lesson.messageId) !== true,
      );
      loads.push([customer, ...read.map((lesson) => lesson.messageId)]);
      await gate;
      return {
        history: historyFrom(read.flatMap((lesson) => lesson.interactions)),
        recent: read.map((lesson) => lesson.messageId),
      };
    },
  } as unknown as StoredHistories;
  const loading = new CustomerLoading({
    serving: new ServingModels(learner),
    histories,
    onError: (error) => expect(error).toBeUndefined(),
  });
  learner.learn(log[0]);
  learner.model.customers.delete('u1');
  return { learner, loading, loads, log };
}

describe('CustomerLoading', () => {
  it('loads a history without the lessons waiting behind a snapshot’s hold, which are learnt after', async () => {
    const learner = new Learner(DEFAULT_EVENT_WEIGHTS);
    // Restored from a snapshot: any customer may have a history in the log.
    learner.model.customers.complete = false;
    const serving = new ServingModels(learner);
    const cuts: boolean[][] = [];
    const histories = {
      load: async (_customer: string, cut: HistoryCut = {}) => {
        cuts.push(['m1', 'm2', 'm3'].map((id) => cut.except?.has(id) === true));
        return { history: historyFrom([]), recent: [] };
      },
    } as unknown as StoredHistories;
    const loading = new CustomerLoading({
      serving,
      histories,
      onError: (error) => expect(error).toBeUndefined(),
    });
    const release = serving.hold();
    serving.learn({ lessons: [view('m1', 'u1'), view('m2', 'u2')], merges: [] });
    await loading.ready('u1');
    expect(cuts).toEqual([[true, true, false]]);
    await release();
    expect(learner.model.customers.get('u1')?.viewed).toEqual(['p1']);
  });

  it('learns a waiting lesson of a customer let go meanwhile into the shared counts only', async () => {
    const learner = new Learner(DEFAULT_EVENT_WEIGHTS);
    learner.model.customers.complete = false;
    learner.model.customers.set('u1', historyFrom([]));
    const serving = new ServingModels(learner);
    const release = serving.hold();
    serving.learn({ lessons: [view('m1', 'u1')], merges: [] });
    expect(serving.isWaiting('m1')).toBe(true);
    // Let go while the lesson waits: begun afresh with that lesson alone, the history would lose the rest.
    learner.model.customers.delete('u1');
    await release();
    expect(serving.isWaiting('m1')).toBe(false);
    expect(learner.model.customers.status('u1')).toBe('unknown');
    expect(serving.learnt).toBe(1);
  });

  it('lets no customer go while their lessons wait behind a hold, so the co-purchase counts stay exact', async () => {
    // A budget every history is past: each is let go at the first trim.
    const learner = new Learner(DEFAULT_EVENT_WEIGHTS, 1);
    learner.model.customers.complete = false;
    const serving = new ServingModels(learner, { catchUpSliceMs: 0 });
    const loading = new CustomerLoading({
      serving,
      histories: emptyHistories,
      onError: (error) => expect(error).toBeUndefined(),
    });
    const release = serving.hold();
    for (const customer of ['u1', 'u2', 'u3']) {
      loading.learn({ lessons: [purchase(`${customer}-a`, customer, 'p1')], merges: [] });
      loading.learn({ lessons: [purchase(`${customer}-b`, customer, 'p2')], merges: [] });
    }
    await loading.ready('u4');
    expect(learner.model.customers.size).toBe(4);
    await release();
    // Each customer bought p2 after p1, as a customer held: one pair, bought together three times.
    expect(learner.model.coPurchases.exact).toBe(true);
    expect(learner.model.coPurchases.pairs).toBe(1);
    expect(learner.model.customers.get('u1')?.purchases.size).toBe(2);
    // The hold over, the budget holds again from the next trim.
    loading.learn({ lessons: [view('m9', 'u1')], merges: [] });
    expect(learner.model.customers.size).toBe(0);
  });

  it('loads again, without it, a history that already held a purchase whose lesson comes after', async () => {
    const { learner, loading, loads, log } = u1LeftAfterOrdering();
    // u1 is met again after m2 was stored.
    await loading.ready('u1');
    expect(loads).toEqual([['u1', 'm1', 'm2']]);
    loading.learn({ lessons: [log[1]], merges: [] });
    await loading.ready('u9');
    // Loaded again without m2, which was then learnt as for a customer held: p2 after p1, one pair.
    expect(loads).toEqual([['u1', 'm1', 'm2'], ['u1', 'm1'], ['u9']]);
    expect(learner.model.coPurchases.exact).toBe(true);
    expect(learner.model.coPurchases.pairs).toBe(1);
    expect(learner.model.customers.get('u1')?.purchases.get('p2')?.orders).toBe(1);
  });

  it('loads again a history whose load, under way when a purchase came, read that purchase', async () => {
    let openGate = () => {};
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const { learner, loading, loads, log } = u1LeftAfterOrdering(gate);
    // A request loads u1 and reads m2; m2's lesson comes meanwhile.
    const request = loading.ready('u1');
    while (loads.length === 0) await Promise.resolve();
    loading.learn({ lessons: [log[1]], merges: [] });
    openGate();
    await request;
    await loading.ready('u9');
    expect(loads.slice(0, 2)).toEqual([
      ['u1', 'm1', 'm2'],
      ['u1', 'm1'],
    ]);
    expect(learner.model.coPurchases.exact).toBe(true);
    expect(learner.model.customers.get('u1')?.purchases.get('p2')?.orders).toBe(1);
  });
});
