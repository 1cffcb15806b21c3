import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLoad } from '../lib/load.js';
import { formatNumber, median, type BenchRow } from '../lib/report.js';
import { startServerProcess } from '../lib/server-process.js';

const SECRET = 'sk_bench_secret_key_0123456789abcdef';

/**
 * A category page of the demo store, as DESIGN.md §5 describes the decide benchmark: 24 listing
 * items, two recommendation slots, one content slot and a 3-line cart, for a real customer.
 */
const PAGE = {
  userId: '17850',
  context: { channel: 'web', device: 'desktop', country: 'GB', page: { type: 'category' } },
  cart: {
    items: [
      { productId: '85123A', quantity: 2 },
      { productId: '71053', quantity: 1 },
      { productId: '84406B', quantity: 3 },
    ],
  },
  recommendations: [
    { slot: 'pdp-similar', strategy: 'similar', productId: '85123A', limit: 8 },
    { slot: 'for-you', strategy: 'for-you', limit: 8 },
  ],
  content: ['home-hero'],
};

/** `POST /v1/decide` under 32 connections beside hello-world and a route returning the same answer. */
export async function decideSuite(runs: number): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-bench-decide-'));
  const answerFile = join(dataDir, 'answer.json');
  const attune = await startServerProcess('attune-node', {
    DATA_DIR: dataDir,
    ATTUNE_DEMO: '1',
    ATTUNE_SECRET_KEY: SECRET,
  });
  const headers = { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' };
  const servers = [attune];
  try {
    await fetch(`${attune.url}/v1/content/slots/home-hero`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({
        variants: [
          { id: 'welcome', payload: { title: 'Welcome', image: '/img/hero.jpg' } },
          { id: 'uk', audience: { countries: ['GB'] }, payload: { title: 'Free UK delivery over £20' } },
        ],
      }),
    });
    const category = (
      (await (await fetch(`${attune.url}/v1/products/85123A`, { headers })).json()) as {
        categories: string[];
      }
    ).categories[0] as string;
    const body = JSON.stringify({ ...PAGE, listing: { category: category.split('/')[0], limit: 24 } });
    const sample = await fetch(`${attune.url}/v1/decide`, { method: 'POST', headers, body });
    if (!sample.ok) throw new Error(`decide: ${sample.status} ${await sample.text()}`);
    const answer = await sample.text();
    const parsed = JSON.parse(answer) as { listing: { items: unknown[] } };
    writeFileSync(answerFile, answer);
    const hello = await startServerProcess('hello-world');
    const same = await startServerProcess('same-answer', { ATTUNE_BENCH_ANSWER: answerFile });
    servers.push(hello, same);
    const results = [];
    for (let run = 0; run < runs; run += 1) {
      const helloRun = await runLoad({ url: hello.url, connections: 32, durationSeconds: 5 });
      const sameRun = await runLoad({
        url: same.url,
        method: 'POST',
        headers,
        body,
        connections: 32,
        durationSeconds: 5,
      });
      const decideRun = await runLoad({
        url: `${attune.url}/v1/decide`,
        method: 'POST',
        headers,
        body,
        connections: 32,
        durationSeconds: 5,
      });
      if (decideRun.non2xx > 0) throw new Error('decide calls failed');
      results.push({ hello: helloRun.requestsPerSecond, same: sameRun.requestsPerSecond, decide: decideRun });
    }
    const rate = median(results.map((run) => run.decide.requestsPerSecond));
    const ceiling = median(results.map((run) => run.same));
    const hellos = median(results.map((run) => run.hello));
    return [
      {
        suite: 'decide',
        name: `POST /v1/decide, demo category page (${parsed.listing.items.length} items, 2 slots, 1 content, 3-line cart), 32 connections`,
        measured: `${formatNumber(rate)} req/s, p50 ${formatNumber(median(results.map((run) => run.decide.p50Ms)), 1)} ms, p99 ${formatNumber(median(results.map((run) => run.decide.p99Ms)), 1)} ms`,
        reference: 'aim ≥ 50 % of the same-answer route, p99 ≤ 15 ms',
        note: `answer ${formatNumber(answer.length / 1024, 1)} KB`,
      },
      {
        suite: 'decide',
        name: 'bare Fastify route returning the same answer, serialised per request',
        measured: `${formatNumber(ceiling)} req/s`,
        note: `decide / same answer: ${formatNumber(rate / ceiling, 2)}`,
      },
      {
        suite: 'decide',
        name: 'bare Fastify hello-world',
        measured: `${formatNumber(hellos)} req/s`,
        note: `decide / hello-world: ${formatNumber(rate / hellos, 2)}`,
      },
    ];
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
