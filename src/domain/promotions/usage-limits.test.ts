import { describe, expect, it } from 'vitest';
import table from './cases/usage-limits.json' with { type: 'json' };
import type { PromotionLimits } from './promotion.js';
import { hasUsageLimits } from './usage-limits.js';

const cases = table.cases as { name: string; limits: PromotionLimits; expect: boolean }[];

describe('which promotions count their use (cases/usage-limits.json)', () => {
  it.each(cases)('$name', (row) => {
    expect(hasUsageLimits(row.limits)).toBe(row.expect);
  });

  it('covers each limit on its own', () => {
    for (const limit of ['budget', 'redemptions', 'perCustomer', 'maxDiscountPerOrder']) {
      expect(cases.some((row) => Object.keys(row.limits).join() === limit)).toBe(true);
    }
  });
});
