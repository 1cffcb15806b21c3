import { describe, expect, it } from 'vitest';
import { CoPurchaseCounts, EaseTrainingRows, trainEase } from '../../domain/recommendations/index.js';
import { createWorkerModelTrainer } from './worker-model-trainer.js';

const BASKETS = [
  ['a', 'b', 'c'],
  ['a', 'b'],
  ['b', 'c', 'd'],
  ['a', 'd'],
  ['c', 'd', 'e'],
  ['a', 'e'],
];

describe('the worker-thread model trainer', () => {
  it('trains from co-purchase counts the EASE trained in the thread, the counts moved to it, not copied', async () => {
    const counts = new CoPurchaseCounts();
    for (const basket of BASKETS) counts.addCustomer(basket, 1);
    const expected = trainEase(counts.trainingSet(5)!, 5);
    const set = counts.trainingSet(5)!;
    const trained = await createWorkerModelTrainer().trainEase(set, 5);
    expect(trained).toEqual(expected);
    // Handed over: the buffers now belong to the worker's thread, and read as empty here.
    expect('counts' in set && set.counts.pairs.map((chunk) => chunk.byteLength)).toEqual([0]);
  });

  it('trains from customers’ rows the EASE trained in the thread', async () => {
    const set = () => {
      const rows = new EaseTrainingRows();
      for (const basket of BASKETS) rows.add(basket, basket.length);
      return rows.build(5);
    };
    expect(await createWorkerModelTrainer().trainEase(set(), 5)).toEqual(trainEase(set(), 5));
  });
});
