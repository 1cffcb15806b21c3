import { describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/clock/manual-clock.js';
import { CustomerStatistics } from '../app/profiles/customer-statistics.js';
import { createProfile } from '../domain/profiles/index.js';
import { rulesInForce } from './rules-in-force.js';

const NOW = Date.parse('2026-03-01T00:00:00.000Z');
const clock = new ManualClock(NOW);

function build() {
  const statistics = new CustomerStatistics({
    store: {
      rankedOrderValues: async () => ({ orderCounts: [], lastOrdersLatestFirst: [], lifetimeValues: [] }),
      getSetting: async () => undefined,
      setSetting: async () => {},
    },
    clock,
    currency: 'GBP',
    consentDefault: 'granted',
  });
  return rulesInForce({ clock, statistics });
}

const change = { eventNames: new Set(['Order Completed']), traits: true, everything: true };

describe('rulesInForce', () => {
  it('evaluates a profile as soon as it is built, before any rule is loaded', () => {
    const inForce = build();
    const profile = createProfile('p1', '2026-01-01T00:00:00.000Z', { userId: 'u1' });
    const evaluation = inForce.profileRules.evaluate?.(profile, change, NOW);
    expect(evaluation?.memberships).toEqual([]);
    expect(evaluation?.announcements).toEqual([]);
    expect(inForce.profileRules.loyaltyProgram()).toBeUndefined();
    expect(inForce.standing(profile, NOW)).toEqual({ segments: [] });
  });

  it('applies the segments and program put in force afterwards, reading computed fields', () => {
    const inForce = build();
    inForce.segments.put({
      id: 'everyone',
      name: 'Everyone',
      rule: { trait: 'computed.orderCount', op: 'gte', value: 0 },
      version: 1,
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    inForce.loyalty.use({ currency: 'GBP', pointsPerUnit: 1, tiers: [{ id: 'member', perks: {} }] });
    const profile = createProfile('p1', '2026-01-01T00:00:00.000Z', { userId: 'u1' });
    const evaluation = inForce.profileRules.evaluate?.(profile, change, NOW);
    expect(evaluation?.memberships).toEqual([
      { segmentId: 'everyone', profileId: 'p1', member: true, at: NOW },
    ]);
    expect(evaluation?.profile.loyalty.tier).toBe('member');
    expect(inForce.standing({ ...profile, segments: ['everyone', 'deleted'] }, NOW).segments).toEqual([
      'everyone',
    ]);
  });
});
