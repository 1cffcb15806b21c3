import { describe, expect, it } from 'vitest';
import { loyaltyStatus, pointsFor, type LoyaltyProgram } from './loyalty.js';

const program: LoyaltyProgram = {
  currency: 'GBP',
  pointsPerUnit: 1,
  tiers: [
    { id: 'member', perks: {} },
    { id: 'silver', minPoints: 1000, perks: { percentOff: 2 } },
    { id: 'gold', minPoints: 5000, perks: { percentOff: 5 } },
  ],
};

describe('pointsFor', () => {
  it.each([
    [1999, 1, 19],
    [10000, 0.29, 29],
    [333, 2.5, 8],
    [99, 1, 0],
    [1_000_000_00, 1.1, 1_100_000],
  ])('%s pence at %s points per pound is %s points', (amount, pointsPerUnit, points) => {
    expect(pointsFor(amount, 'GBP', { ...program, pointsPerUnit })).toBe(points);
  });

  it('earns nothing in another currency', () => {
    expect(pointsFor(5000, 'EUR', program)).toBe(0);
  });
});

describe('loyaltyStatus', () => {
  it('reads the tier from points and says what the next tier needs', () => {
    expect(loyaltyStatus(1200, [], program, 0)).toEqual({
      points: 1200,
      tier: 'silver',
      next: { tier: 'gold', pointsNeeded: 3800 },
    });
    expect(loyaltyStatus(5000, [], program, 0)).toMatchObject({ tier: 'gold', next: null });
  });

  it('reads a spend tier over a rolling window and says when the window will change it', () => {
    const spendProgram: LoyaltyProgram = {
      currency: 'GBP',
      pointsPerUnit: 1,
      spendWindowMs: 30 * 86_400_000,
      tiers: [
        { id: 'member', perks: {} },
        { id: 'vip', minSpend: 50000, perks: { percentOff: 10 } },
      ],
    };
    const day = 86_400_000;
    const orders = [
      { t: 10 * day, amount: 30000, currency: 'GBP' },
      { t: 20 * day, amount: 25000, currency: 'GBP' },
      { t: 21 * day, amount: 99999, currency: 'EUR' },
    ];
    expect(loyaltyStatus(0, orders, spendProgram, 25 * day)).toEqual({
      points: 0,
      tier: 'vip',
      next: null,
      nextChange: 40 * day,
    });
    expect(loyaltyStatus(0, orders, spendProgram, 40 * day)).toMatchObject({
      tier: 'member',
      next: { tier: 'vip', spendNeeded: 25000 },
    });
  });
});
