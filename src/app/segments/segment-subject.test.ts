import { describe, expect, it } from 'vitest';
import { createProfile, type Profile, type ProfileView } from '../../domain/profiles/index.js';
import { segmentSubject } from './segment-subject.js';

const now = Date.parse('2026-06-15T12:00:00.000Z');
const profile: Profile = {
  ...createProfile('p1', '2026-06-01T00:00:00.000Z', { userId: 'u1' }),
  traits: { country: 'GB', company: { id: 'acme' } },
  loyalty: { points: 5123, tier: 'gold' },
  activity: { 'Order Completed': [{ t: now - 1000 }] },
};

describe('segmentSubject', () => {
  it('reads traits, loyalty and computed paths, working out computed fields once and only when read', () => {
    let computedCalls = 0;
    const computed = () => {
      computedCalls += 1;
      return { orderCount: 3 } as unknown as ProfileView['computed'];
    };
    const subject = segmentSubject(profile, { computed, isMember: (id) => id === 'vip', now });
    expect(subject.read('traits.company.id')).toBe('acme');
    expect(subject.read('loyalty.tier')).toBe('gold');
    expect(subject.read('loyalty.points')).toBe(5123);
    expect(computedCalls).toBe(0);
    expect(subject.read('computed.orderCount')).toBe(3);
    expect(subject.read('computed.orderCount')).toBe(3);
    expect(computedCalls).toBe(1);
    expect(subject.activity['Order Completed']).toHaveLength(1);
    expect(subject.isMember('vip')).toBe(true);
    expect(subject.context).toBeUndefined();
  });

  it('reads nothing of a visitor, nor of a root no rule may name', () => {
    const visitor = segmentSubject(undefined, {
      computed: () => {
        throw new Error('a visitor has no computed fields');
      },
      isMember: () => false,
      now,
      context: { device: 'mobile' },
    });
    expect(visitor.read('traits.country')).toBeUndefined();
    expect(visitor.read('computed.orderCount')).toBeUndefined();
    expect(visitor.activity).toEqual({});
    expect(visitor.context).toEqual({ device: 'mobile' });
    const known = segmentSubject(profile, {
      computed: () => ({}) as ProfileView['computed'],
      isMember: () => false,
      now,
    });
    expect(known.read('constructor.name')).toBeUndefined();
    expect(known.read('traits.missing.deeper')).toBeUndefined();
  });
});
