import { request as httpRequest } from 'node:http';
import { residentMiB } from './process-stats.js';
import { headers } from './scale-node.js';

/** How often the node's memory and event-loop delay are read while it rebuilds, ms. */
const SAMPLE_MS = 1_000;
/** A rebuild that takes longer than this is reported as unfinished rather than waited for. */
const REBUILD_LIMIT_MS = 30 * 60_000;

/** A rebuild of the models from the whole log on a node in service, as the node lived through it. */
export interface RebuildFigures {
  /** From the call to its answer (the new models serve), or the limit. */
  readonly seconds: number;
  /** Why it did not finish: the answer's status, the limit, or the error. */
  readonly failed?: string;
  readonly rssBeforeMiB: number;
  readonly rssPeakMiB: number;
  readonly rssAfterMiB: number;
  /**
   * The worst of the event-loop delay p99s the node reported while rebuilding (prom-client's
   * `nodejs_eventloop_lag_p99_seconds`, reset at each read, so each sample covers one second).
   */
  readonly eventLoopP99MaxMs: number | undefined;
  /** The median of those per-second p99s. */
  readonly eventLoopP99MedianMs: number | undefined;
  /**
   * V8 heap in use before, at most while rebuilding, and at the least in its second half (as
   * sampled, garbage included: the least is near what is live, the most is what V8 let pile up).
   */
  readonly heapMiB: { readonly before?: number; readonly max?: number; readonly leastLate?: number };
}

/** The node's event-loop delay p99 over the second since the last read, and its V8 heap in use. */
async function sampleNode(url: string): Promise<{ lagMs?: number; heapMiB?: number }> {
  try {
    const text = await (await fetch(`${url}/metrics`, { headers })).text();
    const lag = /^attune_nodejs_eventloop_lag_p99_seconds\s+([\d.e+-]+)/m.exec(text);
    const heap = /^attune_nodejs_heap_size_used_bytes\s+([\d.e+-]+)/m.exec(text);
    return {
      ...(lag !== null && { lagMs: Number(lag[1]) * 1000 }),
      ...(heap !== null && { heapMiB: Number(heap[1]) / 2 ** 20 }),
    };
  } catch {
    return {};
  }
}

/**
 * POST with no body through node:http, answering the status and body. Not `fetch`: its client gives
 * up on an answer whose headers take more than 300 s, and a rebuild at L takes longer.
 */
function postWithoutHeadersTimeout(url: string, limitMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers: { authorization: headers.authorization } });
    request.setTimeout(limitMs, () => request.destroy(new Error(`no answer in ${limitMs / 1000} s`)));
    request.on('error', reject);
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', reject);
    });
    request.end();
  });
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Asks the node to rebuild its models from the whole log (`POST /v1/recommendations/models:rebuild`,
 * which answers once the new models serve) and samples its RSS and event-loop delay every second
 * until it answers: the issue asks that a rebuild finish at any history, never hold two full copies
 * of customer state, and leave the node responsive (event-loop delay p99 ≤ 50 ms).
 */
export async function rebuildInService(url: string, pid: number): Promise<RebuildFigures> {
  const rssBeforeMiB = residentMiB(pid);
  const { heapMiB: heapBefore } = await sampleNode(url); // also starts the first sampled second afresh
  const started = performance.now();
  let answered = false;
  const call = postWithoutHeadersTimeout(`${url}/v1/recommendations/models:rebuild`, REBUILD_LIMIT_MS)
    .then(({ status, body }) => (status === 200 ? undefined : `${status} ${body}`))
    .catch((error: unknown) => String(error))
    .finally(() => (answered = true));
  let rssPeakMiB = rssBeforeMiB;
  const lags: number[] = [];
  const heaps: number[] = [];
  while (!answered) {
    await Promise.race([call, new Promise((resolve) => setTimeout(resolve, SAMPLE_MS))]);
    rssPeakMiB = Math.max(rssPeakMiB, residentMiB(pid));
    if (answered) break;
    const { lagMs, heapMiB } = await sampleNode(url);
    if (lagMs !== undefined) lags.push(lagMs);
    if (heapMiB !== undefined) heaps.push(heapMiB);
  }
  const failed = await call;
  const late = heaps.slice(Math.floor(heaps.length / 2));
  return {
    heapMiB: {
      ...(heapBefore !== undefined && { before: Math.round(heapBefore) }),
      ...(heaps.length > 0 && { max: Math.round(Math.max(...heaps)) }),
      ...(late.length > 0 && { leastLate: Math.round(Math.min(...late)) }),
    },
    seconds: (performance.now() - started) / 1000,
    ...(failed !== undefined && { failed }),
    rssBeforeMiB,
    rssPeakMiB,
    rssAfterMiB: residentMiB(pid),
    eventLoopP99MaxMs: lags.length === 0 ? undefined : Math.max(...lags),
    eventLoopP99MedianMs: median(lags),
  };
}
