import { randomUUID } from 'node:crypto';
import type { EventWeights } from '../../domain/recommendations/index.js';
import type { Clock } from '../../ports/clock.js';
import { snapshotId, type SnapshotHeader } from '../../ports/snapshot-store.js';
import type { Store } from '../../ports/store.js';
import { Learner } from './learner.js';
import type { ServingModels } from './serving-models.js';
import { decodeState, encodeState, type EncodedState } from './snapshot-codec.js';

/**
 * The version of what a snapshot holds and how. A snapshot of another version is not read (the node
 * replays the whole log instead): raise it whenever the records, or what the online model keeps,
 * change meaning. 2: the co-purchase counts name the items they no longer follow, and are kept
 * when not exact (an older node would read such counts as whole). 3: the counts say when each item
 * was first seen and whether any are kept (an older node would count afresh where none are kept).
 * 4: the counts' pairs are numbers, each under its later item (`r` records, which an older node
 * cannot read).
 */
export const SNAPSHOT_FORMAT = 4;
/**
 * Versions this node reads: format 1's records mean the same here (its counts follow every item);
 * format 2's items are taken as seen from the start; formats 1 to 3 hold the counts' pairs by name
 * (`q` records).
 */
const READABLE_FORMATS: ReadonlySet<number> = new Set([1, 2, 3, SNAPSHOT_FORMAT]);
/** Snapshots kept: the newest, and one before it should the newest not read. */
const KEPT = 2;
/** Parts read from the store at a time. */
const PARTS_PER_READ = 8;
/** How often the schedule looks whether a snapshot is due, ms. */
const CHECK_MS = 30_000;

export interface SnapshotSettings {
  /** Whether snapshots are written and read at all. */
  readonly enabled: boolean;
  /** Minutes between snapshots; 0: none on a schedule. */
  readonly minutes: number;
  /** A snapshot once this many lessons were learnt since the last; 0: none by count. */
  readonly events: number;
  /**
   * How long after taking the log position the state is read, ms: time for the lessons of events
   * committed up to it to reach the models (from this node's commits at once, from others' over the bus).
   */
  readonly graceMs: number;
}

/** Why a stored snapshot was not read: the node replays more of the log instead. */
export type SnapshotRejection = 'format' | 'settings' | 'erasure' | 'unreadable';

/** What a snapshot records beside its parts. */
interface SnapshotMeta {
  /** Every event at or before this seq is in the state; later ones may be, by their messageId. */
  readonly position: number;
  readonly erasures: string;
  /** The settings the state was learnt with. */
  readonly settings: string;
  readonly records: number;
}

/** A learner put back from a snapshot, and where in the log it stands. */
export interface RestoredLearner {
  readonly learner: Learner;
  readonly position: number;
  readonly header: SnapshotHeader;
}

export interface ModelSnapshotsDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly serving: ServingModels;
  readonly weights: EventWeights;
  /** Bytes of customers' histories a restored model may hold (see `CustomerHistories`). */
  readonly customerCacheBytes?: number;
  readonly settings: SnapshotSettings;
  /** Is a rebuild of the models under way (a snapshot waits for it). */
  readonly isRebuilding: () => boolean;
  readonly onRejected: (header: SnapshotHeader, reason: SnapshotRejection, error?: unknown) => void;
  readonly onError: (error: unknown) => void;
}

/**
 * Snapshots of the online recommendation state in the store: written on a schedule, after a number
 * of lessons and on a graceful stop, and read at start so only the events after one are replayed.
 * A snapshot records an exact log position (every event at or before it is in the state) and the
 * ids of the lessons learnt (those after it that are in the state are skipped on replay), so no
 * event counts twice or goes missing.
 */
export class ModelSnapshots {
  #timer: ReturnType<typeof setInterval> | undefined;
  #writing: Promise<SnapshotHeader | undefined> | undefined;
  #lastAt: number;
  #learntAtLast = 0;
  /** The log position and erasure mark of the newest snapshot written or read. */
  #positionAtLast: number | undefined;
  #erasuresAtLast: string | undefined;
  /** The newest snapshot written or read, for `/metrics`. */
  latest: SnapshotHeader | undefined;
  /** Snapshots the start passed over, and why. */
  readonly rejected: { readonly id: string; readonly reason: SnapshotRejection }[] = [];

  constructor(private readonly deps: ModelSnapshotsDeps) {
    this.#lastAt = deps.clock.now();
  }

  #reject(header: SnapshotHeader, reason: SnapshotRejection, error?: unknown): void {
    this.rejected.push({ id: header.id, reason });
    this.deps.onRejected(header, reason, error);
  }

  /** What the state is learnt with: a snapshot learnt otherwise is not read. */
  get #fingerprint(): string {
    return JSON.stringify({ weights: this.deps.weights });
  }

  /** Writes snapshots on the schedule the settings give. */
  start(): void {
    const { enabled, minutes, events } = this.deps.settings;
    if (!enabled || (minutes <= 0 && events <= 0)) return;
    this.#timer = setInterval(() => void this.writeIfDue().catch(this.deps.onError), CHECK_MS);
    this.#timer.unref();
  }

  /**
   * What the schedule does at each look: a snapshot once enough lessons were learnt since the last,
   * or once its minutes have passed and something moved on (a lesson, the log, an erasure: a
   * snapshot from before an erasure is not read at start). A node with nothing new writes none: the
   * state would be the one stored, and serialising a large model again takes seconds of the event
   * loop (a node idle overnight took one every 15 minutes). Undefined when none was written.
   */
  async writeIfDue(): Promise<SnapshotHeader | undefined> {
    const { clock, serving, store, settings } = this.deps;
    const { minutes, events } = settings;
    const learntSince = serving.learnt - this.#learntAtLast;
    if (events > 0 && learntSince >= events) return this.write();
    if (minutes <= 0 || clock.now() - this.#lastAt < minutes * 60_000) return undefined;
    const unchanged =
      learntSince === 0 &&
      this.#positionAtLast === (await store.logWatermark()).seq &&
      this.#erasuresAtLast === (await store.erasureMark());
    if (unchanged) {
      this.#lastAt = clock.now();
      return undefined;
    }
    return this.write();
  }

  /**
   * Stops the schedule and, on a graceful stop, writes a last snapshot at the end of the log (no
   * grace: nothing is arriving). One under way is waited for first, not taken as the last: it took
   * its position before the latest events (at the end of a bulk load, before the last tens of
   * thousands), and the next start would replay them all, loading each customer's history.
   */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    if (!this.deps.settings.enabled) return;
    // Its failure is reported where it was started.
    await this.#writing?.catch(() => undefined);
    await this.write({ graceMs: 0 }).catch(this.deps.onError);
  }

  /**
   * Writes a snapshot of the models in service; resolves to it, or to undefined when none could be
   * taken now (snapshots off, a rebuild under way, an erasure not rebuilt yet). One at a time.
   */
  write(options: { graceMs?: number } = {}): Promise<SnapshotHeader | undefined> {
    this.#writing ??= this.#writeNow(options.graceMs ?? this.deps.settings.graceMs).finally(
      () => (this.#writing = undefined),
    );
    return this.#writing;
  }

  async #writeNow(graceMs: number): Promise<SnapshotHeader | undefined> {
    const { store, clock, serving, settings } = this.deps;
    if (!settings.enabled || this.deps.isRebuilding() || serving.awaitsRebuild) return undefined;
    // Changes still waiting from an earlier hold would be missing from what is read, yet counted in
    // by the position taken next.
    await serving.settled();
    const erasures = await store.erasureMark();
    const { seq: position } = await store.logWatermark();
    if (graceMs > 0) await new Promise((resolve) => setTimeout(resolve, graceMs));
    if (this.deps.isRebuilding() || serving.awaitsRebuild) return undefined;
    const createdAt = clock.now();
    const learnt = serving.learnt;
    // The model stands still only while its records are read; what arrives meanwhile is learnt after.
    const release = serving.hold();
    let caughtUp: Promise<void> | undefined;
    // A lesson that fails to be learnt is reported, not taken for a failed snapshot: the records were read.
    const letGo = () => void (caughtUp ??= release().catch(this.deps.onError));
    let encoded: EncodedState;
    try {
      encoded = await encodeState(serving.learner.stateRecords(), { whenRead: letGo });
    } finally {
      letGo();
      await caughtUp;
    }
    const meta: SnapshotMeta = { position, erasures, settings: this.#fingerprint, records: encoded.records };
    const header: SnapshotHeader = {
      id: snapshotId(createdAt, randomUUID()),
      format: SNAPSHOT_FORMAT,
      createdAt,
      parts: encoded.parts.length,
      bytes: encoded.bytes,
      meta: JSON.stringify(meta),
    };
    for (const [index, part] of encoded.parts.entries()) await store.putSnapshotPart(header.id, index, part);
    await store.commitSnapshot(header);
    const kept = await store.latestSnapshots(KEPT);
    await store.pruneSnapshots(kept.map((entry) => entry.id));
    this.#lastAt = createdAt;
    this.#learntAtLast = learnt;
    this.#positionAtLast = position;
    this.#erasuresAtLast = erasures;
    this.latest = header;
    return header;
  }

  /**
   * The newest snapshot that reads, put back into a fresh learner; undefined when there is none
   * (snapshots off, none written yet, none readable), and the node replays the whole log. Each
   * snapshot passed over is reported with why.
   */
  async load(): Promise<RestoredLearner | undefined> {
    const { store, settings } = this.deps;
    if (!settings.enabled) return undefined;
    const headers = await store.latestSnapshots(KEPT);
    const erasures = headers.length === 0 ? '' : await store.erasureMark();
    for (const header of headers) {
      let meta: SnapshotMeta | undefined;
      try {
        meta = READABLE_FORMATS.has(header.format) ? (JSON.parse(header.meta) as SnapshotMeta) : undefined;
      } catch (error) {
        this.#reject(header, 'unreadable', error);
        continue;
      }
      const rejection: SnapshotRejection | undefined =
        meta === undefined
          ? 'format'
          : meta.settings !== this.#fingerprint
            ? 'settings'
            : meta.erasures !== erasures
              ? 'erasure'
              : undefined;
      if (meta === undefined || rejection !== undefined) {
        this.#reject(header, rejection ?? 'format');
        continue;
      }
      try {
        const learner = await this.#read(header, meta);
        this.latest = header;
        this.#lastAt = header.createdAt;
        this.#positionAtLast = meta.position;
        this.#erasuresAtLast = meta.erasures;
        return { learner, position: meta.position, header };
      } catch (error) {
        this.#reject(header, 'unreadable', error);
      }
    }
    return undefined;
  }

  async #read(header: SnapshotHeader, meta: SnapshotMeta): Promise<Learner> {
    const { store } = this.deps;
    const learner = new Learner(this.deps.weights, this.deps.customerCacheBytes);
    // A snapshot holds no customers (an older one may hold some): any may have a history in the log.
    learner.model.customers.complete = false;
    // An older snapshot holds no co-purchase counts (no `e` record): the model keeps none, and EASE
    // trains from the histories in the log.
    learner.model.coPurchases.keepNone();
    let parts = 0;
    async function* partsOf(): AsyncGenerator<Uint8Array> {
      for (let from = 0; from < header.parts; from += PARTS_PER_READ) {
        const page = await store.snapshotParts(header.id, from, PARTS_PER_READ);
        parts += page.length;
        yield* page;
        if (page.length < Math.min(PARTS_PER_READ, header.parts - from)) return;
      }
    }
    const records = await decodeState(partsOf(), (record) => learner.restore(record));
    if (parts !== header.parts || records !== meta.records || typeof meta.position !== 'number')
      throw new Error(`snapshot ${header.id} is incomplete: ${parts} parts, ${records} records`);
    // Format 1 left the counts out once it gave them up: as a snapshot without them.
    if (header.format === 1 && !learner.model.coPurchases.exact) learner.model.coPurchases.keepNone();
    learner.model.customers.trim();
    return learner;
  }
}
