import { runLoad, type LoadResult } from '../lib/load.js';
import { residentMiB } from '../lib/process-stats.js';
import { formatNumber, type BenchRow } from '../lib/report.js';
import { importIntoRunningNode } from '../lib/scale-import.js';
import { shopProduct } from '../lib/scale-shop.js';
import {
  postgresAvailable,
  postgresBenchStore,
  sqliteBenchStore,
  type BenchStore,
} from '../lib/scale-stores.js';
import { startServerProcess, type ServerProcess } from '../lib/server-process.js';

const SECRET = 'sk_bench_secret_key_0123456789abcdef';
/** Products the node holds before the import, and that the load reads. */
const CATALOGUE = 5_000;
const CONNECTIONS = 16;
/** Seconds the node is left after an import before its memory is read (content similarity rebuilds). */
const SETTLE_SECONDS = 15;
const headers = { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' };

/** Options the import suite reads: `--size 5000,100000` (rows imported) and `--stores sqlite,postgres`. */
export interface ImportOptions {
  readonly size?: string;
  readonly stores?: string;
}

/**
 * `ATTUNE_BENCH_IMPORT_CPU_PROF=dir` writes a CPU profile of the serving node into that folder (one
 * per node process: the node that serves during the import, then the fresh one).
 */
function startNode(store: BenchStore): Promise<ServerProcess> {
  const profileDir = process.env['ATTUNE_BENCH_IMPORT_CPU_PROF'];
  const flags = profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
  return startServerProcess(
    'attune-node',
    { ...store.env, ATTUNE_DEMO: '0', ATTUNE_SECRET_KEY: SECRET, LOG_LEVEL: 'warn' },
    flags,
  );
}

/** What a shopper's pages ask of the catalogue: product reads, and one listing page in ten. */
function servingPaths(): string[] {
  return Array.from({ length: 1_000 }, (_, index) =>
    index % 10 === 9 ? '/v1/products?limit=24&category=home' : `/v1/products/p${(index * 37) % CATALOGUE}`,
  );
}

function serve(url: string, seconds: number): Promise<LoadResult> {
  return runLoad({
    url,
    headers,
    paths: servingPaths(),
    connections: CONNECTIONS,
    durationSeconds: seconds,
  });
}

/**
 * The node's longest event-loop delay since the last read, ms (prom-client's
 * `nodejs_eventloop_lag_max_seconds`, reset at each read). It counts the node's own long tasks and
 * the time the machine gave its core to another process, so it bounds what the node held from above.
 */
async function loopDelayMaxMs(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`, { headers })).text();
  const max = /^attune_nodejs_eventloop_lag_max_seconds\s+([\d.e+-]+)/m.exec(text);
  return max === null ? Number.NaN : Number(max[1]) * 1000;
}

/** Catalogue reads for `seconds`, and the node's longest event-loop delay meanwhile. */
async function serveWatched(url: string, seconds: number): Promise<LoadResult & { loopDelayMaxMs: number }> {
  await loopDelayMaxMs(url);
  const result = await serve(url, seconds);
  return { ...result, loopDelayMaxMs: await loopDelayMaxMs(url) };
}

/** The catalogue reads under load for as long as `work` runs, in 2 s windows; the worst window's p99. */
async function serveDuring(
  url: string,
  work: Promise<unknown>,
): Promise<LoadResult & { loopDelayMaxMs: number }> {
  let done = false;
  void work.finally(() => (done = true)).catch(() => undefined);
  const windows: (LoadResult & { loopDelayMaxMs: number })[] = [];
  while (!done || windows.length === 0) windows.push(await serveWatched(url, 2));
  return {
    requestsPerSecond: windows.reduce((sum, window) => sum + window.requestsPerSecond, 0) / windows.length,
    p50Ms: Math.max(...windows.map((window) => window.p50Ms)),
    p99Ms: Math.max(...windows.map((window) => window.p99Ms)),
    errors: windows.reduce((sum, window) => sum + window.errors, 0),
    non2xx: windows.reduce((sum, window) => sum + window.non2xx, 0),
    loopDelayMaxMs: Math.max(...windows.map((window) => window.loopDelayMaxMs)),
  };
}

async function loadCatalogue(url: string): Promise<void> {
  for (let first = 0; first < CATALOGUE; first += 1_000) {
    const items = Array.from({ length: 1_000 }, (_, offset) => shopProduct(first + offset));
    const response = await fetch(`${url}/v1/products:batch`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ items }),
    });
    if (!response.ok) throw new Error(`products: ${response.status} ${await response.text()}`);
  }
}

/** One import of `rows` products with the CLI into the store of a node serving catalogue reads. */
async function measure(store: BenchStore, rows: number): Promise<BenchRow[]> {
  const label = `${store.name}, ${formatNumber(rows)} rows`;
  let node = await startNode(store);
  try {
    await loadCatalogue(node.url);
    // The catalogue load's own after-work (content similarity described again) is over before the quiet figure.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_SECONDS * 1000));
    await serve(node.url, 3);
    const quiet = await serveWatched(node.url, 10);
    const rssBefore = residentMiB(node.pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, residentMiB(node.pid))), 250);
    const importing = importIntoRunningNode({
      url: node.url,
      secret: SECRET,
      env: { ...store.env, ATTUNE_SECRET_KEY: SECRET },
      rows,
    });
    const during = await serveDuring(node.url, importing);
    const imported = await importing;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_SECONDS * 1000));
    clearInterval(sampler);
    const rssAfter = residentMiB(node.pid);
    const after = await serve(node.url, 5);
    // The same catalogue loaded by a fresh node: what the memory after the import should come back to.
    await node.stop();
    node = await startNode(store);
    const rssFresh = residentMiB(node.pid);
    if (during.non2xx + during.errors > 0) throw new Error('catalogue reads failed during the import');
    const row = (name: string, measured: string, note?: string): BenchRow => ({
      suite: 'import',
      name: `${label}: ${name}`,
      measured,
      ...(note !== undefined && { note }),
    });
    return [
      row(
        'attune import into the running node\u2019s store',
        `${formatNumber(imported.commandRowsPerSecond)} rows/s`,
        `as the command reports it (reading the file to the last commit); ${formatNumber(imported.rowsPerSecond)} rows/s from process start to exit`,
      ),
      row(
        'served by the node',
        `${formatNumber(imported.secondsUntilServed, 1)} s after the command started`,
      ),
      row(
        `catalogue reads, ${CONNECTIONS} connections: quiet / during (worst 2 s) / after`,
        `p99 ${formatNumber(quiet.p99Ms)} / ${formatNumber(during.p99Ms)} / ${formatNumber(after.p99Ms)} ms`,
        `${formatNumber(quiet.requestsPerSecond)} / ${formatNumber(during.requestsPerSecond)} / ${formatNumber(after.requestsPerSecond)} req/s; product reads, one listing page in ten`,
      ),
      row(
        'node event-loop delay, longest: quiet / during',
        `${formatNumber(quiet.loopDelayMaxMs)} / ${formatNumber(during.loopDelayMaxMs)} ms`,
        'prom-client, 10 ms resolution; includes time the node waited for a core',
      ),
      row(
        'node RSS: before / peak / after (settled) / fresh start on the same store',
        `${formatNumber(rssBefore)} / ${formatNumber(rssPeak)} / ${formatNumber(rssAfter)} / ${formatNumber(rssFresh)} MiB`,
      ),
    ];
  } finally {
    await node.stop();
    await store.drop();
  }
}

/**
 * `attune import products` into the store of a running node (no Redis: relayed through the store)
 * while the node serves catalogue reads: the import's rows/s, when the node serves the last row,
 * read latency quiet and meanwhile, and the node's memory before, at its peak, once settled and as a
 * fresh node holds the same catalogue.
 */
export async function importSuite(_runs: number, options: ImportOptions = {}): Promise<BenchRow[]> {
  const sizes = (options.size ?? '5000,100000').split(',').map((size) => Number(size.replace(/_/g, '')));
  const stores = (options.stores ?? 'sqlite,postgres').split(',');
  const rows: BenchRow[] = [];
  for (const size of sizes) {
    for (const name of stores) {
      if (name === 'postgres' && !(await postgresAvailable())) {
        rows.push({ suite: 'import', name: 'PostgreSQL', measured: 'skipped: PostgreSQL not reachable' });
        continue;
      }
      console.error(`import: ${name}, ${size} rows...`);
      const store =
        name === 'postgres' ? await postgresBenchStore('attune_bench_import') : sqliteBenchStore();
      const measured: BenchRow[] = await measure(store, size).catch((error: unknown) => [
        { suite: 'import', name: `${store.name}, ${size} rows`, measured: `failed: ${String(error)}` },
      ]);
      for (const row of measured)
        console.error(`  ${row.name}: ${row.measured}${row.note === undefined ? '' : ` (${row.note})`}`);
      rows.push(...measured);
    }
  }
  return rows;
}
