/**
 * Where ingestion's garbage comes from: an in-process node (embedded store, no demo) takes a scale
 * shop's events through `app.inject` while V8's sampling heap profiler records every allocation,
 * those the collector has already freed included, then prints the functions that allocated the
 * most bytes per ingested event, and by file. Garbage is what decides how often V8 collects and
 * how far it lets the heap grow past what is live.
 *
 *   node dist/bench/allocation-sites.js [size=S] [warm-up events=50000] [sampled events=50000] [top=40]
 */
import { Session } from 'node:inspector/promises';
import { startInProcessNode } from './lib/in-process-node.js';
import { shopBatches, SHOP_SIZES, shopProduct } from './lib/scale-shop.js';

const SECRET = 'sk_bench_secret_key_0123456789abcdef';
const [sizeName = 'S', warmUp = '50000', sampled = '50000', top = '40'] = process.argv.slice(2);
const size = SHOP_SIZES[sizeName];
if (size === undefined) throw new Error(`unknown size ${sizeName}`);

interface SamplingNode {
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly selfSize: number;
  readonly children: readonly SamplingNode[];
}

const BATCH = 400;
const { attune, dispose } = await startInProcessNode('allocations', SECRET);
const headers = { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' };
try {
  for (let first = 0; first < size.products; first += 1_000) {
    const items = Array.from({ length: Math.min(1_000, size.products - first) }, (_, o) =>
      shopProduct(first + o),
    );
    const response = await attune.app.inject({
      method: 'POST',
      url: '/v1/products:batch',
      headers,
      payload: { items },
    });
    if (response.statusCode !== 200) throw new Error(response.body);
  }
  const batches = shopBatches(size, BATCH);
  const ingest = async (events: number) => {
    for (let sent = 0; sent < events; sent += BATCH) {
      const next = batches.next();
      if (next.done === true) return;
      const response = await attune.app.inject({
        method: 'POST',
        url: '/v1/batch',
        headers,
        payload: next.value,
      });
      if (response.statusCode >= 300) throw new Error(response.body);
    }
  };
  await ingest(Number(warmUp));
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 16_384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  await ingest(Number(sampled));
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as {
    profile: { head: SamplingNode };
  };
  session.disconnect();
  report(profile.head, Number(sampled), Number(top));
} finally {
  await dispose();
}

function report(head: SamplingNode, events: number, limit: number): void {
  const bySite = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  // A built-in (Object.keys, Map's set, JSON.stringify) has no script: it is named with its caller.
  const walk = (node: SamplingNode, caller: { site: string; file: string }) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const file =
      url === ''
        ? caller.file
        : url.includes('node_modules/')
          ? (url.split('node_modules/').pop()?.split('/')[0] ?? url)
          : url.split('/').slice(-3).join('/');
    const site =
      url === ''
        ? `${functionName || '(native)'} in ${caller.site}`
        : `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
    byFile.set(file, (byFile.get(file) ?? 0) + node.selfSize);
    total += node.selfSize;
    const here = url === '' ? caller : { site, file };
    for (const child of node.children) walk(child, here);
  };
  walk(head, { site: '(root)', file: '(root)' });
  const perEvent = (bytes: number) => `${(bytes / events).toFixed(0).padStart(6)} B/event`;
  console.log(`${sizeName}: ${events} events sampled, ${perEvent(total)} allocated in all`);
  for (const [title, table] of [
    ['by function', bySite],
    ['by file', byFile],
  ] as const) {
    console.log(`\n${title}`);
    for (const [key, bytes] of [...table].sort((a, b) => b[1] - a[1]).slice(0, limit))
      console.log(`${perEvent(bytes)}  ${((100 * bytes) / total).toFixed(1).padStart(5)} %  ${key}`);
  }
}
