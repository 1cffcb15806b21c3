import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/index.js';
import { chooseVariant, draftContentSlot, type ContentSlot, type ContentSlotInput } from './index.js';

const NOW = Date.parse('2026-06-15T12:00:00Z');

function slot(input: ContentSlotInput): ContentSlot {
  return { ...draftContentSlot('home-hero', input), version: 1, updatedAt: '2026-06-01T00:00:00Z' };
}

const hero = slot({
  variants: [
    { id: 'default', payload: { title: 'Welcome' } },
    { id: 'vip', audience: { segments: ['VIP'] }, payload: { title: 'Welcome back' } },
    { id: 'vip-fr', audience: { segments: ['vip'], countries: ['FR'] }, payload: { title: 'Bienvenue' } },
    { id: 'sale', priority: 10, startsAt: '2026-07-01T00:00:00Z', payload: { title: 'Summer sale' } },
    { id: 'mobile-pdp', audience: { devices: ['mobile'], pageTypes: ['product'] }, payload: {} },
  ],
});
const viewer = (extra: Partial<Parameters<typeof chooseVariant>[1]> = {}) => ({
  segments: new Set<string>(),
  ...extra,
});

describe('content slots', () => {
  it('shows the default to everyone the audiences leave out', () => {
    expect(chooseVariant(hero, viewer(), NOW)).toMatchObject({
      variant: { id: 'default' },
      reason: 'default',
    });
  });

  it('prefers the more specific matching audience at equal priority, and says what matched', () => {
    expect(chooseVariant(hero, viewer({ segments: new Set(['vip']) }), NOW).variant.id).toBe('vip');
    expect(chooseVariant(hero, viewer({ segments: new Set(['vip']), country: 'fr' }), NOW)).toMatchObject({
      variant: { id: 'vip-fr' },
      reason: 'segment vip, country fr',
    });
    expect(chooseVariant(hero, viewer({ device: 'mobile' }), NOW).variant.id).toBe('default');
    expect(chooseVariant(hero, viewer({ device: 'Mobile', pageType: 'product' }), NOW).variant.id).toBe(
      'mobile-pdp',
    );
  });

  it('opens and closes scheduled variants on time; priority wins while open', () => {
    const july = Date.parse('2026-07-01T00:00:00Z');
    expect(chooseVariant(hero, viewer({ segments: new Set(['vip']) }), july - 1).variant.id).toBe('vip');
    expect(chooseVariant(hero, viewer({ segments: new Set(['vip']) }), july).variant.id).toBe('sale');
  });

  it('refuses a slot without an always-on default, repeated ids and unsound windows', () => {
    const refusal = (input: ContentSlotInput): unknown[] | undefined => {
      try {
        draftContentSlot('s', input);
      } catch (error) {
        return error instanceof DomainError ? [error.code, error.details['pointer']] : [error];
      }
      return undefined;
    };
    expect(refusal({ variants: [{ id: 'a', audience: { segments: ['x'] }, payload: 1 }] })).toEqual([
      'invalid_content_slot',
      '/variants',
    ]);
    expect(refusal({ variants: [{ id: 'a', endsAt: '2026-01-01T00:00:00Z', payload: 1 }] })?.[1]).toBe(
      '/variants',
    );
    expect(
      refusal({
        variants: [
          { id: 'a', payload: 1 },
          { id: 'a', payload: 2 },
        ],
      }),
    ).toEqual(['invalid_content_slot', '/variants/1/id']);
    expect(
      refusal({
        variants: [
          { id: 'a', payload: 1 },
          { id: 'b', startsAt: '2026-02-01T00:00:00Z', endsAt: '2026-01-01T00:00:00Z', payload: 2 },
        ],
      }),
    ).toEqual(['invalid_content_slot', '/variants/1/endsAt']);
  });

  it('lets a campaign for everyone replace the default while it runs, and says it is scheduled', () => {
    const campaign = slot({
      variants: [
        { id: 'default', payload: 1 },
        { id: 'black-friday', startsAt: '2026-11-27T00:00:00Z', endsAt: '2026-11-30T00:00:00Z', payload: 2 },
      ],
    });
    const friday = Date.parse('2026-11-27T12:00:00Z');
    expect(chooseVariant(campaign, viewer(), friday)).toEqual({
      variant: expect.objectContaining({ id: 'black-friday' }),
      reason: 'scheduled',
    });
    expect(chooseVariant(campaign, viewer(), Date.parse('2026-12-01T00:00:00Z')).variant.id).toBe('default');
  });
});
