import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EaseCounts, EaseTrainingSet, EaseWeights } from '../../domain/recommendations/index.js';
import type { ModelTrainer } from '../../ports/model-trainer.js';
import { packageRoot } from '../files/package-root.js';

/**
 * What the worker receives: the rows flattened into one buffer, so they cross threads in one copy,
 * or the counts, whose buffers move without a copy.
 */
export interface EaseJob {
  readonly items: readonly string[];
  readonly flat: Int32Array;
  /** Row r is `flat[offsets[r] .. offsets[r + 1])`. */
  readonly offsets: Int32Array;
  readonly counts?: EaseCounts;
  readonly lambda: number;
}

/**
 * The job for a training set, and the buffers that move to the worker with it. The counts' buffers
 * move as they are (the port hands the set over): copying the demo's 24 MB of pairs first held
 * requests up to 100 ms.
 */
function jobOf(set: EaseTrainingSet, lambda: number): { job: EaseJob; moved: ArrayBuffer[] } {
  const items = [...set.items];
  if ('counts' in set) {
    const { counts } = set;
    const empty = new Int32Array(0);
    return {
      job: { items, flat: empty, offsets: empty, counts, lambda },
      moved: [counts.buyers.buffer, ...counts.pairs.map((chunk) => chunk.buffer)] as ArrayBuffer[],
    };
  }
  const { rows } = set;
  const offsets = new Int32Array(rows.length + 1);
  rows.forEach((row, index) => (offsets[index + 1] = (offsets[index] as number) + row.length));
  const flat = new Int32Array(offsets[rows.length] as number);
  rows.forEach((row, index) => flat.set(row, offsets[index]));
  return { job: { items, flat, offsets, lambda }, moved: [flat.buffer, offsets.buffer] };
}

/**
 * Trains in a fresh worker thread per job (a rebuild is minutes apart, so a pool buys nothing), from
 * the built `dist/` file: the service and the tests both run after `npm run build`.
 */
export function createWorkerModelTrainer(): ModelTrainer {
  const script = join(packageRoot(), 'dist/src/adapters/compute/ease-worker.js');
  return {
    trainEase(set, lambda) {
      const { items } = set;
      const { job, moved } = jobOf(set, lambda);
      return new Promise<EaseWeights>((resolve, reject) => {
        const worker = new Worker(script, { workerData: job, transferList: moved });
        // A node shutting down does not wait for a model it will never serve.
        worker.unref();
        let answered = false;
        worker.once('message', (weights: Float32Array) => {
          answered = true;
          resolve({ items, weights });
        });
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (!answered) reject(new Error(`the EASE worker stopped (exit code ${code}) without an answer`));
        });
      });
    },
  };
}
