import { randomUUID } from 'node:crypto';
import { readEvent, type ConsentDefault, type ProductTaxonomy } from '../../domain/profiles/index.js';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import { WriteConflict, type Identity, type Store } from '../../ports/store.js';
import { followOtherNodes } from '../follow-other-nodes.js';
import { FairSlices, giveWayBy, yieldToRequests, type GiveWay } from '../yield-to-requests.js';
import type { IdentityVerification, IgnoredChange, IndexedEvent } from './identity-verification.js';
import { identitiesOf, ingestBatch, type BatchResult, type IncomingEvent } from './ingest-batch.js';
import type { ProfileCache } from './profile-cache.js';
import { NO_RULES, type ProfileRules } from './profile-evaluation.js';

export interface EventIngestionDeps {
  readonly store: Store;
  readonly bus: EventBus;
  readonly clock: Clock;
  readonly cache: ProfileCache;
  readonly currency: string;
  readonly consentDefault: ConsentDefault;
  readonly nodeId: string;
  readonly productFacts: (productId: string) => ProductTaxonomy | undefined;
  readonly hashId: (identity: Identity) => string;
  /** Reports failures after acknowledgement (announcing a commit), which must not fail the request. */
  readonly onError: (error: unknown) => void;
  /** Segments, loyalty and webhooks in force; profiles only when absent. */
  readonly rules?: ProfileRules;
  /** Keeps publishable-key events from changing a known customer's identity without their token. */
  readonly identity: IdentityVerification;
  /** Told each time a commit starts again because another writer changed what it read (a metric). */
  readonly onStartedAgain?: () => void;
  /** How a commit takes turns with requests: fair slices unless replaced (a test forcing every turn). */
  readonly newSlices?: () => FairSlices;
}

/** An event that was refused, by its position in what was submitted. */
export interface RejectedEvent {
  readonly index: number;
  readonly code: string;
  readonly pointer: string;
  readonly detail: string;
}

export interface IngestResult {
  readonly accepted: number;
  readonly rejected: readonly RejectedEvent[];
  /** Parts of accepted events left out (a known customer's consent, traits or links without their token). */
  readonly ignored: readonly IgnoredChange[];
}

export interface SubmitOptions {
  /** Sent with a secret key: order events are allowed. */
  readonly fromServer: boolean;
  /** A batch envelope's `context` and `sentAt`. */
  readonly envelope?: { readonly context?: unknown; readonly sentAt?: unknown };
  /** The `X-Customer-Token` the request carried (an event's `context.customerToken` otherwise). */
  readonly customerToken?: string;
  /** The caller already proved who the events are for (the consent route checks the token itself). */
  readonly identityProven?: boolean;
}

type Listener = (result: BatchResult) => void | Promise<void>;

/** A queued submission of events, or work that must run alone between commits. */
type QueueItem =
  | {
      readonly kind: 'events';
      readonly events: IncomingEvent[];
      readonly resolve: (result: BatchResult) => void;
      readonly reject: (error: unknown) => void;
    }
  | { readonly kind: 'exclusive'; readonly run: () => Promise<void> };
type PendingEvents = Extract<QueueItem, { kind: 'events' }>;

/**
 * Events per transaction: submissions arriving together share one commit (group commit). On SQLite
 * a commit writes every page its events and profiles touched, so fewer, larger commits cost less:
 * at most 500 events a commit took about a quarter more of the node's CPU than 2,000 to ingest
 * the S history (medians of four runs).
 */
const MAX_EVENTS_PER_COMMIT = 2_000;
const MAX_ATTEMPTS = 8;

/**
 * The event pipeline. Each submission is validated event by event; the valid events join a queue,
 * and whatever is queued is written in one transaction (group commit), so many small requests cost
 * one durable commit and a submission is acknowledged only once its events are committed. One
 * commit runs at a time per node; across nodes the store's version checks make a loser retry.
 */
export class EventIngestion {
  readonly #queue: QueueItem[] = [];
  readonly #listeners: Listener[] = [];
  readonly #readModels: ((result: BatchResult, giveWay: GiveWay) => void | Promise<void>)[] = [];
  #draining = false;

  constructor(private readonly deps: EventIngestionDeps) {}

  /** Follows other nodes' profile changes, dropping what they changed from this node's cache. */
  async start(): Promise<void> {
    await followOtherNodes(this.deps.bus, this.deps.nodeId, 'profiles', {
      changed: ({ profileIds, identities }) => this.deps.cache.forget(profileIds, identities),
      missed: () => this.deps.cache.clear(),
    });
  }

  /** Calls `listener` after every commit with what changed (for segments, models, live updates). */
  onCommitted(listener: Listener): void {
    this.#listeners.push(listener);
  }

  /**
   * Calls `update` after every commit and before the submitters hear their events are stored, so a
   * read model kept in memory (recommendations) already shows them to the next request. It must not
   * throw: it runs between the commit and the acknowledgement. A long update awaits `giveWay` between
   * its parts, so requests take turns with it as they do with the commit's transaction.
   */
  onCommittedBeforeAck(update: (result: BatchResult, giveWay: GiveWay) => void | Promise<void>): void {
    this.#readModels.push(update);
  }

  /** Validates and ingests events; resolves once the accepted ones are durable. */
  async submit(raws: readonly unknown[], options: SubmitOptions): Promise<IngestResult> {
    const receivedAt = this.deps.clock.now();
    const rejected: RejectedEvent[] = [];
    const read: IndexedEvent[] = [];
    raws.forEach((raw, index) => {
      const result = readEvent(raw, {
        receivedAt,
        storeCurrency: this.deps.currency,
        fromServer: options.fromServer,
        fallbackMessageId: `srv-${randomUUID()}`,
        ...(options.envelope !== undefined && { envelope: options.envelope }),
      });
      if (result.ok) read.push({ index, event: result.event });
      else rejected.push({ index, ...result.problem });
    });
    const checked = await this.deps.identity.check(read, {
      trusted: options.fromServer || options.identityProven === true,
      ...(options.customerToken !== undefined && { customerToken: options.customerToken }),
    });
    const indexOf = new Map<IncomingEvent, number>();
    const events = checked.events.map(({ index, event, verifiedAs }) => {
      const incoming: IncomingEvent = {
        event,
        fromServer: options.fromServer,
        ...(verifiedAs !== undefined && { verifiedAs }),
      };
      indexOf.set(incoming, index);
      return incoming;
    });
    const committed = events.length > 0 ? await this.#enqueue(events) : undefined;
    // What the transaction left out of these events, had their check been overtaken by a commit.
    const late = (committed?.ignored ?? []).flatMap(({ incoming, pointer }) => {
      const index = indexOf.get(incoming);
      return index === undefined ? [] : [{ index, reason: 'customer_token_required' as const, pointer }];
    });
    return { accepted: read.length, rejected, ignored: [...checked.ignored, ...late] };
  }

  /** Runs `work` between commits, so it never races a batch on this node (erasure uses this). */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ kind: 'exclusive', run: () => work().then(resolve, reject) });
      this.#kick();
    });
  }

  #enqueue(events: IncomingEvent[]): Promise<BatchResult> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ kind: 'events', events, resolve, reject });
      this.#kick();
    });
  }

  #kick(): void {
    if (this.#draining) return;
    this.#draining = true;
    void this.#drain().finally(() => {
      this.#draining = false;
      if (this.#queue.length > 0) this.#kick();
    });
  }

  async #drain(): Promise<void> {
    for (let head = this.#queue[0]; head !== undefined; head = this.#queue[0]) {
      if (head.kind === 'exclusive') {
        this.#queue.shift();
        await head.run();
        continue;
      }
      // Let the requests that arrived during the last commit be read first, so they share the next one.
      await new Promise((resolve) => setImmediate(resolve));
      await this.#commitGroup(this.#takeGroup());
    }
  }

  /**
   * Commits the submissions of `group` together and acknowledges them. Should the shared commit fail
   * anyway (the store refusing something event reading let through), each submission is committed
   * alone, so only the one at fault fails and the others never answer 500 for its sake.
   */
  async #commitGroup(group: readonly PendingEvents[]): Promise<void> {
    let result: BatchResult;
    // A batch of hundreds of events is tens of milliseconds of work: requests take turns with it.
    const giveWay = giveWayBy(this.deps.newSlices?.() ?? new FairSlices());
    try {
      result = await this.#commit(
        group.flatMap((pending) => pending.events),
        giveWay,
      );
    } catch (error) {
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
      this.deps.onError(error);
      for (const pending of group) await this.#commitGroup([pending]);
      return;
    }
    for (const update of this.#readModels) {
      try {
        await update(result, giveWay);
      } catch (error) {
        this.deps.onError(error);
      }
    }
    for (const pending of group) pending.resolve(result);
    // The followers (segments' live updates, analytics, journeys) may hear of it a turn later.
    await yieldToRequests();
    await this.#announce(result).catch((error: unknown) => this.deps.onError(error));
  }

  /** The queued submissions that go into the next commit: as many as fit, in arrival order. */
  #takeGroup() {
    const group: PendingEvents[] = [];
    let count = 0;
    for (let next = this.#queue[0]; next?.kind === 'events'; next = this.#queue[0]) {
      if (group.length > 0 && count + next.events.length > MAX_EVENTS_PER_COMMIT) break;
      group.push(next);
      count += next.events.length;
      this.#queue.shift();
    }
    return group;
  }

  async #commit(events: readonly IncomingEvent[], giveWay: GiveWay): Promise<BatchResult> {
    const { store, cache } = this.deps;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await store.profileTransaction(
          (tx) =>
            ingestBatch(tx, events, {
              cache,
              newProfileId: () => `prof_${randomUUID()}`,
              productFacts: this.deps.productFacts,
              consentDefault: this.deps.consentDefault,
              hashId: this.deps.hashId,
              now: this.deps.clock.now(),
              giveWay,
              ...this.#rulesNow(),
            }),
          { giveWay },
        );
        this.#remember(result);
        return result;
      } catch (error) {
        if (!(error instanceof WriteConflict) || attempt >= MAX_ATTEMPTS) throw error;
        this.deps.onStartedAgain?.();
        // Another node changed what this batch read: forget it all and read it again from the store.
        const identities = events.flatMap(({ event }) => identitiesOf(event));
        cache.forget(
          identities.flatMap((identity) => cache.profileIdOf(identity) ?? []),
          identities,
        );
      }
    }
  }

  /** The rules as they stand for this commit (a segment written meanwhile applies from the next). */
  #rulesNow() {
    const rules = this.deps.rules ?? NO_RULES;
    return {
      activity: rules.activitySpec(),
      loyalty: rules.loyaltyProgram(),
      ...(rules.evaluate !== undefined && { evaluate: rules.evaluate }),
      toOutbox: (announcements: Parameters<ProfileRules['toOutbox']>[0]) => rules.toOutbox(announcements),
      ...(rules.planJourneys !== undefined && {
        planJourneys: (batch: Parameters<NonNullable<ProfileRules['planJourneys']>>[0]) =>
          rules.planJourneys?.(batch) ?? [],
      }),
    };
  }

  #remember(result: BatchResult): void {
    const { cache } = this.deps;
    cache.forget(result.absorbed.map((merge) => merge.from));
    for (const entry of result.profiles) cache.putProfile(entry);
    for (const { identity, profileId } of result.resolved) cache.link(identity, profileId);
  }

  async #announce(result: BatchResult): Promise<void> {
    const profileIds = [
      ...result.profiles.map((entry) => entry.profile.id),
      ...result.absorbed.map((merge) => merge.from),
    ];
    if (profileIds.length > 0) {
      await this.deps.bus.publish('profiles', {
        origin: this.deps.nodeId,
        profileIds,
        identities: result.resolved.map(({ identity }) => identity),
        checks: result.checks,
      });
    }
    for (const listener of this.#listeners) await listener(result);
  }
}
