import type { Profile, RankedOrderValues, TrackedEvent } from '../domain/profiles/index.js';
import type { ScheduledStep } from './journey-store.js';

/** Which kind of id a customer is known by. */
export type IdentityKind = 'user' | 'anon';

export interface Identity {
  readonly kind: IdentityKind;
  readonly value: string;
}

/** A profile and the version its row is at, for optimistic concurrency. */
export interface VersionedProfile {
  readonly profile: Profile;
  readonly version: number;
}

/** An event as stored: the event and the profile it counted for. */
export interface StoredEvent {
  readonly seq: number;
  readonly profileId: string;
  readonly event: TrackedEvent;
}

/** An order counted once by its id, whichever way it arrived. */
export interface OrderRecord {
  readonly orderId: string;
  readonly profileId: string;
  readonly messageId: string;
  readonly currency: string;
  readonly amount: number;
  /** ISO 8601. */
  readonly at: string;
  readonly source: 'event' | 'api';
}

/** An identity link to write: a new one (`previousProfileId` null) or one moving to another profile. */
export interface IdentityLink extends Identity {
  readonly profileId: string;
  readonly previousProfileId: string | null;
}

/** A profile to write: a new one (`expectedVersion` null) or an update of the version read. */
export interface ProfileWrite {
  readonly profile: Profile;
  readonly expectedVersion: number | null;
  /**
   * The profile as read at `expectedVersion`, when the writer has it: the store then rewrites only
   * what changed since (most events leave a customer's orders alone, and rewriting their indexed
   * order facts anyway dirtied index pages all over the file on every commit).
   */
  readonly stored?: Profile;
}

/** Raised when another writer got there first (a profile version moved, an id was linked): retry. */
export class WriteConflict extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteConflict';
  }
}

/** A membership that changed: the customer entered (`member`) or left the segment. */
export interface MembershipChange {
  readonly segmentId: string;
  readonly profileId: string;
  readonly member: boolean;
  readonly at: number;
}

/** A webhook message to send once the transaction commits. */
export interface OutboxEntry {
  readonly id: string;
  readonly webhookId: string;
  /** The profile the message is about: erasure deletes it with the profile, a merge moves it. */
  readonly profileId: string;
  readonly type: string;
  readonly payload: string;
}

/** The writes of one ingestion batch, all in one transaction. */
export interface ProfileTransaction {
  /** Records entries and exits. */
  changeMemberships(changes: readonly MembershipChange[]): Promise<void>;
  /** Queues webhook messages, delivered after commit (the transactional outbox). */
  enqueueMessages(entries: readonly OutboxEntry[], now: number): Promise<void>;
  /** Plans journey steps the batch triggered, once per occurrence (see `JourneyStore.scheduleJourneySteps`). */
  scheduleJourneySteps(steps: readonly ScheduledStep[]): Promise<number>;
  /** Sets or clears when each profile's time windows next need a look. */
  scheduleChecks(checks: readonly { profileId: string; dueAt: number | null }[]): Promise<void>;
  findProfileIds(identities: readonly Identity[]): Promise<Map<string, string>>;
  /**
   * Keeps other writers off the stored profiles among `ids` until the transaction ends, taken in id
   * order so two writers of the same customers queue rather than deadlock, and answers the version
   * each locked profile is at (a profile not in the answer is not stored). A writer that reads a
   * profile after locking it, or checks its cached copy against that version, cannot lose its write
   * to another node's. A store that runs one writer at a time has nothing to lock: undefined.
   */
  lockProfiles(ids: readonly string[]): Promise<ReadonlyMap<string, number> | undefined>;
  /**
   * Keeps other writers from linking any of these ids until the transaction ends (taken in one order,
   * before any profile is locked, as every writer of events does). A writer that found an id linked
   * to no profile locks it, then reads its link again: either another writer linked it meanwhile and
   * it is found, or this writer is the one to link it. False for a store that runs one writer at a
   * time, which has nothing to lock.
   */
  lockIdentities(identities: readonly Identity[]): Promise<boolean>;
  getProfiles(ids: readonly string[]): Promise<Map<string, VersionedProfile>>;
  /** When each of the given salted id hashes was erased, for those that were. */
  erasedAt(idHashes: readonly string[]): Promise<Map<string, number>>;
  /** The messageIds among `messageIds` already stored. */
  existingMessageIds(messageIds: readonly string[]): Promise<Set<string>>;
  /** @throws WriteConflict when one of them was stored meanwhile. */
  insertEvents(rows: readonly { profileId: string; event: TrackedEvent }[]): Promise<void>;
  /** Records orders not seen before; resolves to the orderIds it recorded. */
  insertOrders(rows: readonly OrderRecord[]): Promise<Set<string>>;
  orderAmounts(orderIds: readonly string[]): Promise<Map<string, { currency: string; amount: number }>>;
  /** @throws WriteConflict when a link changed meanwhile. */
  linkIdentities(links: readonly IdentityLink[], now: number): Promise<void>;
  /** @throws WriteConflict when a profile changed meanwhile. Resolves to each profile's new version. */
  writeProfiles(writes: readonly ProfileWrite[], now: number): Promise<Map<string, number>>;
  /**
   * Moves a merged profile's events, orders and remaining ids to the profile it merged into, deletes
   * it and records the merge. @throws WriteConflict when it is no longer at `expectedVersion`.
   */
  absorbProfile(
    fromProfileId: string,
    intoProfileId: string,
    expectedVersion: number,
    now: number,
  ): Promise<void>;
}

/** A customer to erase, with what the store needs to find them wherever they were kept. */
export interface Erasure {
  readonly profileId: string;
  /** Their userId, as price-list audiences name customers. */
  readonly userId: string;
  /** Their anonymous ids, as webhook messages written before profile links named them. */
  readonly anonymousIds: readonly string[];
  /**
   * Salted hashes of every id: kept so that replays are recognised, and how checkout orders and
   * per-customer promotion usage are keyed.
   */
  readonly idHashes: readonly string[];
  /** What takes the userId's place in price-list audiences (see `withCustomerErased`). */
  readonly standIn: string;
  readonly now: number;
}

/** What `DELETE /v1/profiles/{userId}` removed. */
export interface ErasureCounts {
  readonly profiles: number;
  readonly identities: number;
  readonly events: number;
  readonly orders: number;
}

/** A page of the event log's track events. */
export interface TrackEventPage {
  readonly events: StoredEvent[];
  /** The seq to read on after; undefined once the end of the log was read. */
  readonly next: number | undefined;
}

/**
 * Lets waiting requests run when the caller's slice of the thread is spent: a promise to await
 * then, undefined when the work may go straight on (so a loop pays no turn of the event loop per item).
 */
export type GiveWay = () => Promise<void> | undefined;

/** How a profile transaction shares its thread with the rest of the node. */
export interface TransactionOptions {
  /**
   * Called between the statements of a long write (a batch's events and profiles go a few hundred
   * rows a statement); a promise it returns is awaited there, the transaction staying open, so a
   * caller that shares its thread with requests can let them run.
   */
  readonly giveWay?: GiveWay;
}

/** Durable events, orders, profiles and identities. */
export interface ProfileStore {
  /** Runs `work` in one transaction: all its writes land together or not at all. */
  profileTransaction<T>(
    work: (tx: ProfileTransaction) => Promise<T>,
    options?: TransactionOptions,
  ): Promise<T>;
  findProfileId(identity: Identity): Promise<string | undefined>;
  getProfile(id: string): Promise<VersionedProfile | undefined>;
  /** The profiles among `ids` that exist, read together (a few statements however many ids). */
  getProfiles(ids: readonly string[]): Promise<Map<string, VersionedProfile>>;
  /** Every profile, a page at a time in id order (back-fills, a rebuild of the models). */
  scanProfiles(afterId: string | undefined, limit: number): Promise<VersionedProfile[]>;
  /** Every profile's id, a page at a time in id order, without reading the profiles themselves. */
  scanProfileIds(afterId: string | undefined, limit: number): Promise<string[]>;
  /**
   * Among the customers who have ordered (an order count above 0 and a latest order), how many,
   * and their values at the ranks `ranksOf(count)` names (see `RankedOrderValues`), read from
   * indexes a row per rank: the RFM quintiles without loading every profile.
   */
  rankedOrderValues(
    currency: string,
    ranksOf: (count: number) => readonly number[],
  ): Promise<RankedOrderValues>;
  /** The profile's events in arrival order. */
  eventsOf(profileId: string): Promise<StoredEvent[]>;
  /**
   * The profile's latest events of these names stored before `beforeSeq`, newest first, at most
   * `limit`: a page of the log read backwards.
   */
  latestEventsOf(
    profileId: string,
    names: readonly string[],
    beforeSeq: number,
    limit: number,
  ): Promise<StoredEvent[]>;
  /**
   * The track events among the `limit` events after `afterSeq`, in arrival order (models rebuilt
   * from the log), and where the next page starts. The other types are left out after the page is
   * read, so a page costs the same whatever the store's statistics say of the types.
   */
  scanTrackEvents(afterSeq: number, limit: number): Promise<TrackEventPage>;
  ordersOf(profileId: string): Promise<OrderRecord[]>;
  mergesInto(profileId: string): Promise<{ fromProfileId: string; at: number }[]>;
  countEvents(): Promise<number>;
  countProfiles(): Promise<number>;
  /**
   * Deletes a profile and everything derived from it or naming it (events, orders, decisions,
   * webhook messages, checkout orders, per-customer promotion usage), replaces the userId in
   * price-list audiences and their history, and records the salted hashes of its ids so that
   * replayed old events cannot bring it back. One transaction; a writer of the same profile on any
   * node either commits before it or finds the profile gone. Leaves no trace of the ids or traits
   * in the store files.
   */
  eraseProfile(erasure: Erasure): Promise<ErasureCounts>;
  /** Salted hashes of erased ids and when they were erased. */
  erasures(): Promise<Map<string, number>>;
}
