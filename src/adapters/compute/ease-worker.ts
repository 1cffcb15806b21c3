import { parentPort, workerData } from 'node:worker_threads';
import { trainEase, type EaseTrainingSet } from '../../domain/recommendations/index.js';
import type { EaseJob } from './worker-model-trainer.js';

/** The worker thread's whole job: train EASE on what it was given and hand the weights back. */
const job = workerData as EaseJob;
const set = (): EaseTrainingSet => {
  if (job.counts !== undefined) return { items: [...job.items], counts: job.counts };
  const rows: Int32Array[] = [];
  for (let row = 0; row + 1 < job.offsets.length; row += 1)
    rows.push(job.flat.subarray(job.offsets[row], job.offsets[row + 1]));
  return { items: [...job.items], rows };
};
const { weights } = trainEase(set(), job.lambda);
parentPort?.postMessage(weights, [weights.buffer as ArrayBuffer]);
