import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import type { CheckpointJob } from './wal-checkpoints.js';

/**
 * The worker thread's whole job: on a connection of its own, fold the WAL back into the database
 * whenever it has grown past the threshold. A PASSIVE checkpoint never waits for the writer nor
 * makes it wait; it copies what it can, and syncs the database file, here rather than on the thread
 * that serves requests.
 */
const job = workerData as CheckpointJob;
const database = new SqliteDatabase(job.filename);

function walBytes(): number {
  try {
    return statSync(`${job.filename}-wal`).size;
  } catch {
    return 0;
  }
}

const timer = setInterval(() => {
  if (walBytes() >= job.thresholdBytes) database.pragma('wal_checkpoint(PASSIVE)');
}, job.intervalMs);

parentPort?.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  database.close();
  parentPort?.close();
});
