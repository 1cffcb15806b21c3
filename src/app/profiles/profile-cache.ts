import type { Profile } from '../../domain/profiles/index.js';
import { OldestKeys } from '../../domain/shared/index.js';
import type { Identity, VersionedProfile } from '../../ports/store.js';

/** A cached profile and what it is estimated to take in memory. */
interface Entry {
  readonly versioned: VersionedProfile;
  readonly bytes: number;
}

/**
 * The profiles and id links this node holds in memory, bounded by a count and by an estimate of
 * the memory they take, least recently used first out. The store stays the truth: an entry is a
 * copy at a known version, dropped when another node reports a change, and a write at a stale
 * version is refused by the store and retried.
 */
export class ProfileCache {
  readonly #profiles = new Map<string, Entry>();
  readonly #identities = new Map<string, string>();
  /** Where eviction reads the least recently used of each: see OldestKeys. */
  readonly #oldestProfiles = new OldestKeys(this.#profiles);
  readonly #oldestLinks = new OldestKeys(this.#identities);
  #bytes = 0;

  /**
   * @param capacity profiles kept at most (id links: four times as many).
   * @param budgetBytes estimated memory the profiles and links may take together.
   */
  constructor(
    private readonly capacity: number,
    private readonly budgetBytes = Number.POSITIVE_INFINITY,
  ) {}

  get size(): number {
    return this.#profiles.size;
  }

  /** Estimated memory of what is cached, bytes. */
  get bytes(): number {
    return this.#bytes;
  }

  getProfile(id: string): VersionedProfile | undefined {
    const entry = this.#profiles.get(id);
    if (entry !== undefined) {
      // Re-inserting moves the entry to the young end of the Map's insertion order.
      this.#profiles.delete(id);
      this.#profiles.set(id, entry);
    }
    return entry?.versioned;
  }

  putProfile(versioned: VersionedProfile): void {
    this.#dropProfile(versioned.profile.id);
    const bytes = profileBytes(versioned.profile);
    this.#profiles.set(versioned.profile.id, { versioned, bytes });
    this.#bytes += bytes;
    this.#evict();
  }

  profileIdOf(identity: Identity): string | undefined {
    return this.#identities.get(cacheKey(identity));
  }

  link(identity: Identity, profileId: string): void {
    const key = cacheKey(identity);
    this.#dropLink(key);
    this.#identities.set(key, profileId);
    this.#bytes += linkBytes(key, profileId);
    this.#evict();
  }

  /** Forgets a profile and the given ids (changed elsewhere, merged away or erased). */
  forget(profileIds: Iterable<string>, identities: Iterable<Identity> = []): void {
    for (const id of profileIds) this.#dropProfile(id);
    for (const identity of identities) this.#dropLink(cacheKey(identity));
  }

  /** Forgets everything (other nodes' changes were lost: nothing cached can be trusted). */
  clear(): void {
    this.forget([...this.#profiles.keys()], []);
    for (const key of [...this.#identities.keys()]) this.#dropLink(key);
  }

  /** Every cached profile (for statistics over the customer base). */
  *profiles(): IterableIterator<VersionedProfile> {
    for (const entry of this.#profiles.values()) yield entry.versioned;
  }

  /** The oldest profiles and links leave until both fit their counts and together the budget. */
  #evict(): void {
    // Each profile has a few ids: allow proportionally more links than profiles.
    while (this.#identities.size > this.capacity * 4) this.#dropLink(this.#oldestLinks.take() as string);
    while (this.#profiles.size > this.capacity) this.#dropProfile(this.#oldestProfiles.take() as string);
    while (this.#bytes > this.budgetBytes && this.#profiles.size + this.#identities.size > 0) {
      // Profiles are the bulk; links go in proportion, so a link rarely outlives its profile.
      if (this.#profiles.size > 0) this.#dropProfile(this.#oldestProfiles.take() as string);
      if (this.#identities.size > this.#profiles.size * 4 || this.#profiles.size === 0)
        this.#dropLink(this.#oldestLinks.take() as string);
    }
  }

  #dropProfile(id: string): void {
    const entry = this.#profiles.get(id);
    if (entry === undefined) return;
    this.#profiles.delete(id);
    this.#bytes -= entry.bytes;
  }

  #dropLink(key: string): void {
    const profileId = this.#identities.get(key);
    if (profileId === undefined) return;
    this.#identities.delete(key);
    this.#bytes -= linkBytes(key, profileId);
  }
}

/** What {@link approximateBytes} gives one score of an affinity map: its slot and `{ score, at }`. */
const AFFINITY_ENTRY_BYTES = 12 + approximateBytes({ score: 0, at: 0 });
const AFFINITY_MAPS: ReadonlySet<string> = new Set(['categoryAffinity', 'brandAffinity']);

/**
 * {@link approximateBytes} of a profile, its affinity maps counted by their size alone: every entry
 * is a `{ score, at }` of the same estimate, and walking up to 100 of them for every profile a
 * batch wrote was a twentieth of ingestion once long histories had filled them.
 */
export function profileBytes(profile: Profile): number {
  let total = 24;
  for (const key of Object.keys(profile)) {
    const value = (profile as unknown as Record<string, unknown>)[key];
    total +=
      12 +
      (AFFINITY_MAPS.has(key) && typeof value === 'object' && value !== null
        ? 24 + AFFINITY_ENTRY_BYTES * Object.keys(value).length
        : approximateBytes(value));
  }
  return total;
}

function cacheKey(identity: Identity): string {
  return `${identity.kind}:${identity.value}`;
}

/** An id link's estimated memory: its two strings and the Map entry holding them. */
function linkBytes(key: string, profileId: string): number {
  return 64 + key.length + profileId.length;
}

/**
 * What a value takes in V8's heap, roughly: objects and arrays a header plus a slot per entry,
 * strings their length plus a header, numbers a boxed double. Measured against heap snapshots of
 * ingested profiles it is within a third; the budget is a bound on growth, not an exact figure.
 */
export function approximateBytes(value: unknown): number {
  if (typeof value === 'string') return 16 + value.length;
  if (typeof value === 'number') return 8;
  if (typeof value !== 'object' || value === null) return 0;
  if (Array.isArray(value)) {
    let total = 16 + 8 * value.length;
    for (const item of value) total += approximateBytes(item);
    return total;
  }
  // Keys are shared strings; a property is a slot (about two in a map-like object).
  let total = 24;
  for (const key of Object.keys(value))
    total += 12 + approximateBytes((value as Record<string, unknown>)[key]);
  return total;
}
