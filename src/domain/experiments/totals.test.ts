import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addUnit, changeUnit, EMPTY_TOTALS, mergeTotals, NEW_UNIT, type UnitOutcome } from './totals.js';

const outcome = fc.record({
  orders: fc.nat(20),
  revenue: fc.nat(1_000_000),
  impressions: fc.nat(200),
  clicks: fc.nat(50),
  preRevenue: fc.option(fc.nat(1_000_000), { nil: undefined }),
});

describe('variant totals', () => {
  it('kept incrementally equal the totals recomputed from the final outcomes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(outcome, { minLength: 1, maxLength: 5 }), { maxLength: 30 }),
        (histories) => {
          let incremental = EMPTY_TOTALS;
          for (const history of histories) {
            let previous: UnitOutcome = { ...NEW_UNIT, preRevenue: history[0]!.preRevenue };
            incremental = addUnit(incremental, previous);
            for (const next of history) {
              const current = { ...next, preRevenue: previous.preRevenue };
              incremental = changeUnit(incremental, previous, current);
              previous = current;
            }
          }
          const recomputed = histories
            .map((history) => ({ ...history.at(-1)!, preRevenue: history[0]!.preRevenue }))
            .reduce(addUnit, EMPTY_TOTALS);
          expect(incremental).toEqual(recomputed);
        },
      ),
    );
  });

  it('counts a converted unit once however many orders it places', () => {
    const totals = addUnit(EMPTY_TOTALS, { ...NEW_UNIT, orders: 3, revenue: 4500 });
    expect(totals).toMatchObject({ units: 1, convertedUnits: 1, orders: 3, ordersSquares: 9, revenue: 4500 });
  });

  it('merges shards by summing', () => {
    const a = addUnit(EMPTY_TOTALS, { ...NEW_UNIT, clicks: 2, impressions: 5, preRevenue: 100 });
    const b = addUnit(EMPTY_TOTALS, { ...NEW_UNIT, orders: 1, revenue: 300 });
    expect(mergeTotals(a, b)).toEqual(
      addUnit(addUnit(EMPTY_TOTALS, { ...NEW_UNIT, clicks: 2, impressions: 5, preRevenue: 100 }), {
        ...NEW_UNIT,
        orders: 1,
        revenue: 300,
      }),
    );
    expect(mergeTotals(a, b).unitsWithHistory).toBe(1);
  });
});
