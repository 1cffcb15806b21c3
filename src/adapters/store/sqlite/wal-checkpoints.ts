import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';
import { packageRoot } from '../../files/package-root.js';

/** What the checkpoint worker is given. */
export interface CheckpointJob {
  readonly filename: string;
  /** The WAL size from which the worker folds it back into the database. */
  readonly thresholdBytes: number;
  readonly intervalMs: number;
}

/** Frames after which the serving connection checkpoints itself: SQLite's own rule, as before. */
const SERVING_CHECKPOINT_FRAMES = 4_000;
/**
 * With the worker, the serving connection still checkpoints past this many frames. The worker's
 * checkpoints run beside commits, so under steady writing they may never find the WAL all copied,
 * and only a complete checkpoint lets the next write start the WAL over: this one, on the writer's
 * own thread between commits, completes, and has only what the worker left to copy.
 */
const BACKSTOP_FRAMES = 16_000;

/**
 * Checkpoints of the embedded store's WAL on a worker thread. A checkpoint copies every page the
 * WAL holds back into the database and syncs the database file; done by SQLite itself after a
 * commit, it ran on the thread that serves requests, was about two fifths of a commit's cost while
 * ingesting, and stalled that thread for the sync.
 */
export class WalCheckpoints {
  #stopping = false;

  private constructor(
    private readonly worker: Worker,
    private readonly exited: Promise<void>,
  ) {}

  /**
   * Starts the worker for the store at `filename` and has `database` (its serving connection)
   * leave most checkpoints to it; leaves SQLite's own checkpoints in place when the built worker is
   * missing, or if the worker fails later.
   */
  static start(
    database: SqliteDatabase.Database,
    filename: string,
    options: {
      readonly thresholdBytes?: number;
      readonly intervalMs?: number;
      /** The worker's script; the built one unless a test gives another. */
      readonly script?: string;
    } = {},
  ): WalCheckpoints | undefined {
    database.pragma(`wal_autocheckpoint = ${SERVING_CHECKPOINT_FRAMES}`);
    const script =
      options.script ?? join(packageRoot(), 'dist/src/adapters/store/sqlite/checkpoint-worker.js');
    if (!existsSync(script)) return undefined;
    const pageSize = database.pragma('page_size', { simple: true }) as number;
    const job: CheckpointJob = {
      filename,
      thresholdBytes: options.thresholdBytes ?? SERVING_CHECKPOINT_FRAMES * pageSize,
      intervalMs: options.intervalMs ?? 50,
    };
    const worker = new Worker(script, { workerData: job });
    // A node shutting down does not wait on the worker's timer; close() stops it in order.
    worker.unref();
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    const checkpoints = new WalCheckpoints(worker, exited);
    // A worker that fails hands checkpoints back to SQLite on the serving connection.
    worker.once('error', () => undefined);
    void exited.then(() => {
      if (!checkpoints.#stopping && database.open)
        database.pragma(`wal_autocheckpoint = ${SERVING_CHECKPOINT_FRAMES}`);
    });
    database.pragma(`wal_autocheckpoint = ${BACKSTOP_FRAMES}`);
    return checkpoints;
  }

  /**
   * Stops the worker and closes its connection, so the serving connection closes last. The worker
   * counts again while it stops: otherwise a command that closes its store last would find nothing
   * left to wait for, and exit before the close returned.
   */
  close(): Promise<void> {
    this.#stopping = true;
    this.worker.ref();
    this.worker.postMessage('stop');
    return this.exited;
  }
}
