/** A snapshot of derived state, as listed: its parts are read separately. */
export interface SnapshotHeader {
  /** Sorts in the order snapshots were begun: ids made with `snapshotId`. */
  readonly id: string;
  /** The version of the format its parts are in; a reader ignores a format it does not know. */
  readonly format: number;
  /** Epoch ms when it was taken. */
  readonly createdAt: number;
  /** How many parts it has (numbered from 0). */
  readonly parts: number;
  /** Their total size, bytes. */
  readonly bytes: number;
  /** What the format records beside the parts (the log position, ...), as JSON. */
  readonly meta: string;
}

/** Where every event at or before `seq` is committed: no event can appear at or below it later. */
export interface LogWatermark {
  readonly seq: number;
}

/**
 * Snapshots of the state a node derives from the event log, so a restart replays only the events
 * after one. A snapshot's parts are written first and its header last, so a reader never sees an
 * unfinished one.
 */
export interface SnapshotStore {
  putSnapshotPart(snapshotId: string, part: number, data: Uint8Array): Promise<void>;
  /** Makes a snapshot whose parts are all written visible. */
  commitSnapshot(header: SnapshotHeader): Promise<void>;
  /** The newest snapshots, newest first, at most `limit`. */
  latestSnapshots(limit: number): Promise<SnapshotHeader[]>;
  /** Parts `from` to `from + limit - 1` of a snapshot, in order (fewer when some are missing). */
  snapshotParts(snapshotId: string, from: number, limit: number): Promise<Uint8Array[]>;
  /**
   * Deletes every snapshot but those in `keep`, and the parts of unfinished snapshots begun before
   * the oldest kept one (a snapshot being written now is newer, and keeps its parts).
   */
  pruneSnapshots(keep: readonly string[]): Promise<void>;
  /**
   * The highest event seq below which nothing can still be committed. On SQLite, the highest seq
   * (one writer at a time, so seqs are committed in order); on PostgreSQL, read while writers of
   * events are held off for an instant, since a seq is taken before its transaction commits and
   * transactions commit in any order.
   */
  logWatermark(): Promise<LogWatermark>;
  /** Changes whenever a customer is erased: a snapshot taken before an erasure is never read. */
  erasureMark(): Promise<string>;
  /** Profile merges made at or after `since` (epoch ms), oldest first. */
  mergesSince(since: number): Promise<{ readonly from: string; readonly into: string }[]>;
}

/** A snapshot id that sorts by `now` (epoch ms), unique with `nonce`. */
export function snapshotId(now: number, nonce: string): string {
  return `${String(now).padStart(15, '0')}-${nonce}`;
}
