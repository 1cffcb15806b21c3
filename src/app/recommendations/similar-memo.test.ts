import { describe, expect, it } from 'vitest';
import {
  ContentSimilarity,
  OnlineModel,
  type Models,
  type ScoredProduct,
} from '../../domain/recommendations/index.js';
import { SimilarMemo } from './similar-memo.js';

const candidates = (productId: string): ScoredProduct[] => [
  { productId, score: 1, reason: () => `like ${productId}` },
];

/** A compute that counts its calls. */
function counted(productId: string) {
  const compute = () => {
    compute.calls += 1;
    return candidates(productId);
  };
  compute.calls = 0;
  return compute;
}

describe('SimilarMemo', () => {
  it("keeps a product's candidates while the models and their pair lists stay the same", () => {
    const memo = new SimilarMemo();
    const models: Models = { online: new OnlineModel() };
    const compute = counted('mug');
    const first = memo.candidates('mug', models, compute);
    expect(memo.candidates('mug', models, compute)).toBe(first);
    expect(compute.calls).toBe(1);
    const other = counted('plate');
    memo.candidates('plate', models, other);
    expect(other.calls).toBe(1);
  });

  it("computes afresh after anyone's view or order changes the pair lists", () => {
    const memo = new SimilarMemo();
    const online = new OnlineModel();
    const models: Models = { online };
    const compute = counted('mug');
    memo.candidates('mug', models, compute);
    online.browsing.view('someone', 'mug', 1_000);
    memo.candidates('mug', models, compute);
    expect(compute.calls).toBe(1);
    online.browsing.view('someone', 'plate', 2_000);
    memo.candidates('mug', models, compute);
    expect(compute.calls).toBe(2);
    online.browsing.convert('someone', 'cup', 3_000, 1);
    memo.candidates('mug', models, compute);
    expect(compute.calls).toBe(3);
  });

  it('computes afresh once content similarity describes a changed product, and not for an unchanged one', () => {
    const memo = new SimilarMemo();
    const mug = { id: 'mug', title: 'Mug', categories: ['home/kitchen'], attributes: {} };
    const content = ContentSimilarity.of([mug]);
    const models: Models = { online: new OnlineModel(), content };
    const compute = counted('mug');
    memo.candidates('mug', models, compute);
    content.update([mug]);
    memo.candidates('mug', models, compute);
    expect(compute.calls).toBe(1);
    content.update([{ id: 'cup', title: 'Mug cup', categories: ['home/kitchen'], attributes: {} }]);
    memo.candidates('mug', models, compute);
    expect(compute.calls).toBe(2);
  });

  it('computes afresh once new models serve (a rebuild)', () => {
    const memo = new SimilarMemo();
    const online = new OnlineModel();
    const compute = counted('mug');
    memo.candidates('mug', { online }, compute);
    memo.candidates('mug', { online }, compute);
    expect(compute.calls).toBe(2);
  });

  it('keeps at most 5,000 products, dropping the oldest first', () => {
    const memo = new SimilarMemo();
    const models: Models = { online: new OnlineModel() };
    for (let index = 0; index < 5_001; index += 1)
      memo.candidates(`p${index}`, models, () => candidates(`p${index}`));
    const oldest = counted('p0');
    memo.candidates('p0', models, oldest);
    expect(oldest.calls).toBe(1);
    const newest = counted('p5000');
    memo.candidates('p5000', models, newest);
    expect(newest.calls).toBe(0);
  });
});
