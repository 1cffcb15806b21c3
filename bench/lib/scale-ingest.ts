import { cpuMs } from './process-stats.js';

/** A running node the senders post to, and its process (whose CPU time is read). */
export interface IngestTarget {
  readonly url: string;
  readonly pid: number;
}

/** Ingestion as the history grows: one figure per slice of the history (say, each 10 %). */
export interface IngestionSlices {
  /** events/s within each slice. */
  readonly rates: readonly number[];
  /** Server CPU per event within each slice (every node's, summed), in ms. */
  readonly cpuPerEvent: readonly number[];
  readonly overallRate: number;
  /** Batch round trips, p99 and worst, in ms. */
  readonly batchP99Ms: number;
  readonly batchMaxMs: number;
  /** Batches answered other than 200, and the first such answer (status and the start of its body). */
  readonly refused: number;
  readonly firstRefusal?: string;
  /** A product read on the first node while the events went in (see {@link probeWhile}). */
  readonly probe: ProbeFigures;
}

/** Round trips of a request sent again and again on one connection while other work ran, ms. */
export interface ProbeFigures {
  readonly count: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** Between two probe requests: a storefront's page views arrive spread out, not back to back. */
const PROBE_GAP_MS = 20;

/**
 * Sends `GET url` on one connection every {@link PROBE_GAP_MS} until `done` settles: what a
 * shopper's request waits for while the node ingests (a product read is answered from memory, so
 * its round trip is the node's event loop and nothing else).
 */
async function probeWhile(url: string, secret: string, done: Promise<unknown>): Promise<ProbeFigures> {
  let finished = false;
  void done.finally(() => (finished = true));
  const latencies: number[] = [];
  while (!finished) {
    const sent = performance.now();
    const response = await fetch(url, { headers: { authorization: `Bearer ${secret}` } });
    await response.arrayBuffer();
    if (response.ok) latencies.push(performance.now() - sent);
    await new Promise((resolve) => setTimeout(resolve, PROBE_GAP_MS));
  }
  latencies.sort((a, b) => a - b);
  return {
    count: latencies.length,
    p50Ms: latencies[Math.floor(latencies.length / 2)] ?? 0,
    p99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    maxMs: latencies[latencies.length - 1] ?? 0,
  };
}

/** CPU time of every node, summed, ms. */
function cpuOf(nodes: readonly IngestTarget[]): number {
  return nodes.reduce((sum, node) => sum + cpuMs(node.pid), 0);
}

/** A batch's answer, `{}` when its body is not JSON (a proxy's error page, say). */
function readAnswer(text: string): { accepted?: number } {
  try {
    return JSON.parse(text) as { accepted?: number };
  } catch {
    return {};
  }
}

/**
 * Posts batches (each a `/v1/batch` body of `batchSize` events) from `senders` concurrent senders,
 * each waiting for its batch to be answered, and times every `1/slices` of the history. Sender `i`
 * posts to node `i mod nodes`, so several nodes share the senders evenly. A refused batch is counted
 * (and its events are missing from the rates), not thrown: whether any were is a finding.
 */
export async function ingestInSlices(options: {
  readonly nodes: readonly IngestTarget[];
  readonly secret: string;
  readonly batches: Iterator<string>;
  readonly totalEvents: number;
  readonly batchSize: number;
  readonly senders: number;
  readonly slices: number;
  /** What the probe reads on the first node meanwhile: the scale shop's first product by default. */
  readonly probePath?: string;
  readonly onProgress?: (events: number) => void;
}): Promise<IngestionSlices> {
  const { totalEvents, slices, nodes } = options;
  const boundaries = Array.from({ length: slices }, (_, index) => ((index + 1) * totalEvents) / slices);
  const marks: { at: number; cpu: number }[] = [{ at: performance.now(), cpu: cpuOf(nodes) }];
  const latencies: number[] = [];
  let acknowledged = 0;
  let refused = 0;
  let firstRefusal: string | undefined;
  const started = performance.now();
  const sending = Promise.all(
    Array.from({ length: options.senders }, async (_, sender) => {
      const url = (nodes[sender % nodes.length] as IngestTarget).url;
      for (let next = options.batches.next(); next.done !== true; next = options.batches.next()) {
        const sent = performance.now();
        const response = await fetch(`${url}/v1/batch`, {
          method: 'POST',
          headers: { authorization: `Bearer ${options.secret}`, 'content-type': 'application/json' },
          body: next.value,
        });
        const answer = readAnswer(await response.text());
        latencies.push(performance.now() - sent);
        if (response.status !== 200 || answer.accepted === undefined) {
          refused += 1;
          firstRefusal ??= `${response.status} ${JSON.stringify(answer).slice(0, 300)}`;
          continue;
        }
        acknowledged += answer.accepted;
        while (marks.length <= slices && acknowledged >= (boundaries[marks.length - 1] as number))
          marks.push({ at: performance.now(), cpu: cpuOf(nodes) });
        options.onProgress?.(acknowledged);
      }
    }),
  );
  const probe = probeWhile(
    `${(nodes[0] as IngestTarget).url}${options.probePath ?? '/v1/products/p0'}`,
    options.secret,
    sending,
  );
  await sending;
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
    refused,
    ...(firstRefusal !== undefined && { firstRefusal }),
    probe: await probe,
  };
}
