import type { Identity, VersionedProfile } from '../../ports/store.js';

/**
 * The profiles and id links this node holds in memory, bounded, least recently used first out. The
 * store stays the truth: an entry is a copy at a known version, dropped when another node reports a
 * change, and a write at a stale version is refused by the store and retried.
 */
export class ProfileCache {
  readonly #profiles = new Map<string, VersionedProfile>();
  readonly #identities = new Map<string, string>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.#profiles.size;
  }

  getProfile(id: string): VersionedProfile | undefined {
    const entry = this.#profiles.get(id);
    if (entry !== undefined) {
      // Re-inserting moves the entry to the young end of the Map's insertion order.
      this.#profiles.delete(id);
      this.#profiles.set(id, entry);
    }
    return entry;
  }

  putProfile(entry: VersionedProfile): void {
    this.#profiles.delete(entry.profile.id);
    this.#profiles.set(entry.profile.id, entry);
    evictOldest(this.#profiles, this.capacity);
  }

  profileIdOf(identity: Identity): string | undefined {
    return this.#identities.get(cacheKey(identity));
  }

  link(identity: Identity, profileId: string): void {
    const key = cacheKey(identity);
    this.#identities.delete(key);
    this.#identities.set(key, profileId);
    // Each profile has a few ids: allow proportionally more links than profiles.
    evictOldest(this.#identities, this.capacity * 4);
  }

  /** Forgets a profile and the given ids (changed elsewhere, merged away or erased). */
  forget(profileIds: Iterable<string>, identities: Iterable<Identity> = []): void {
    for (const id of profileIds) this.#profiles.delete(id);
    for (const identity of identities) this.#identities.delete(cacheKey(identity));
  }

  /** Every cached profile (for statistics over the customer base). */
  profiles(): IterableIterator<VersionedProfile> {
    return this.#profiles.values();
  }
}

function cacheKey(identity: Identity): string {
  return `${identity.kind}:${identity.value}`;
}

function evictOldest<K, V>(map: Map<K, V>, capacity: number): void {
  while (map.size > capacity) {
    const oldest = map.keys().next();
    if (oldest.done === true) return;
    map.delete(oldest.value);
  }
}
