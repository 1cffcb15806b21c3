import { randomUUID } from 'node:crypto';
import {
  viewProfile,
  type LoyaltyStatus,
  type ConsentDefault,
  type Profile,
  type ProfileView,
  ProfileError,
} from '../../domain/profiles/index.js';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { Identity, Store, VersionedProfile } from '../../ports/store.js';
import { followOtherNodes } from '../follow-other-nodes.js';
import type { CustomerStatistics } from './customer-statistics.js';
import type { EventIngestion } from './event-ingestion.js';
import type { ProfileCache } from './profile-cache.js';

export interface ProfileServiceDeps {
  readonly store: Store;
  readonly bus: EventBus;
  readonly clock: Clock;
  readonly cache: ProfileCache;
  readonly ingestion: EventIngestion;
  readonly statistics: CustomerStatistics;
  readonly currency: string;
  readonly consentDefault: ConsentDefault;
  readonly hashId: (identity: Identity) => string;
  readonly nodeId: string;
  /** The segments and loyalty standing a profile shows (from the rules in force). */
  readonly standing?: (
    profile: Profile,
    now: number,
  ) => { segments: readonly string[]; loyalty?: LoyaltyStatus };
}

/** A profile found by one of its ids, and which kind of id found it. */
export interface FoundProfile extends VersionedProfile {
  readonly foundBy: Identity;
}

/** What an erasure removed: the receipt `DELETE /v1/profiles/{userId}` answers. */
export interface ErasureReceipt {
  readonly receiptId: string;
  readonly userId: string;
  readonly erasedAt: string;
  readonly removed: {
    readonly profiles: number;
    readonly identities: number;
    readonly events: number;
    readonly orders: number;
  };
}

/** Erased profiles and their events, for modules that must forget their contributions (models, counts). */
export type ErasureListener = (erased: {
  profileId: string;
  events: readonly unknown[];
}) => void | Promise<void>;

/** Reading profiles, recording consent, exporting and erasing (GDPR). */
export class ProfileService {
  readonly #erasureListeners: ErasureListener[] = [];

  constructor(private readonly deps: ProfileServiceDeps) {}

  async start(): Promise<void> {
    await followOtherNodes(this.deps.bus, this.deps.nodeId, 'erasures', {
      changed: ({ profileId, identities }) => this.deps.cache.forget([profileId], identities),
      missed: () => this.deps.cache.clear(),
    });
  }

  onErased(listener: ErasureListener): void {
    this.#erasureListeners.push(listener);
  }

  /** Finds a profile by userId, else by anonymousId. */
  async find(id: string): Promise<FoundProfile | undefined> {
    for (const kind of ['user', 'anon'] as const) {
      const identity = { kind, value: id };
      const found = await this.#byIdentity(identity);
      if (found !== undefined) return { ...found, foundBy: identity };
    }
    return undefined;
  }

  /** @throws DomainError `profile_not_found`. */
  async get(id: string): Promise<FoundProfile> {
    const found = await this.find(id);
    if (found === undefined) throw new ProfileError('profile_not_found', `no profile for ${id}`, {});
    return found;
  }

  view(profile: Profile): ProfileView {
    const now = this.deps.clock.now();
    const standing = this.deps.standing?.(profile, now);
    return viewProfile(profile, {
      now,
      currency: this.deps.currency,
      rfm: this.deps.statistics.rfm(),
      consentDefault: this.deps.consentDefault,
      ...(standing !== undefined && { segments: standing.segments }),
      ...(standing?.loyalty !== undefined && { loyalty: standing.loyalty }),
    });
  }

  /** The computed fields rules read (`computed.orderCount`), as the profile answer shows them. */
  computedOf(profile: Profile, now: number): ProfileView['computed'] {
    return this.deps.statistics.computedOf(profile, now);
  }

  /**
   * Records a consent answer as an event (an audit trail), for a userId when `asUser`, else an
   * anonymousId. Recorded even when analytics is refused: the answer itself is always kept.
   */
  async setConsent(
    id: string,
    answer: { personalization?: boolean; analytics?: boolean; marketing?: boolean },
    asUser: boolean,
  ): Promise<FoundProfile> {
    const event = {
      type: 'track',
      event: 'Consent Updated',
      [asUser ? 'userId' : 'anonymousId']: id,
      messageId: `consent-${randomUUID()}`,
      timestamp: new Date(this.deps.clock.now()).toISOString(),
      context: { consent: answer },
    };
    // The consent route proved the customer (a secret key, or their token) before calling.
    await this.deps.ingestion.submit([event], { fromServer: false, identityProven: true });
    return this.get(id);
  }

  /** Everything held about a known customer (GDPR Art. 15/20). */
  async export(userId: string) {
    const found = await this.#byIdentity({ kind: 'user', value: userId });
    if (found === undefined) throw new ProfileError('profile_not_found', `no customer ${userId}`, {});
    const { store } = this.deps;
    const [events, orders, merges] = await Promise.all([
      store.eventsOf(found.profile.id),
      store.ordersOf(found.profile.id),
      store.mergesInto(found.profile.id),
    ]);
    return {
      exportedAt: new Date(this.deps.clock.now()).toISOString(),
      profile: this.view(found.profile),
      identities: { userId, anonymousIds: found.profile.anonymousIds },
      consent: found.profile.consent,
      events: events.map((stored) => stored.event),
      orders: orders.map(({ profileId: _profileId, ...order }) => order),
      mergedProfiles: merges.length,
      createdAt: found.profile.createdAt,
    };
  }

  /**
   * Erases a customer (GDPR Art. 17): the profile, every linked id, events, orders and derived data.
   * Runs between ingestion commits, keeps only salted hashes of the ids, and tells other modules and
   * nodes to forget the customer.
   */
  async erase(userId: string): Promise<ErasureReceipt> {
    return this.deps.ingestion.exclusive(async () => {
      const found = await this.#byIdentity({ kind: 'user', value: userId }, { fromStore: true });
      if (found === undefined) throw new ProfileError('profile_not_found', `no customer ${userId}`, {});
      const { profile } = found;
      const identities: Identity[] = [
        { kind: 'user', value: userId },
        ...profile.anonymousIds.map((value) => ({ kind: 'anon' as const, value })),
      ];
      const events = (await this.deps.store.eventsOf(profile.id)).map((stored) => stored.event);
      const now = this.deps.clock.now();
      const removed = await this.deps.store.eraseProfile({
        profileId: profile.id,
        userId,
        anonymousIds: profile.anonymousIds,
        idHashes: identities.map(this.deps.hashId),
        // A keyed hash no request can send: price lists that named the customer stay closed to others.
        standIn: `erased:${this.deps.hashId({ kind: 'user', value: userId })}`,
        now,
      });
      this.deps.cache.forget([profile.id], identities);
      await this.deps.bus.publish('erasures', {
        origin: this.deps.nodeId,
        profileId: profile.id,
        identities,
      });
      for (const listener of this.#erasureListeners) await listener({ profileId: profile.id, events });
      return { receiptId: `erasure_${randomUUID()}`, userId, erasedAt: new Date(now).toISOString(), removed };
    });
  }

  async #byIdentity(
    identity: Identity,
    options: { fromStore?: boolean } = {},
  ): Promise<VersionedProfile | undefined> {
    const { cache, store } = this.deps;
    const cachedId = options.fromStore === true ? undefined : cache.profileIdOf(identity);
    const profileId = cachedId ?? (await store.findProfileId(identity));
    if (profileId === undefined) return undefined;
    const cached = options.fromStore === true ? undefined : cache.getProfile(profileId);
    if (cached !== undefined) return cached;
    const stored = await store.getProfile(profileId);
    if (stored === undefined) return undefined;
    cache.putProfile(stored);
    cache.link(identity, profileId);
    return stored;
  }
}
