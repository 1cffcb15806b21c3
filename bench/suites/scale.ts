import { runLoad, type LoadResult } from '../lib/load.js';
import { residentMiB } from '../lib/process-stats.js';
import { formatNumber, type BenchRow } from '../lib/report.js';
import {
  customerId,
  SHOP_SIZES,
  shopBatches,
  zipfSampler,
  seededRandom,
  type ShopSize,
} from '../lib/scale-shop.js';
import { ingestInSlices } from '../lib/scale-ingest.js';
import { importIntoRunningNode } from '../lib/scale-import.js';
import { headers, loadCatalogue, SECRET, settle, startNode } from '../lib/scale-node.js';
import { ingestionRows, scaleRow, servingFigures } from '../lib/scale-rows.js';
import { rebuildInService, type RebuildFigures } from '../lib/scale-rebuild.js';
import { serving } from '../lib/scale-serving.js';
import {
  postgresAvailable,
  postgresBenchStore,
  sqliteBenchStore,
  type BenchStore,
} from '../lib/scale-stores.js';
import { measureTwoNodes, redisAvailable, type OneNodeReference } from '../lib/scale-two-nodes.js';
import type { ServerProcess } from '../lib/server-process.js';

const BATCH = 400;
const SENDERS = 4;
const SLICES = 10;
const CONNECTIONS = 16;
/** for-you connections beside a rebuild: shoppers who keep coming, not a load that starves it. */
const REBUILD_CONNECTIONS = 2;

function optionalMs(value: number | undefined): string {
  return value === undefined ? 'not read' : `${formatNumber(value, 1)} ms`;
}

/** Options the scale suite reads: `--size S,M` and `--stores sqlite,postgres,postgres-2`. */
export interface ScaleOptions {
  readonly size?: string;
  readonly stores?: string;
}

function pickSizes(option: string | undefined): ShopSize[] {
  const names = (option ?? process.env['ATTUNE_BENCH_SCALE_SIZES'] ?? 'S').split(',');
  return names.map((name) => {
    const size = SHOP_SIZES[name.trim().toUpperCase()];
    if (size === undefined)
      throw new Error(`unknown size ${name}; known: ${Object.keys(SHOP_SIZES).join(', ')}`);
    return size;
  });
}

/** Stops the node and times a start to ready of a new one with `env`; answers it and the seconds. */
async function restart(
  node: ServerProcess,
  store: BenchStore,
  profileDir: string | undefined,
  env: Record<string, string> = {},
): Promise<{ node: ServerProcess; seconds: number }> {
  await node.stop();
  const started = performance.now();
  const next = await startNode(store, profileDir, env);
  return { node: next, seconds: (performance.now() - started) / 1000 };
}

/** for-you under load for as long as `work` runs (at least 2 s). */
async function forYouDuring(
  url: string,
  size: ShopSize,
  work: Promise<unknown>,
  connections = CONNECTIONS,
): Promise<LoadResult> {
  const draw = zipfSampler(size.customers, 0.9, seededRandom(98));
  let done = false;
  void work.finally(() => (done = true)).catch(() => undefined);
  const results: LoadResult[] = [];
  while (!done || results.length === 0) {
    results.push(
      await runLoad({
        url: `${url}/v1/recommendations`,
        method: 'POST',
        headers,
        bodies: () => JSON.stringify({ strategy: 'for-you', userId: customerId(draw()), limit: 8 }),
        connections,
        durationSeconds: 2,
      }),
    );
  }
  return {
    requestsPerSecond: results.reduce((sum, result) => sum + result.requestsPerSecond, 0) / results.length,
    p50Ms: Math.max(...results.map((result) => result.p50Ms)),
    p99Ms: Math.max(...results.map((result) => result.p99Ms)),
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    non2xx: results.reduce((sum, result) => sum + result.non2xx, 0),
  };
}

/** The figures of a one-node PostgreSQL run that a two-node run of the same size is compared with. */
type Measured = { readonly rows: BenchRow[]; readonly reference?: OneNodeReference };

/** One history size on one store: ingestion by slice, memory, disk, restart, serving. */
async function measure(store: BenchStore, size: ShopSize): Promise<Measured> {
  const label = `${store.name} ${size.name}`;
  const profileDir = process.env['ATTUNE_BENCH_SCALE_CPU_PROF'];
  let node = await startNode(store, profileDir);
  try {
    const catalogueRate = await loadCatalogue(node.url, size.products);
    let reported = 0;
    const ingestion = await ingestInSlices({
      nodes: [node],
      secret: SECRET,
      batches: shopBatches(size, BATCH),
      totalEvents: size.events,
      batchSize: BATCH,
      senders: SENDERS,
      slices: SLICES,
      onProgress: (events) => {
        if (events - reported >= size.events / 20) {
          reported = events;
          console.error(
            `  ${label}: ${formatNumber(events)} events, RSS ${formatNumber(residentMiB(node.pid))} MiB`,
          );
        }
      },
    });
    const rssAfterIngestion = residentMiB(node.pid);
    const disk = await store.diskMiB();
    // The whole log replayed (snapshots off), then from the snapshot the first graceful stop wrote.
    const wholeLog = await restart(node, store, profileDir, { ATTUNE_SNAPSHOTS: 'off' });
    node = wholeLog.node;
    const fromSnapshot = await restart(node, store, profileDir);
    node = fromSnapshot.node;
    const rssAfterRestart = residentMiB(node.pid);
    const settledMs = await settle(node.pid);
    const { decide, decideAgain, forYou } = await serving([node], size, CONNECTIONS);
    // An import as large as the catalogue, through the CLI into the store, while for-you is served.
    const importing = importIntoRunningNode({
      url: node.url,
      secret: SECRET,
      env: { ...store.env, ATTUNE_SECRET_KEY: SECRET },
      rows: size.products,
    });
    const duringImport = await forYouDuring(node.url, size, importing);
    const imported = await importing;
    // A rebuild from the whole log, with a light for-you load beside it (shoppers still come).
    const rebuilding = rebuildInService(node.url, node.pid);
    const duringRebuild = await forYouDuring(node.url, size, rebuilding, REBUILD_CONNECTIONS);
    const rebuilt = await rebuilding;
    const row = (name: string, measured: string, note?: string) => scaleRow(label, name, measured, note);
    const rows = [
      ...ingestionRows(label, size, ingestion, { batch: BATCH, senders: SENDERS, slices: SLICES }),
      row('catalogue load through /v1/products:batch', `${formatNumber(catalogueRate)} rows/s`),
      row(
        'RSS after ingestion / after restart',
        `${formatNumber(rssAfterIngestion)} / ${formatNumber(rssAfterRestart)} MiB`,
      ),
      row('disk', `${formatNumber(disk)} MiB`),
      row(
        'restart to ready: whole log / from a snapshot',
        `${formatNumber(wholeLog.seconds, 1)} / ${formatNumber(fromSnapshot.seconds, 1)} s`,
        'ATTUNE_SNAPSHOTS=off, then on (the snapshot written by the graceful stop after ingestion)',
      ),
      row(
        'background work after ready (CPU under a tenth of a core for 2 s)',
        `${formatNumber(settledMs / 1000, 1)} s`,
        'serving is measured after it',
      ),
      row(
        `decide, ${CONNECTIONS} connections`,
        servingFigures(decide),
        'category page, for-you and similar slots, 2,000 Zipf customers, most met for the first time since the start; CPU: the node, every thread',
      ),
      row(
        `decide again, the same customers in the same order, ${CONNECTIONS} connections`,
        servingFigures(decideAgain),
      ),
      row(`for-you, ${CONNECTIONS} connections`, servingFigures(forYou)),
      row(
        `attune import of ${formatNumber(imported.rows)} products into the running node's store`,
        `${formatNumber(imported.rowsPerSecond)} rows/s`,
        `served by the node ${formatNumber(imported.secondsUntilServed, 1)} s after the start; for-you meanwhile ${formatNumber(duringImport.requestsPerSecond)} req/s, p99 ${formatNumber(duringImport.p99Ms)} ms (worst 2 s window)`,
      ),
      row(
        'rebuild of the models from the whole log, in service',
        rebuilt.failed === undefined
          ? `${formatNumber(rebuilt.seconds, 1)} s`
          : `unfinished after ${formatNumber(rebuilt.seconds, 1)} s: ${rebuilt.failed}`,
        `RSS ${formatNumber(rebuilt.rssBeforeMiB)} before, ${formatNumber(rebuilt.rssPeakMiB)} peak, ${formatNumber(rebuilt.rssAfterMiB)} after MiB; V8 heap in use ${heapFigures(rebuilt.heapMiB)}; event-loop delay p99 per second: median ${optionalMs(rebuilt.eventLoopP99MedianMs)}, worst ${optionalMs(rebuilt.eventLoopP99MaxMs)}; for-you meanwhile (${REBUILD_CONNECTIONS} connections) ${formatNumber(duringRebuild.requestsPerSecond)} req/s, p99 ${formatNumber(duringRebuild.p99Ms)} ms (worst 2 s window), ${formatNumber(duringRebuild.errors + duringRebuild.non2xx)} failed`,
      ),
    ];
    return { rows, reference: { ingestion, decide, decideAgain, forYou } };
  } finally {
    await node.stop();
    await store.drop();
  }
}

/** A store of the suite's table, by the name `--stores` takes. */
type StoreName = 'sqlite' | 'postgres' | 'postgres-2' | 'postgres-2-pinned';
const STORE_NAMES: readonly StoreName[] = ['sqlite', 'postgres', 'postgres-2', 'postgres-2-pinned'];

function pickStores(option: string | undefined): StoreName[] {
  const names = (option ?? process.env['ATTUNE_BENCH_SCALE_STORES'] ?? 'sqlite,postgres,postgres-2').split(
    ',',
  );
  return names.map((name) => {
    const known = STORE_NAMES.find((store) => store === name.trim());
    if (known === undefined) throw new Error(`unknown store ${name}; known: ${STORE_NAMES.join(', ')}`);
    return known;
  });
}

/** Why `name` cannot run here, or undefined when it can. */
async function unavailable(name: StoreName): Promise<string | undefined> {
  if (name === 'sqlite') return undefined;
  if (!(await postgresAvailable())) return 'PostgreSQL not reachable';
  if (name !== 'postgres' && !(await redisAvailable())) return 'Redis not reachable';
  return undefined;
}

/** One store at one size; a two-node run is compared with `reference`, the one-node run before it. */
async function measureStore(
  name: StoreName,
  size: ShopSize,
  reference?: OneNodeReference,
): Promise<Measured> {
  if (name === 'sqlite') return measure(sqliteBenchStore(), size);
  const store = await postgresBenchStore();
  if (name === 'postgres') return measure(store, size);
  const rows = await measureTwoNodes(
    store,
    size,
    {
      batch: BATCH,
      senders: SENDERS,
      slices: SLICES,
      connections: CONNECTIONS,
      pin: name === 'postgres-2-pinned',
    },
    reference,
  );
  return { rows };
}

/**
 * How cost grows with history: a seeded synthetic shop (Zipf customers; 70 % views, 20 % adds,
 * 10 % orders) ingested through `/v1/batch` (400 a batch, 4 senders) at sizes S, M and L, on the
 * embedded store, on PostgreSQL (a database of its own), and on PostgreSQL with two nodes and Redis
 * (`postgres-2`; `postgres-2-pinned` puts each node on a core of its own).
 * `ATTUNE_BENCH_SCALE_CPU_PROF=dir` writes CPU profiles of the nodes (one file per node process).
 */
export async function scaleSuite(_runs: number, options: ScaleOptions = {}): Promise<BenchRow[]> {
  const stores = pickStores(options.stores);
  const rows: BenchRow[] = [];
  for (const size of pickSizes(options.size)) {
    let reference: OneNodeReference | undefined;
    for (const name of stores) {
      const missing = await unavailable(name);
      if (missing !== undefined) {
        rows.push({ suite: 'scale', name: `${name} ${size.name}`, measured: `skipped: ${missing}` });
        continue;
      }
      console.error(`scale: ${name} ${size.name}...`);
      // One store failing (a node that never got ready, say) still leaves the others' figures.
      const measured: Measured = await measureStore(name, size, reference).catch((error: unknown) => ({
        rows: [{ suite: 'scale', name: `${name} ${size.name}`, measured: `failed: ${String(error)}` }],
      }));
      if (measured.reference !== undefined) reference = measured.reference;
      for (const row of measured.rows)
        console.error(`  ${row.name}: ${row.measured}${row.note === undefined ? '' : ` (${row.note})`}`);
      rows.push(...measured.rows);
    }
  }
  return rows;
}

/** The heap figures of a rebuild, as sampled (garbage included). */
function heapFigures({ before, max, leastLate }: RebuildFigures['heapMiB']): string {
  const figure = (value: number | undefined) => (value === undefined ? 'n/a' : formatNumber(value));
  return `${figure(before)} before, ${figure(max)} at most, ${figure(leastLate)} at the least in its second half MiB`;
}
