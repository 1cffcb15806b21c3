import { createProfile, mergeProfiles, type Profile } from '../../domain/profiles/index.js';
import {
  WriteConflict,
  type Identity,
  type IdentityLink,
  type ProfileTransaction,
} from '../../ports/store.js';
import type { ProfileCache } from './profile-cache.js';

interface WorkingProfile {
  profile: Profile;
  /** The stored version, or null for a profile this batch creates. */
  readonly version: number | null;
  /** The profile as stored at `version` (absent for a profile this batch creates). */
  readonly stored?: Profile;
}

const key = (identity: Identity) => `${identity.kind}:${identity.value}`;

/**
 * The profiles and id links one ingestion batch reads and changes, before they are written in its
 * transaction. Knows how identities resolve, how an anonymous visitor becomes a known customer and
 * when two profiles merge: `identify` joins an anonymous visitor's history to the customer, so
 * either id then finds one profile.
 */
export class BatchWorkspace {
  readonly #profiles = new Map<string, WorkingProfile>();
  /** Identity → profile id as the store has it now (null: not linked), for ids this batch touched. */
  readonly #stored = new Map<string, string | null>();
  /** Identity → profile id after this batch. */
  readonly #links = new Map<string, { identity: Identity; profileId: string }>();
  /** Merged-away profile → the profile it went into. */
  readonly #absorbed = new Map<string, { into: string; version: number | null; fromOrdered: boolean }>();

  constructor(
    private readonly tx: ProfileTransaction,
    private readonly cache: ProfileCache,
    private readonly newProfileId: () => string,
    private readonly now: string,
  ) {}

  /**
   * Reads the links and profiles of every identity the batch names, locking the profiles first so
   * that another node's writer of the same customers waits for this batch rather than making it
   * start again (on a busy customer it could, every time). A cached profile is used only at the
   * version the lock found: one another node has written since is read again from the store, under
   * the lock, rather than failing the write and the whole batch with it (with two nodes sharing a
   * Zipf-heavy shop's busiest customers, that was nearly every batch done twice).
   */
  async prefetch(identities: readonly Identity[]): Promise<void> {
    const missing: Identity[] = [];
    for (const identity of identities) {
      if (this.#stored.has(key(identity))) continue;
      const cached = this.cache.profileIdOf(identity);
      if (cached === undefined) missing.push(identity);
      else this.#stored.set(key(identity), cached);
    }
    const found = missing.length === 0 ? new Map<string, string>() : await this.tx.findProfileIds(missing);
    for (const identity of missing) this.#stored.set(key(identity), found.get(key(identity)) ?? null);
    await this.#lockUnlinked(identities);
    const profileIds = [...new Set([...this.#stored.values()].filter((id): id is string => id !== null))];
    const versions = await this.tx.lockProfiles(profileIds);
    if (versions !== undefined) await this.#checkLinksUnderLock(identities);
    await this.#load(profileIds, versions);
  }

  /**
   * Locks the ids linked to no profile yet, before any profile, and reads their links again: a
   * writer on another node about to link the same new customer either linked them meanwhile (then
   * this batch adds to that profile) or waits for this batch to. Without it, both made a profile for
   * the customer and the second failed its whole batch at the link and started again, which a
   * shop's new visitors, arriving at two nodes at once, made happen again and again.
   */
  async #lockUnlinked(identities: readonly Identity[]): Promise<void> {
    const unlinked = [
      ...new Map(
        identities
          .filter((identity) => this.#stored.get(key(identity)) === null)
          .map((identity) => [key(identity), identity]),
      ).values(),
    ];
    if (unlinked.length === 0 || !(await this.tx.lockIdentities(unlinked))) return;
    const linked = await this.tx.findProfileIds(unlinked);
    for (const [identityKey, profileId] of linked) this.#stored.set(identityKey, profileId);
  }

  /**
   * The batch's ids must still name the profiles it locked: a link read before the lock (from the
   * cache, or from the store a moment earlier) may have moved since, as when another node's
   * identify moves a shared device to the customer who signed in on it. Moving a link writes the
   * profile it leaves, which the lock now keeps still, so links read again now stay true until
   * commit; one that moved makes the batch start again with both forgotten, as a failed write did.
   */
  async #checkLinksUnderLock(identities: readonly Identity[]): Promise<void> {
    const now = await this.tx.findProfileIds(identities);
    for (const identity of identities)
      if ((now.get(key(identity)) ?? null) !== this.#stored.get(key(identity)))
        throw new WriteConflict(`the id ${key(identity)} was linked to another profile meanwhile`);
  }

  /** The profile an identity belongs to now, without creating one. */
  peek(identity: Identity | undefined): Profile | undefined {
    if (identity === undefined) return undefined;
    const id = this.#current(identity);
    return id === undefined ? undefined : this.#profiles.get(this.root(id))?.profile;
  }

  /** The profile an event counts for, linking its ids and merging profiles as identify does. */
  resolve(userId: string | undefined, anonymousId: string | undefined): string {
    const user = userId === undefined ? undefined : ({ kind: 'user', value: userId } as const);
    const anon = anonymousId === undefined ? undefined : ({ kind: 'anon', value: anonymousId } as const);
    const pu = user && this.#current(user);
    const pa = anon && this.#current(anon);
    if (user === undefined) return pa ?? this.#create(undefined, anonymousId);
    if (anon === undefined) return pu ?? this.#create(userId, undefined);
    if (pu !== undefined && pa !== undefined) return pu === pa ? pu : this.#joinKnown(pu, pa, anon);
    if (pu !== undefined) return this.#attachAnonymous(pu, anon);
    if (pa !== undefined) {
      const anonymousProfile = this.profile(pa);
      if (anonymousProfile.userId === undefined) {
        this.#set(pa, { ...anonymousProfile, userId: user.value });
        this.#link(user, pa);
        return pa;
      }
      const created = this.#create(user.value, undefined);
      this.#moveAnonymous(anon, pa, created);
      return created;
    }
    return this.#create(userId, anonymousId);
  }

  /** Creates or finds a single profile for a consent-only event, linking nothing new. */
  resolveWithoutLinking(userId: string | undefined, anonymousId: string | undefined): string {
    const user = userId === undefined ? undefined : ({ kind: 'user', value: userId } as const);
    const anon = anonymousId === undefined ? undefined : ({ kind: 'anon', value: anonymousId } as const);
    return (
      (user && this.#current(user)) ??
      (anon && this.#current(anon)) ??
      this.#create(userId, userId === undefined ? anonymousId : undefined)
    );
  }

  /** The live profile id for `id`, following merges made in this batch. */
  root(id: string): string {
    let current = id;
    for (let next = this.#absorbed.get(current); next !== undefined; next = this.#absorbed.get(current))
      current = next.into;
    return current;
  }

  profile(id: string): Profile {
    const entry = this.#profiles.get(this.root(id));
    if (entry === undefined) throw new Error(`profile ${id} is not in the batch`);
    return entry.profile;
  }

  update(id: string, change: (profile: Profile) => Profile): void {
    const root = this.root(id);
    this.#set(root, change(this.profile(root)));
  }

  /**
   * What the batch will write: each touched profile with the version it was read at (null: new),
   * links that are new or moved, and stored profiles merged away (whose remaining links and history
   * the store moves with them).
   */
  changes() {
    const links: IdentityLink[] = [];
    for (const [identityKey, { identity, profileId }] of this.#links) {
      const stored = this.#stored.get(identityKey) ?? null;
      const target = this.root(profileId);
      if (stored === null) links.push({ ...identity, profileId: target, previousProfileId: null });
      else if (this.root(stored) !== target)
        links.push({ ...identity, profileId: target, previousProfileId: stored });
    }
    const absorbed = [...this.#absorbed]
      .filter(([, merge]) => merge.version !== null)
      .map(([from, merge]) => ({
        from,
        into: this.root(merge.into),
        version: merge.version as number,
        fromOrdered: merge.fromOrdered,
      }));
    const profiles = [...this.#profiles]
      .filter(([id]) => !this.#absorbed.has(id))
      .map(([, entry]) => ({
        profile: entry.profile,
        expectedVersion: entry.version,
        ...(entry.stored !== undefined && { stored: entry.stored }),
      }));
    const resolved: { identity: Identity; profileId: string }[] = [];
    for (const identityKey of new Set([...this.#stored.keys(), ...this.#links.keys()])) {
      const [kind, ...rest] = identityKey.split(':');
      const identity = { kind: kind as Identity['kind'], value: rest.join(':') };
      const profileId = this.#current(identity);
      if (profileId !== undefined) resolved.push({ identity, profileId });
    }
    return { links, absorbed, profiles, resolved };
  }

  /** `versions`: the stored versions the lock found, which a cached profile must be at (undefined: no check). */
  async #load(profileIds: readonly string[], versions?: ReadonlyMap<string, number>): Promise<void> {
    const missing: string[] = [];
    for (const id of profileIds) {
      if (this.#profiles.has(id)) continue;
      const cached = this.cache.getProfile(id);
      if (cached === undefined || (versions !== undefined && versions.get(id) !== cached.version))
        missing.push(id);
      else
        this.#profiles.set(id, { profile: cached.profile, version: cached.version, stored: cached.profile });
    }
    if (missing.length === 0) return;
    const found = await this.tx.getProfiles(missing);
    for (const [id, entry] of found)
      this.#profiles.set(id, { profile: entry.profile, version: entry.version, stored: entry.profile });
  }

  #current(identity: Identity): string | undefined {
    const linked = this.#links.get(key(identity))?.profileId ?? this.#stored.get(key(identity)) ?? undefined;
    if (linked === undefined || linked === null) return undefined;
    const root = this.root(linked);
    // A link to a profile that no longer exists (erased or merged elsewhere) counts as no link.
    return this.#profiles.has(root) ? root : undefined;
  }

  #create(userId: string | undefined, anonymousId: string | undefined): string {
    const id = this.newProfileId();
    const ids = {
      ...(userId !== undefined && { userId }),
      ...(anonymousId !== undefined && { anonymousId }),
    };
    this.#profiles.set(id, { profile: createProfile(id, this.now, ids), version: null });
    if (userId !== undefined) this.#link({ kind: 'user', value: userId }, id);
    if (anonymousId !== undefined) this.#link({ kind: 'anon', value: anonymousId }, id);
    return id;
  }

  /** The customer's profile already exists and the anonymous id has another one. */
  #joinKnown(pu: string, pa: string, anon: Identity): string {
    const anonymousProfile = this.profile(pa);
    if (anonymousProfile.userId !== undefined) {
      // The device was used by another known customer: the id moves, the histories stay apart.
      this.#moveAnonymous(anon, pa, pu);
      return pu;
    }
    this.#set(pu, mergeProfiles(this.profile(pu), anonymousProfile, this.now));
    const entry = this.#profiles.get(pa);
    this.#absorbed.set(pa, {
      into: pu,
      version: entry?.version ?? null,
      fromOrdered: anonymousProfile.stats.orderCount > 0,
    });
    for (const value of anonymousProfile.anonymousIds) this.#link({ kind: 'anon', value }, pu);
    return pu;
  }

  #attachAnonymous(pu: string, anon: Identity): string {
    const profile = this.profile(pu);
    this.#set(pu, { ...profile, anonymousIds: [...new Set([...profile.anonymousIds, anon.value])] });
    this.#link(anon, pu);
    return pu;
  }

  #moveAnonymous(anon: Identity, from: string, to: string): void {
    const source = this.profile(from);
    this.#set(from, { ...source, anonymousIds: source.anonymousIds.filter((value) => value !== anon.value) });
    this.#attachAnonymous(to, anon);
  }

  #link(identity: Identity, profileId: string): void {
    this.#links.set(key(identity), { identity, profileId });
  }

  #set(id: string, profile: Profile): void {
    const entry = this.#profiles.get(id);
    this.#profiles.set(id, {
      profile: { ...profile, updatedAt: this.now },
      version: entry?.version ?? null,
      ...(entry?.stored !== undefined && { stored: entry.stored }),
    });
  }
}
