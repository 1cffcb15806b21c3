import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EaseWeights } from '../../domain/recommendations/index.js';
import type { ModelTrainer } from '../../ports/model-trainer.js';
import { packageRoot } from '../files/package-root.js';

/** What the worker receives: the rows flattened into one buffer, so they cross threads in one copy. */
export interface EaseJob {
  readonly items: readonly string[];
  readonly flat: Int32Array;
  /** Row r is `flat[offsets[r] .. offsets[r + 1])`. */
  readonly offsets: Int32Array;
  readonly lambda: number;
}

/**
 * Trains in a fresh worker thread per job (a rebuild is minutes apart, so a pool buys nothing), from
 * the built `dist/` file: the service and the tests both run after `npm run build`.
 */
export function createWorkerModelTrainer(): ModelTrainer {
  const script = join(packageRoot(), 'dist/src/adapters/compute/ease-worker.js');
  return {
    trainEase(items, rows, lambda) {
      const offsets = new Int32Array(rows.length + 1);
      rows.forEach((row, index) => (offsets[index + 1] = (offsets[index] as number) + row.length));
      const flat = new Int32Array(offsets[rows.length] as number);
      rows.forEach((row, index) => flat.set(row, offsets[index]));
      const job: EaseJob = { items: [...items], flat, offsets, lambda };
      return new Promise<EaseWeights>((resolve, reject) => {
        const worker = new Worker(script, { workerData: job, transferList: [flat.buffer, offsets.buffer] });
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
