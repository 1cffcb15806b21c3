import { runLoad, type LoadResult } from './load.js';
import { cpuMs } from './process-stats.js';
import { headers } from './scale-node.js';
import { customerId, seededRandom, zipfSampler, type ShopSize } from './scale-shop.js';
import type { IngestTarget } from './scale-ingest.js';

const SERVING_SECONDS = 10;

/** One node's part of a load: its requests per second and its CPU time per request it answered. */
export interface NodeServing {
  readonly requestsPerSecond: number;
  readonly cpuMsPerRequest: number;
}

/**
 * A load spread over one or more nodes: requests per second of them all, the worse node's p99, and
 * CPU time per request of them all (every thread of every node; steadier than req/s on a shared
 * machine), with each node's own figures.
 */
export interface ServingResult {
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
  readonly cpuMsPerRequest: number;
  readonly nodes: readonly NodeServing[];
}

/** The bodies of decide (a category page with for-you and similar slots) and for-you, for Zipf-drawn customers. */
function servingBodies(size: ShopSize): { decide: () => string; forYou: () => string } {
  const draw = zipfSampler(size.customers, 0.9, seededRandom(99));
  const customers = Array.from({ length: 2_000 }, () => customerId(draw()));
  let next = 0;
  return {
    decide: () =>
      JSON.stringify({
        userId: customers[next++ % customers.length],
        context: { channel: 'web', country: 'GB', page: { type: 'category' } },
        listing: { category: 'home', limit: 24 },
        recommendations: [
          { slot: 'for-you', strategy: 'for-you', limit: 8 },
          { slot: 'similar', strategy: 'similar', productId: 'p1', limit: 8 },
        ],
      }),
    forYou: () =>
      JSON.stringify({ strategy: 'for-you', userId: customers[next++ % customers.length], limit: 8 }),
  };
}

/** One call to each node, so a refused call fails the run before a load hides it in a count. */
async function checkAnswers(nodes: readonly IngestTarget[], path: string, body: string): Promise<void> {
  for (const node of nodes) {
    const sample = await fetch(`${node.url}${path}`, { method: 'POST', headers, body });
    if (!sample.ok) throw new Error(`${path}: ${sample.status} ${await sample.text()}`);
  }
}

/** `connections` in all, split evenly over `nodes`, for 10 s at once. */
async function loadSpread(
  nodes: readonly IngestTarget[],
  path: string,
  bodies: () => string,
  connections: number,
): Promise<ServingResult> {
  const before = nodes.map((node) => cpuMs(node.pid));
  const loads: LoadResult[] = await Promise.all(
    nodes.map((node) =>
      runLoad({
        url: `${node.url}${path}`,
        method: 'POST',
        headers,
        bodies,
        connections: connections / nodes.length,
        durationSeconds: SERVING_SECONDS,
      }),
    ),
  );
  if (loads.some((load) => load.non2xx > 0)) throw new Error(`${path}: serving calls failed`);
  const perNode = loads.map((load, index) => ({
    answered: Math.max(1, load.requestsPerSecond * SERVING_SECONDS),
    cpu: cpuMs((nodes[index] as IngestTarget).pid) - (before[index] as number),
    requestsPerSecond: load.requestsPerSecond,
  }));
  const answered = perNode.reduce((sum, node) => sum + node.answered, 0);
  return {
    requestsPerSecond: loads.reduce((sum, load) => sum + load.requestsPerSecond, 0),
    p99Ms: Math.max(...loads.map((load) => load.p99Ms)),
    cpuMsPerRequest: perNode.reduce((sum, node) => sum + node.cpu, 0) / answered,
    nodes: perNode.map((node) => ({
      requestsPerSecond: node.requestsPerSecond,
      cpuMsPerRequest: node.cpu / node.answered,
    })),
  };
}

/**
 * Decide, then decide again for the same customers in the same order, then for-you alone, each under
 * `connections` spread over `nodes`. After a start, the first pass meets most customers for the first
 * time (their profile and history read from the store, their memos empty); the second, seconds
 * later, what a shopper's next page costs.
 */
export async function serving(
  nodes: readonly IngestTarget[],
  size: ShopSize,
  connections: number,
): Promise<{ decide: ServingResult; decideAgain: ServingResult; forYou: ServingResult }> {
  const checks = servingBodies(size);
  await checkAnswers(nodes, '/v1/decide', checks.decide());
  await checkAnswers(nodes, '/v1/recommendations', checks.forYou());
  // Both passes of decide draw the same sequence of customers from its start.
  const bodies = servingBodies(size);
  const decide = await loadSpread(nodes, '/v1/decide', bodies.decide, connections);
  const decideAgain = await loadSpread(nodes, '/v1/decide', servingBodies(size).decide, connections);
  const forYou = await loadSpread(nodes, '/v1/recommendations', bodies.forYou, connections);
  return { decide, decideAgain, forYou };
}
