import { beforeAll, describe, expect, it } from 'vitest';
import { draftExperiment, type ExperimentReferences } from '../../src/domain/experiments/index.js';
import type { Exposure, Store } from '../../src/ports/store.js';
import { useStoreFixture, type StoreFixture } from './store-contract.js';

const now = Date.parse('2026-06-01T00:00:00.000Z');
const anything: ExperimentReferences = {
  isStrategy: () => true,
  hasContent: () => true,
  hasPromotion: () => true,
  hasPriceList: () => true,
};

const draft = draftExperiment(
  'exp-1',
  {
    name: 'Popular on PDP',
    status: 'running',
    metric: 'conversion',
    variants: [
      { id: 'control', weight: 50, changes: {} },
      { id: 'popular', weight: 50, changes: { recommendations: { pdp: { strategy: 'popular' } } } },
    ],
  },
  anything,
  [],
);

const exposure = (unitKey: string, variant: string, preRevenue?: number): Exposure => ({
  experimentId: 'exp-1',
  unitKey,
  variant,
  exposedAt: now,
  preRevenue,
});

/** Experiments, their assignments and per-variant totals, on every store. */
export function describeExperimentStoreContract(
  name: string,
  createFixture: () => Promise<StoreFixture>,
): void {
  describe(`Experiment store contract: ${name}`, () => {
    const storeOf = useStoreFixture(createFixture);
    let store: Store;
    beforeAll(() => {
      store = storeOf();
    });

    it('keeps experiments with versions, honours If-Match and deletes them', async () => {
      const first = await store.putExperiment(draft, { now });
      expect(first).toEqual({ ...draft, version: 1, updatedAt: new Date(now).toISOString() });
      expect(await store.getExperiment('exp-1')).toEqual(first);
      await expect(store.putExperiment(draft, { now, ifVersion: 7 })).rejects.toMatchObject({
        code: 'version_conflict',
      });
      expect((await store.putExperiment(draft, { now, ifVersion: 1 })).version).toBe(2);
      expect((await store.listExperiments()).map((experiment) => experiment.id)).toEqual(['exp-1']);
    });

    it('records each unit once, keeps its first variant and counts it once in the totals', async () => {
      expect(await store.recordExposures([exposure('k1', 'control', 1200), exposure('k2', 'popular')])).toBe(
        2,
      );
      expect(await store.recordExposures([exposure('k1', 'popular'), exposure('k3', 'control', 300)])).toBe(
        1,
      );
      expect(
        (await store.findAssignments(['k1', 'k2', 'nobody'])).sort((a, b) =>
          a.unitKey.localeCompare(b.unitKey),
        ),
      ).toEqual([
        { experimentId: 'exp-1', unitKey: 'k1', variant: 'control', exposedAt: now },
        { experimentId: 'exp-1', unitKey: 'k2', variant: 'popular', exposedAt: now },
      ]);
      const totals = await store.variantTotals('exp-1');
      expect(totals.get('control')).toMatchObject({
        units: 2,
        unitsWithHistory: 2,
        preRevenue: 1500,
        preRevenueSquares: 1200 * 1200 + 300 * 300,
      });
      expect(totals.get('popular')).toMatchObject({ units: 1, unitsWithHistory: 0, preRevenue: 0 });
    });

    it('drops exposures of erased ids, and an erasure takes a unit out of the totals', async () => {
      await store.eraseProfile({
        profileId: 'nobody',
        userId: 'u-erased',
        anonymousIds: [],
        idHashes: ['k1', 'late'],
        standIn: 'erased:x',
        now,
      });
      expect(await store.findAssignments(['k1'])).toEqual([]);
      expect((await store.variantTotals('exp-1')).get('control')).toMatchObject({
        units: 1,
        unitsWithHistory: 1,
        preRevenue: 300,
      });
      expect(await store.recordExposures([{ ...exposure('late', 'control'), exposedAt: now - 1 }])).toBe(0);
      expect(await store.recordExposures([{ ...exposure('late', 'control'), exposedAt: now + 1 }])).toBe(1);
    });

    it('attributes an outcome to the units exposed before it, moving their variant totals', async () => {
      await store.attributeOutcome(['k3', 'k2'], now - 1, { orders: 1, revenue: 999 }, ['exp-1']);
      expect((await store.variantTotals('exp-1')).get('control')).toMatchObject({ orders: 0 });
      // Only the experiments named count it (the others were stopped, or not shown).
      await store.attributeOutcome(['k3'], now, { orders: 1, revenue: 500 }, ['another']);
      await store.attributeOutcome(['k3'], now, { orders: 1, revenue: 500 }, []);
      expect((await store.variantTotals('exp-1')).get('control')).toMatchObject({ orders: 0 });
      await store.attributeOutcome(['k3'], now, { orders: 1, revenue: 2000, clicks: 2 }, [
        'exp-1',
        'another',
      ]);
      // k3 and the unit recorded after the erasure above.
      expect((await store.variantTotals('exp-1')).get('control')).toMatchObject({
        units: 2,
        convertedUnits: 1,
        orders: 1,
        revenue: 2000,
        revenueSquares: 2000 * 2000,
        clicks: 2,
        preRevenueTimesRevenue: 300 * 2000,
      });
    });

    it('counts impressions for many units at once into each one and its variant’s totals', async () => {
      const before = await store.variantTotals('exp-1');
      const keys = Array.from({ length: 30 }, (_, index) => `imp-${index}`);
      await store.recordExposures(
        keys.map((key, index) => exposure(key, index % 3 === 0 ? 'control' : 'popular')),
      );
      // Two entries name some units twice: each unit's impressions add up across entries.
      await store.addImpressions([
        { experimentId: 'exp-1', unitKeys: keys.slice(0, 20), impressions: 2 },
        { experimentId: 'exp-1', unitKeys: [...keys.slice(10), 'never-exposed'], impressions: 1 },
      ]);
      const after = await store.variantTotals('exp-1');
      // imp-0 … imp-29: control every third (10 units), popular the rest (20); units 10-19 have 3, the others 2 or 1.
      const impressionsOf = (index: number) => (index < 10 ? 2 : index < 20 ? 3 : 1);
      for (const [variant, inVariant] of [
        ['control', (index: number) => index % 3 === 0],
        ['popular', (index: number) => index % 3 !== 0],
      ] as const) {
        const indexes = keys.map((_, index) => index).filter(inVariant);
        expect(after.get(variant)?.units).toBe((before.get(variant)?.units ?? 0) + indexes.length);
        expect(after.get(variant)?.impressions).toBe(
          (before.get(variant)?.impressions ?? 0) +
            indexes.reduce((sum, index) => sum + impressionsOf(index), 0),
        );
        // Squares of each unit's whole count: a unit named by both entries counts 3² = 9, not 2² + 1².
        expect(after.get(variant)?.impressionsSquares).toBe(
          (before.get(variant)?.impressionsSquares ?? 0) +
            indexes.reduce((sum, index) => sum + impressionsOf(index) ** 2, 0),
        );
      }
    });

    it('deletes an experiment with its units and totals', async () => {
      expect(await store.deleteExperiment('exp-1', undefined)).toBe(true);
      expect(await store.getExperiment('exp-1')).toBeUndefined();
      expect(await store.findAssignments(['k2', 'k3'])).toEqual([]);
      expect((await store.variantTotals('exp-1')).size).toBe(0);
      expect(await store.deleteExperiment('exp-1', undefined)).toBe(false);
    });
  });
}
