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
});
