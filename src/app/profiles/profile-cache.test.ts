import { describe, expect, it } from 'vitest';
import { createProfile, type Profile } from '../../domain/profiles/index.js';
import { approximateBytes, ProfileCache, profileBytes } from './profile-cache.js';

/** A profile whose size grows with `brands` (affinities, as a long history leaves them). */
function profile(id: string, brands = 10): Profile {
  const base = createProfile(id, '2026-03-01T00:00:00.000Z', { userId: `user-${id}` });
  const brandAffinity = Object.fromEntries(
    Array.from({ length: brands }, (_, index) => [
      `brand-${index}`,
      { score: index + 0.5, at: 1_767_225_600_000 },
    ]),
  );
  return { ...base, brandAffinity };
}

describe('ProfileCache', () => {
  it('keeps the estimated memory of its profiles and links within the budget, the least recently used leaving first', () => {
    const one = approximateBytes(profile('p0'));
    const cache = new ProfileCache(1_000_000, one * 10);
    for (let index = 0; index < 50; index += 1) {
      cache.putProfile({ profile: profile(`p${index}`), version: 1 });
      cache.link({ kind: 'user', value: `user-p${index}` }, `p${index}`);
      if (index === 45) expect(cache.getProfile('p40')).toBeDefined(); // read: young again
      expect(cache.bytes).toBeLessThanOrEqual(one * 10);
    }
    // Used last to first: p49 … p46, p40 (read when p45 was put), p45 … p41, p39 …
    const byUse = Array.from({ length: 50 }, (_, index) => `p${index}`).filter((id) => id !== 'p40');
    byUse.splice(45, 0, 'p40');
    const kept = [...cache.profileIds()];
    expect(kept.length).toBeGreaterThan(9); // documents take less than objects: more than ten objects' worth
    expect(kept).toEqual(byUse.slice(-kept.length));
    expect(cache.getProfile('p0')).toBeUndefined();
    expect(cache.profileIdOf({ kind: 'user', value: 'user-p49' })).toBe('p49');
    expect(cache.profileIdOf({ kind: 'user', value: 'user-p0' })).toBeUndefined();
  });

  it('keeps the least recently used profiles as their documents, which read back equal and are objects again', () => {
    const cache = new ProfileCache(1_000, profileBytes(profile('p0')) * 10);
    const put = Array.from({ length: 10 }, (_, index) => ({
      ...profile(`p${index}`),
      traits: { name: 'Zoë', tags: ['x'] },
      nextCheckAt: 1_767_225_600_123 + index,
    }));
    for (const [index, each] of put.entries()) cache.putProfile({ profile: each, version: index + 1 });
    // Objects are a quarter of the budget: the newest two or three; the rest are documents, so all ten fit.
    expect(cache.size).toBe(10);
    expect(cache.getProfile('p9')?.profile).toBe(put[9]);
    const old = cache.getProfile('p0');
    expect(old).toEqual({ profile: put[0], version: 1 });
    expect(old?.profile).not.toBe(put[0]);
    expect(cache.getProfile('p0')?.profile).toBe(old?.profile); // an object again, kept as such
    expect([...cache.profileIds()].slice(-2)).toEqual(['p9', 'p0']);
  });

  it('counts a document beyond Latin-1 at two bytes a character, as V8 keeps it', () => {
    const withName = (name: string) => ({ ...profile('p0', 1), traits: { name } });
    const bytesWith = (name: string) => {
      const cache = new ProfileCache(10, profileBytes(profile('p1', 1)) * 5);
      cache.putProfile({ profile: withName(name), version: 1 });
      cache.putProfile({ profile: profile('p1', 1), version: 1 }); // p0 becomes a document
      expect(cache.getProfile('p1')?.profile).toBeDefined();
      return cache.bytes;
    };
    const [latin, beyond] = [JSON.stringify(withName('Zoë')), JSON.stringify(withName('田中'))];
    expect(bytesWith('田中') - bytesWith('Zoë')).toBe(2 * beyond.length - latin.length);
  });

  it('gives back the memory of what it forgets or replaces, documents and objects alike', () => {
    const cache = new ProfileCache(100, profileBytes(profile('a', 5)) * 8);
    cache.putProfile({ profile: profile('a', 5), version: 1 });
    cache.link({ kind: 'anon', value: 'device-1' }, 'a');
    const withA = cache.bytes;
    cache.putProfile({ profile: profile('a', 40), version: 2 });
    expect(cache.bytes).toBeGreaterThan(withA);
    cache.putProfile({ profile: profile('a', 5), version: 3 });
    expect(cache.bytes).toBe(withA);
    for (let index = 0; index < 5; index += 1)
      cache.putProfile({ profile: profile(`b${index}`, 5), version: 1 });
    cache.forget(['a', 'b0', 'b1', 'b2', 'b3', 'b4'], [{ kind: 'anon', value: 'device-1' }]);
    expect(cache.bytes).toBe(0);
    expect(cache.size).toBe(0);
  });

  it('still bounds profiles by count, and links at four per profile', () => {
    const cache = new ProfileCache(3);
    for (let index = 0; index < 20; index += 1) {
      cache.putProfile({ profile: profile(`p${index}`, 1), version: 1 });
      cache.link({ kind: 'anon', value: `device-${index}` }, `p${index}`);
    }
    expect([...cache.profileIds()]).toEqual(['p17', 'p18', 'p19']);
    expect(cache.profileIdOf({ kind: 'anon', value: 'device-8' })).toBe('p8');
    expect(cache.profileIdOf({ kind: 'anon', value: 'device-7' })).toBeUndefined();
  });

  it('estimates a bigger profile as bigger', () => {
    expect(approximateBytes(profile('a', 50))).toBeGreaterThan(approximateBytes(profile('a', 5)) + 45 * 20);
  });

  it('counts a profile as the general estimate does, without walking its affinities', () => {
    for (const brands of [0, 1, 50]) {
      const grown = { ...profile('a', brands), categoryAffinity: { home: { score: 2, at: 1 } } };
      expect(profileBytes(grown)).toBe(approximateBytes(grown));
    }
  });
});
