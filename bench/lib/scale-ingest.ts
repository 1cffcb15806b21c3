import { cpuMs } from './process-stats.js';

/** Ingestion as the history grows: one figure per slice of the history (say, each 10 %). */
export interface IngestionSlices {
  /** events/s within each slice. */
  readonly rates: readonly number[];
  /** Server CPU per event within each slice, in ms. */
  readonly cpuPerEvent: readonly number[];
  readonly overallRate: number;
  /** Batch round trips, p99 and worst, in ms. */
  readonly batchP99Ms: number;
  readonly batchMaxMs: number;
}

/**
 * Posts batches (each a `/v1/batch` body of `batchSize` events) from `senders` concurrent senders,
 * each waiting for its batch to be acknowledged, and times every `1/slices` of the history.
 */
export async function ingestInSlices(options: {
  readonly url: string;
  readonly secret: string;
  readonly pid: number;
  readonly batches: Iterator<string>;
  readonly totalEvents: number;
  readonly batchSize: number;
  readonly senders: number;
  readonly slices: number;
  readonly onProgress?: (events: number) => void;
}): Promise<IngestionSlices> {
  const { totalEvents, slices } = options;
  const boundaries = Array.from({ length: slices }, (_, index) => ((index + 1) * totalEvents) / slices);
  const marks: { at: number; cpu: number }[] = [{ at: performance.now(), cpu: cpuMs(options.pid) }];
  const latencies: number[] = [];
  let acknowledged = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.senders }, async () => {
      for (let next = options.batches.next(); next.done !== true; next = options.batches.next()) {
        const sent = performance.now();
        const response = await fetch(`${options.url}/v1/batch`, {
          method: 'POST',
          headers: { authorization: `Bearer ${options.secret}`, 'content-type': 'application/json' },
          body: next.value,
        });
        const answer = (await response.json()) as { accepted?: number };
        if (response.status !== 200 || answer.accepted === undefined)
          throw new Error(`batch refused: ${response.status} ${JSON.stringify(answer).slice(0, 500)}`);
        latencies.push(performance.now() - sent);
        acknowledged += answer.accepted;
        while (marks.length <= slices && acknowledged >= (boundaries[marks.length - 1] as number))
          marks.push({ at: performance.now(), cpu: cpuMs(options.pid) });
        options.onProgress?.(acknowledged);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const rates: number[] = [];
  const cpuPerEvent: number[] = [];
  for (let index = 1; index < marks.length; index += 1) {
    const previous = marks[index - 1] as { at: number; cpu: number };
    const mark = marks[index] as { at: number; cpu: number };
    const events = totalEvents / slices;
    rates.push(events / ((mark.at - previous.at) / 1000));
    cpuPerEvent.push((mark.cpu - previous.cpu) / events);
  }
  latencies.sort((a, b) => a - b);
  return {
    rates,
    cpuPerEvent,
    overallRate: acknowledged / seconds,
    batchP99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    batchMaxMs: latencies[latencies.length - 1] ?? 0,
  };
}
