import { describe, expect, it } from 'vitest';
import { creditedByClick, isCreditedAt } from './credit.js';
import type { Experiment, VariantChanges } from './experiment.js';

const T = Date.parse('2026-06-01T12:00:00Z');
const iso = (at: number) => new Date(at).toISOString();

function experiment(id: string, changes: VariantChanges, fields: Partial<Experiment> = {}): Experiment {
  return {
    id,
    name: id,
    status: 'running',
    seed: id,
    trafficPercent: 100,
    metric: 'ctr',
    guardrails: [],
    variants: [
      { id: 'control', weight: 50, changes: {} },
      { id: 'test', weight: 50, changes },
    ],
    version: 1,
    updatedAt: iso(T - 10_000),
    ...fields,
  };
}

describe('isCreditedAt', () => {
  it('credits while running, up to endsAt and stoppedAt (exclusive)', () => {
    const running = experiment('a', {}, { endsAt: iso(T) });
    expect(isCreditedAt(running, T - 1)).toBe(true);
    expect(isCreditedAt(running, T)).toBe(false);
    const stopped = experiment('b', {}, { status: 'stopped', stoppedAt: iso(T) });
    expect(isCreditedAt(stopped, T - 1)).toBe(true);
    expect(isCreditedAt(stopped, T + 1)).toBe(false);
    expect(isCreditedAt(experiment('c', {}, { status: 'draft' }), T)).toBe(false);
  });

  it('dates a stop recorded before stoppedAt was kept at its last change', () => {
    const stopped = experiment('old', {}, { status: 'stopped', updatedAt: iso(T) });
    expect(isCreditedAt(stopped, T - 1)).toBe(true);
    expect(isCreditedAt(stopped, T)).toBe(false);
  });
});

describe('creditedByClick', () => {
  const all = new Map(
    [
      experiment('hero', { content: { 'home-hero': 'summer' } }),
      experiment('recs', { recommendations: { home: { strategy: 'popular' } } }),
      experiment('ranking', { listingWeights: { popularity: 2 } }),
      experiment('holdout', { personalization: false }),
    ].map((one) => [one.id, one]),
  );
  const applied = [...all.keys()].map((experimentId) => ({ experimentId, variant: 'control' }));
  const ids = (slot: string | undefined) => creditedByClick(applied, slot, all).map((one) => one.id);

  it('credits the experiments the decision applied, those changing the slot clicked when one is named', () => {
    expect(ids(undefined)).toEqual(['hero', 'recs', 'ranking', 'holdout']);
    expect(ids('home')).toEqual(['recs', 'holdout']);
    expect(ids('home-hero')).toEqual(['hero', 'holdout']);
    expect(ids('listing')).toEqual(['ranking', 'holdout']);
  });

  it('credits no experiment the decision did not apply, or that was deleted since', () => {
    expect(creditedByClick([{ experimentId: 'recs', variant: 'test' }], undefined, all)).toHaveLength(1);
    expect(creditedByClick([{ experimentId: 'gone', variant: 'test' }], undefined, all)).toEqual([]);
    expect(creditedByClick([], 'home', all)).toEqual([]);
  });
});
