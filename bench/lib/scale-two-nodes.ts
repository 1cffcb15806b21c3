import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { formatNumber, type BenchRow } from './report.js';
import { ingestInSlices, type IngestionSlices } from './scale-ingest.js';
import { headers, loadCatalogue, SECRET, settle, SETTLE_LIMIT_MS, startNode } from './scale-node.js';
import { ingestionRows, scaleRow, servingFigures } from './scale-rows.js';
import { serving, type ServingResult } from './scale-serving.js';
import { shopBatches, type ShopSize } from './scale-shop.js';
import type { BenchStore } from './scale-stores.js';
import type { ServerProcess } from './server-process.js';

/**
 * The scale suite's two-node run: two nodes on one PostgreSQL database and one Redis (keys under a
 * prefix of the run's own, deleted after), ingestion from senders split between them, then decide
 * and for-you with the same connections as one node, spread over both. On the 2 cores this machine
 * has, shared with the load generator, two nodes cannot show what two machines would: the figure that
 * carries over is CPU ms per request, which two nodes should not raise.
 */

const REDIS_URL = process.env['ATTUNE_BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** What a one-node PostgreSQL run of the same size measured, to compare with. */
export interface OneNodeReference {
  readonly ingestion: IngestionSlices;
  readonly decide: ServingResult;
  readonly decideAgain: ServingResult;
  readonly forYou: ServingResult;
}

export interface TwoNodeOptions {
  readonly batch: number;
  readonly senders: number;
  readonly slices: number;
  readonly connections: number;
  /** Pin node A to CPU 0 and node B to CPU 1 (`taskset`), every thread of each. */
  readonly pin: boolean;
}

/** Whether the benchmark's Redis answers. */
export async function redisAvailable(): Promise<boolean> {
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** Deletes every key under `prefix` (the bus streams, rate limits and stream counts the run made). */
async function deleteRedisKeys(prefix: string): Promise<void> {
  const client = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await client.quit();
  }
}

/** A node's `attune_ingestion_commits_started_again_total`, from its /metrics. */
async function commitsStartedAgain(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`, { headers })).text();
  const count = /^attune_ingestion_commits_started_again_total\s+(\d+)/m.exec(text);
  if (count === null) throw new Error('no attune_ingestion_commits_started_again_total in /metrics');
  return Number(count[1]);
}

/** Moves every thread of `pid` to CPU `cpu` (threads it starts later inherit it). */
function pinTo(pid: number, cpu: number): void {
  execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', String(cpu), String(pid)], {
    stdio: 'ignore',
  });
}

/** Two nodes of one deployment: each its own DATA_DIR, the same database and Redis namespace. */
class NodePair {
  readonly #dataDirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'attune-bench-scale2-')));
  readonly #prefix = `attune_bench_scale2_${process.pid}_${Date.now()}`;
  nodes: ServerProcess[] = [];

  constructor(
    private readonly store: BenchStore,
    private readonly pin: boolean,
  ) {}

  /** Starts node `index` (0 is A, 1 is B), pinned to CPU `index` if asked; answers the seconds to ready. */
  async start(index: number): Promise<number> {
    const started = performance.now();
    const node = await startNode(this.store, process.env['ATTUNE_BENCH_SCALE_CPU_PROF'], {
      DATA_DIR: this.#dataDirs[index] as string,
      REDIS_URL,
      ATTUNE_REDIS_PREFIX: this.#prefix,
    });
    if (this.pin) pinTo(node.pid, index);
    this.nodes[index] = node;
    return (performance.now() - started) / 1000;
  }

  /** Stops both and starts both again at once (from the snapshot a graceful stop writes); answers the slower's seconds. */
  async restart(): Promise<number> {
    await this.stop();
    return Math.max(...(await Promise.all([this.start(0), this.start(1)])));
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.stop()));
  }

  async dispose(): Promise<void> {
    await this.stop();
    await deleteRedisKeys(this.#prefix);
    for (const dir of this.#dataDirs) rmSync(dir, { recursive: true, force: true });
  }
}

/** `×1.23` of `value` over `reference`. */
function ratio(value: number, reference: number): string {
  return `×${formatNumber(value / reference, 2)}`;
}

/** Each node's req/s and CPU ms/req, and against one node when measured. */
function servingNote(result: ServingResult, reference: ServingResult | undefined): string {
  const perNode = result.nodes
    .map(
      (node, index) =>
        `node ${'AB'[index]} ${formatNumber(node.requestsPerSecond)} req/s, ${formatNumber(node.cpuMsPerRequest, 1)} CPU ms/req`,
    )
    .join('; ');
  if (reference === undefined) return perNode;
  return `${perNode}; against 1 node: ${ratio(result.requestsPerSecond, reference.requestsPerSecond)} req/s, ${ratio(result.cpuMsPerRequest, reference.cpuMsPerRequest)} CPU ms/req`;
}

/** Two nodes on `store` at `size`: ingestion split between them, restart, serving spread over them. */
export async function measureTwoNodes(
  store: BenchStore,
  size: ShopSize,
  options: TwoNodeOptions,
  reference?: OneNodeReference,
): Promise<BenchRow[]> {
  const label = `${store.name} + Redis, 2 nodes${options.pin ? ' pinned' : ''} ${size.name}`;
  const pinning = options.pin ? 'node A on CPU 0, node B on CPU 1 (taskset)' : 'not pinned';
  const pair = new NodePair(store, options.pin);
  try {
    await pair.start(0);
    await loadCatalogue((pair.nodes[0] as ServerProcess).url, size.products);
    await pair.start(1);
    const ingestion = await ingestInSlices({
      nodes: pair.nodes,
      secret: SECRET,
      batches: shopBatches(size, options.batch),
      totalEvents: size.events,
      batchSize: options.batch,
      senders: options.senders,
      slices: options.slices,
    });
    const startedAgain = await Promise.all(pair.nodes.map((node) => commitsStartedAgain(node.url)));
    const restartSeconds = await pair.restart();
    // Both nodes train their models at once on cores they share: give them twice one node's wait.
    const settledMs = Math.max(
      ...(await Promise.all(pair.nodes.map((node) => settle(node.pid, 2 * SETTLE_LIMIT_MS)))),
    );
    const { decide, decideAgain, forYou } = await serving(pair.nodes, size, options.connections);
    const split = `senders split ${options.senders / 2} + ${options.senders / 2}`;
    const against =
      reference === undefined
        ? ''
        : `; against 1 node: ${ratio(ingestion.overallRate, reference.ingestion.overallRate)}`;
    const row = (name: string, measured: string, note?: string) => scaleRow(label, name, measured, note);
    return [
      ...ingestionRows(label, size, ingestion, { ...options, note: `${split}${against}; ${pinning}` }),
      row(
        'event commits started again (another node had changed what they read), node A + node B',
        startedAgain.map((count) => formatNumber(count)).join(' + '),
        `of about ${formatNumber(size.events / options.batch)} batches sent`,
      ),
      row('restart of both at once, from a snapshot', `${formatNumber(restartSeconds, 1)} s`),
      row(
        'background work after ready (CPU under a tenth of a core for 2 s), the slower node',
        `${formatNumber(settledMs / 1000, 1)} s`,
        settledMs >= 2 * SETTLE_LIMIT_MS
          ? 'never settled: serving is measured during it'
          : 'serving is measured after it',
      ),
      row(
        `decide, ${options.connections} connections (${options.connections / 2} a node)`,
        servingFigures(decide),
        servingNote(decide, reference?.decide),
      ),
      row(
        `decide again, the same customers, ${options.connections} connections (${options.connections / 2} a node)`,
        servingFigures(decideAgain),
        servingNote(decideAgain, reference?.decideAgain),
      ),
      row(
        `for-you, ${options.connections} connections (${options.connections / 2} a node)`,
        servingFigures(forYou),
        servingNote(forYou, reference?.forYou),
      ),
    ];
  } finally {
    await pair.dispose();
    await store.drop();
  }
}
