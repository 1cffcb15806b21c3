import type { Profile } from '../../domain/profiles/index.js';
import { OldestKeys } from '../../domain/shared/index.js';
import type { Identity, VersionedProfile } from '../../ports/store.js';

/** A profile kept as the object itself: read and written without a copy. */
interface HotEntry {
  readonly versioned: VersionedProfile;
  readonly bytes: number;
}

/** A profile kept as its JSON document: a few microseconds to read back. */
interface ColdEntry {
  readonly document: string;
  readonly version: number;
  readonly bytes: number;
}

/** The share of the budget profiles kept as objects may take; the rest are documents. */
const HOT_SHARE = 0.25;

/**
 * The profiles and id links this node holds in memory, bounded by a count and by an estimate of
 * the memory they take, least recently used first out. The store stays the truth: an entry is a
 * copy at a known version, dropped when another node reports a change, and a write at a stale
 * version is refused by the store and retried.
 *
 * The most recently used profiles (a quarter of the budget) are kept as objects; older ones as
 * their JSON documents. A profile object is hundreds of small objects (2.5 KB a profile at 1M
 * events, against a 1.0 KB document) that every full garbage collection walks; a document is one
 * string it skips. Busy customers, read and written on nearly every batch, stay objects; one
 * met again after a while is parsed once and is an object again.
 */
export class ProfileCache {
  readonly #hot = new Map<string, HotEntry>();
  readonly #cold = new Map<string, ColdEntry>();
  readonly #identities = new Map<string, string>();
  /** Where eviction reads the least recently used of each: see OldestKeys. */
  readonly #oldestHot = new OldestKeys(this.#hot);
  readonly #oldestCold = new OldestKeys(this.#cold);
  readonly #oldestLinks = new OldestKeys(this.#identities);
  #hotBytes = 0;
  #bytes = 0;

  /**
   * @param capacity profiles kept at most (id links: four times as many).
   * @param budgetBytes estimated memory the profiles and links may take together.
   */
  constructor(
    private readonly capacity: number,
    readonly budgetBytes = Number.POSITIVE_INFINITY,
  ) {}

  get size(): number {
    return this.#hot.size + this.#cold.size;
  }

  /** Estimated memory of what is cached, bytes. */
  get bytes(): number {
    return this.#bytes;
  }

  getProfile(id: string): VersionedProfile | undefined {
    const hot = this.#hot.get(id);
    if (hot !== undefined) {
      // Re-inserting moves the entry to the young end of the Map's insertion order.
      this.#hot.delete(id);
      this.#hot.set(id, hot);
      return hot.versioned;
    }
    const cold = this.#cold.get(id);
    if (cold === undefined) return undefined;
    // Written by #demote from a profile of the current shape: no upgrade needed.
    const versioned = { profile: JSON.parse(cold.document) as Profile, version: cold.version };
    this.putProfile(versioned);
    return versioned;
  }

  putProfile(versioned: VersionedProfile): void {
    const { id } = versioned.profile;
    this.#dropProfile(id);
    const bytes = profileBytes(versioned.profile);
    this.#hot.set(id, { versioned, bytes });
    this.#hotBytes += bytes;
    this.#bytes += bytes;
    while (this.#hotBytes > this.budgetBytes * HOT_SHARE && this.#hot.size > 1)
      this.#demote(this.#oldestHot.take() as string);
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
    this.forget([...this.#cold.keys(), ...this.#hot.keys()], []);
    for (const key of [...this.#identities.keys()]) this.#dropLink(key);
  }

  /** The ids of the cached profiles, least recently used first. */
  *profileIds(): IterableIterator<string> {
    yield* this.#cold.keys();
    yield* this.#hot.keys();
  }

  /** The oldest profiles and links leave until both fit their counts and together the budget. */
  #evict(): void {
    // Each profile has a few ids: allow proportionally more links than profiles.
    while (this.#identities.size > this.capacity * 4) this.#dropLink(this.#oldestLinks.take() as string);
    while (this.size > this.capacity) this.#dropProfile(this.#oldest() as string);
    while (this.#bytes > this.budgetBytes && this.size + this.#identities.size > 0) {
      // Profiles are the bulk; links go in proportion, so a link rarely outlives its profile.
      if (this.size > 0) this.#dropProfile(this.#oldest() as string);
      if (this.#identities.size > this.size * 4 || this.size === 0)
        this.#dropLink(this.#oldestLinks.take() as string);
    }
  }

  /** The least recently used profile: every document is older than every object. */
  #oldest(): string | undefined {
    return this.#cold.size > 0 ? this.#oldestCold.take() : this.#oldestHot.take();
  }

  /** Keeps a profile as its document, the youngest of them (it was used after every other). */
  #demote(id: string): void {
    const entry = this.#hot.get(id);
    if (entry === undefined) return;
    this.#dropProfile(id);
    const document = JSON.stringify(entry.versioned.profile);
    const cold = { document, version: entry.versioned.version, bytes: documentBytes(id, document) };
    this.#cold.set(id, cold);
    this.#bytes += cold.bytes;
  }

  #dropProfile(id: string): void {
    const hot = this.#hot.get(id);
    if (hot !== undefined) {
      this.#hot.delete(id);
      this.#hotBytes -= hot.bytes;
      this.#bytes -= hot.bytes;
    }
    const cold = this.#cold.get(id);
    if (cold !== undefined) {
      this.#cold.delete(id);
      this.#bytes -= cold.bytes;
    }
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

/**
 * A profile kept as its document: the string, its id and the Map entry holding them. V8 keeps a
 * string a byte a character when all are Latin-1, else two bytes each, the whole string.
 */
function documentBytes(id: string, document: string): number {
  return 96 + id.length + (BEYOND_LATIN1.test(document) ? 2 : 1) * document.length;
}

const BEYOND_LATIN1 = /[\u0100-\uffff]/;

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
