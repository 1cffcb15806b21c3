import { describe, expect, it } from 'vitest';
import { createProfile } from '../../domain/profiles/index.js';
import {
  OnlineModel,
  type Models,
  type RecommendationRequest,
  type ScoredProduct,
} from '../../domain/recommendations/index.js';
import { FOR_YOU_MEMO_MS, ForYouMemo } from './for-you-memo.js';

const models: Models = { online: new OnlineModel() };
const at = (now: number) => ({ now }) as RecommendationRequest;
const profileOf = (id: string) => createProfile(id, '2026-03-01T00:00:00.000Z');
const computed = (): ScoredProduct[] => [{ productId: 'mug', score: 1, reason: () => 'because' }];

describe('ForYouMemo', () => {
  it("keeps a customer's candidates for the same profile and models, for a while", () => {
    const memo = new ForYouMemo();
    const ann = profileOf('ann');
    const first = memo.candidates(at(0), ann, models, computed);
    expect(memo.candidates(at(FOR_YOU_MEMO_MS - 1), ann, models, computed)).toBe(first);
    expect(memo.candidates(at(FOR_YOU_MEMO_MS), ann, models, computed)).not.toBe(first);
    expect(memo.candidates(at(FOR_YOU_MEMO_MS + 1), profileOf('ann'), models, computed)).not.toBe(first);
  });

  it('lets go of the candidates no request can use any more, not only past the count bound', () => {
    const memo = new ForYouMemo();
    for (let customer = 0; customer < 100; customer += 1)
      memo.candidates(at(customer), profileOf(`c${customer}`), models, computed);
    expect(memo.size).toBe(100);
    memo.candidates(at(FOR_YOU_MEMO_MS + 50), profileOf('late'), models, computed);
    // Those set at 0..50 are past their time; those set at 51..99 may still serve.
    expect(memo.size).toBe(50);
  });
});
