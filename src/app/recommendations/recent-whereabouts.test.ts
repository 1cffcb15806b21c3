import { describe, expect, it } from 'vitest';
import { createProfile, type Profile } from '../../domain/profiles/index.js';
import type { StoredEvent, VersionedProfile } from '../../ports/store.js';
import { RecentWhereabouts } from './recent-whereabouts.js';

const AT = '2026-03-01T00:00:00.000Z';

/** A store of profiles in countries, counting the profiles each read asks for. */
function storeOf(profiles: readonly Profile[]) {
  const reads: string[][] = [];
  const store = {
    getProfiles: (ids: readonly string[]) => {
      reads.push([...ids]);
      const found = new Map<string, VersionedProfile>();
      for (const profile of profiles)
        if (ids.includes(profile.id)) found.set(profile.id, { profile, version: 1 });
      return Promise.resolve(found);
    },
  };
  return { store, reads };
}

const inCountry = (id: string, country: string): Profile => ({
  ...createProfile(id, AT),
  traits: { country },
});
const eventsOf = (...profileIds: string[]): StoredEvent[] =>
  profileIds.map((profileId, seq) => ({
    seq,
    profileId,
    event: {
      type: 'track',
      event: 'Product Viewed',
      messageId: `m${seq}`,
      timestamp: AT,
    } as StoredEvent['event'],
  }));

describe('recent whereabouts', () => {
  it('read the profiles a page names once, a few a query, and keep the latest met for the next pages', async () => {
    const { store, reads } = storeOf([inCountry('a', 'GB'), inCountry('b', 'FR'), inCountry('c', 'DE')]);
    const recent = new RecentWhereabouts(store, { kept: 2, perRead: 2 });
    const first = await recent.of(eventsOf('a', 'b', 'a', 'gone'));
    expect(Object.fromEntries(first)).toEqual({ a: { country: 'gb' }, b: { country: 'fr' } });
    // `a` met again moves to the young end: `c` pushes `b` out, not `a`.
    await recent.of(eventsOf('a'));
    await recent.of(eventsOf('c'));
    expect(Object.fromEntries(await recent.of(eventsOf('a', 'b')))).toEqual({
      a: { country: 'gb' },
      b: { country: 'fr' },
    });
    expect(reads).toEqual([['a', 'b'], ['gone'], ['c'], ['b']]);
  });
});
