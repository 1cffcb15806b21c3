import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import bucketing from './cases/bucketing.json' with { type: 'json' };
import invalidCases from './cases/invalid.json' with { type: 'json' };
import {
  assignVariant,
  bucketOf,
  changesSplit,
  draftExperiment,
  fnv1a32,
  type ExperimentDraft,
  type ExperimentInput,
  type ExperimentReferences,
} from './index.js';

const NOW = Date.parse('2026-06-15T12:00:00Z');

const references: ExperimentReferences = {
  isStrategy: (strategy) => ['popular', 'similar', 'for-you'].includes(strategy),
  hasContent: (slot, variantId) =>
    slot === 'home-hero' && (variantId === undefined || variantId === 'summer'),
  hasPromotion: (id) => id === 'welcome',
  hasPriceList: (id) => id === 'vip-sale',
};

const BASE: ExperimentInput = {
  name: 'Similar vs popular',
  status: 'running',
  metric: 'conversion',
  variants: [
    { id: 'control', weight: 50, changes: {} },
    { id: 'popular', weight: 50, changes: { recommendations: { pdp: { strategy: 'popular' } } } },
  ],
};

/** Another experiment of layer `home` holding 40–60 %. */
const NEIGHBOUR: ExperimentDraft = {
  ...draftExperiment('other', { ...BASE, layer: 'home', layerSlice: { from: 40, to: 60 } }, references, []),
};

const unit = (id: string, extra: Partial<Parameters<typeof assignVariant>[1]> = {}) => ({
  id,
  segments: new Set<string>(),
  ...extra,
});

describe('bucketing', () => {
  it.each(bucketing.fnv1a32)('FNV-1a of "$text" is $hex', ({ text, hex }) => {
    expect(fnv1a32(text).toString(16)).toBe(hex);
  });

  it.each(bucketing.buckets)('puts $unit at $point for seed $seed', ({ seed, unit: id, point }) => {
    expect(bucketOf(seed, id)).toBe(point);
  });

  it('spreads units evenly and stays in [0, 1)', () => {
    const counts = [0, 0, 0, 0];
    for (let index = 0; index < 20_000; index += 1) {
      const point = bucketOf('spread', `unit-${index}`);
      expect(point).toBeGreaterThanOrEqual(0);
      expect(point).toBeLessThan(1);
      counts[Math.floor(point * 4)] = (counts[Math.floor(point * 4)] ?? 0) + 1;
    }
    for (const count of counts) expect(Math.abs(count - 5_000)).toBeLessThan(300);
  });
});

describe('experiment definitions', () => {
  it('keeps a sound experiment, with its defaults', () => {
    expect(draftExperiment('exp', BASE, references, [])).toMatchObject({
      id: 'exp',
      seed: 'exp',
      trafficPercent: 100,
      guardrails: [],
    });
  });

  it.each(invalidCases.cases)('refuses $name, naming $pointer', ({ patch, pointer }) => {
    const input = { ...BASE, ...patch } as ExperimentInput;
    expect(() => draftExperiment('exp', input, references, [NEIGHBOUR])).toThrowError(
      expect.objectContaining({ code: 'invalid_experiment', details: { pointer } }) as Error,
    );
  });

  it('gives a layer experiment the first free slice, and ignores stopped neighbours', () => {
    const first = draftExperiment('exp', { ...BASE, layer: 'home', trafficPercent: 30 }, references, [
      NEIGHBOUR,
    ]);
    expect(first.layerSlice).toEqual({ from: 0, to: 30 });
    const wide = draftExperiment('exp', { ...BASE, layer: 'home', trafficPercent: 40 }, references, [
      NEIGHBOUR,
      { ...first, id: 'third' },
    ]);
    expect(wide.layerSlice).toEqual({ from: 60, to: 100 });
    const stopped = { ...NEIGHBOUR, status: 'stopped' as const };
    expect(
      draftExperiment('exp', { ...BASE, layer: 'home', trafficPercent: 100 }, references, [stopped])
        .layerSlice,
    ).toEqual({ from: 0, to: 100 });
  });

  it('tells a change of split from a change of name or schedule', () => {
    const before = draftExperiment('exp', BASE, references, []);
    expect(changesSplit(before, draftExperiment('exp', { ...BASE, name: 'Renamed' }, references, []))).toBe(
      false,
    );
    const reweighted = {
      ...BASE,
      variants: [
        { id: 'control', weight: 40, changes: {} },
        { id: 'popular', weight: 60, changes: {} },
      ],
    };
    expect(changesSplit(before, draftExperiment('exp', reweighted, references, []))).toBe(true);
  });
});

describe('assignment', () => {
  const experiment = draftExperiment('exp-1', BASE, references, []);

  it('gives every unit the same variant every time, split by the weights', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (id) => {
        expect(assignVariant(experiment, unit(id), NOW)).toEqual(assignVariant(experiment, unit(id), NOW));
      }),
    );
    let control = 0;
    for (let index = 0; index < 10_000; index += 1) {
      const assigned = assignVariant(experiment, unit(`u${index}`), NOW);
      if (assigned.enrolled && assigned.variant.id === 'control') control += 1;
    }
    expect(Math.abs(control - 5_000)).toBeLessThan(250);
  });

  it('enrols no one outside the run, the schedule, the audience or the traffic', () => {
    expect(assignVariant({ ...experiment, status: 'draft' }, unit('u1'), NOW)).toEqual({
      enrolled: false,
      reason: 'not_running',
    });
    expect(assignVariant({ ...experiment, startsAt: '2026-07-01T00:00:00Z' }, unit('u1'), NOW)).toMatchObject(
      {
        reason: 'not_scheduled',
      },
    );
    const targeted = { ...experiment, audience: { countries: ['gb'], segments: ['vip'] } };
    expect(assignVariant(targeted, unit('u1', { country: 'gb' }), NOW)).toMatchObject({ reason: 'audience' });
    expect(
      assignVariant(targeted, unit('u1', { country: 'gb', segments: new Set(['vip']) }), NOW).enrolled,
    ).toBe(true);
    expect(assignVariant({ ...experiment, trafficPercent: 0 }, unit('u1'), NOW)).toMatchObject({
      reason: 'traffic',
    });
  });

  it('moves no unit when the traffic grows', () => {
    const small = { ...experiment, trafficPercent: 20 };
    for (let index = 0; index < 2_000; index += 1) {
      const before = assignVariant(small, unit(`u${index}`), NOW);
      if (before.enrolled) {
        expect(assignVariant(experiment, unit(`u${index}`), NOW)).toEqual(before);
      }
    }
  });

  it('never puts one unit in two experiments of a layer', () => {
    const a = draftExperiment('a', { ...BASE, layer: 'home', trafficPercent: 50 }, references, []);
    const b = draftExperiment('b', { ...BASE, layer: 'home', trafficPercent: 50 }, references, [a]);
    let both = 0;
    let either = 0;
    for (let index = 0; index < 5_000; index += 1) {
      const inA = assignVariant(a, unit(`u${index}`), NOW).enrolled;
      const inB = assignVariant(b, unit(`u${index}`), NOW).enrolled;
      if (inA && inB) both += 1;
      if (inA || inB) either += 1;
    }
    expect(both).toBe(0);
    expect(either).toBe(5_000);
  });
});
