import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLoad } from '../lib/load.js';
import { formatNumber, median, type BenchRow } from '../lib/report.js';
import { startServerProcess } from '../lib/server-process.js';
import { syntheticEvents } from '../lib/synthetic-events.js';
import { syntheticSegments } from '../lib/synthetic-segments.js';

const SECRET = 'sk_bench_secret_key_0123456789abcdef';
const BATCH = 500;
const BATCHES = 120;
const CONCURRENCY = 4;

/** Posts `batches` over `CONCURRENCY` connections and returns events/s (every batch acknowledged durably). */
async function postBatches(url: string, batches: readonly string[]): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let index = next++; index < batches.length; index = next++) {
        const response = await fetch(`${url}/v1/batch`, {
          method: 'POST',
          headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
          body: batches[index] as string,
        });
        const answer = (await response.json()) as { accepted: number };
        if (response.status !== 200 || answer.accepted !== BATCH)
          throw new Error(`batch ${index}: ${response.status} ${JSON.stringify(answer)}`);
      }
    }),
  );
  return (batches.length * BATCH) / ((performance.now() - started) / 1000);
}

/**
 * Ingestion through the public API on the embedded store: events/s through `/v1/batch` (500-event
 * batches, 4 connections, each acknowledged only once durable) and the latency of single `/v1/track`
 * calls, with the full profile pipeline.
 */
export async function ingestionSuite(runs: number): Promise<BenchRow[]> {
  const rates: number[] = [];
  const ratesWithSegments: number[] = [];
  const p50s: number[] = [];
  const p99s: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const dataDir = mkdtempSync(join(tmpdir(), 'attune-bench-ingest-'));
    const server = await startServerProcess('attune-node', {
      DATA_DIR: dataDir,
      ATTUNE_DEMO: '0',
      ATTUNE_SECRET_KEY: SECRET,
    });
    try {
      const productIds = Array.from({ length: 4000 }, (_, index) => String(20000 + index));
      const events = syntheticEvents(BATCH * BATCHES, productIds, { seed: run + 1 });
      const batches = Array.from({ length: BATCHES }, (_, index) =>
        JSON.stringify({ batch: events.slice(index * BATCH, (index + 1) * BATCH) }),
      );
      rates.push(await postBatches(server.url, batches));
      for (const segment of syntheticSegments(100)) {
        const response = await fetch(`${server.url}/v1/segments/${segment.id}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name: segment.name, rule: segment.rule }),
        });
        if (!response.ok) throw new Error(`segment ${segment.id}: ${response.status}`);
      }
      // Let the back-fills of the new segments finish before measuring again.
      for (;;) {
        const list = (await (
          await fetch(`${server.url}/v1/segments`, { headers: { authorization: `Bearer ${SECRET}` } })
        ).json()) as {
          items: { backfill?: { status: string } }[];
        };
        if (list.items.every((item) => item.backfill?.status === 'done')) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const more = syntheticEvents(BATCH * BATCHES, productIds, { seed: 100 + run });
      const moreBatches = Array.from({ length: BATCHES }, (_, index) =>
        JSON.stringify({ batch: more.slice(index * BATCH, (index + 1) * BATCH) }),
      );
      ratesWithSegments.push(await postBatches(server.url, moreBatches));
      let sequence = 0;
      const single = await runLoad({
        url: `${server.url}/v1/track`,
        connections: 1,
        durationSeconds: 5,
        method: 'POST',
        headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
        bodies: () =>
          JSON.stringify({
            userId: `single-${sequence % 500}`,
            messageId: `single-${run}-${sequence++}`,
            event: 'Product Viewed',
            properties: { product_id: '20001', price: 2.95 },
          }),
      });
      p50s.push(single.p50Ms);
      p99s.push(single.p99Ms);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return [
    {
      suite: 'ingestion',
      name: 'events/s through /v1/batch (500/batch, 4 connections, SQLite, durable)',
      measured: `${formatNumber(median(rates))} events/s`,
      reference: 'aim ≥ 20,000',
      note: `per run: ${rates.map((rate) => formatNumber(rate)).join(', ')}`,
    },
    {
      suite: 'ingestion',
      name: 'the same with 100 segments defined (real-time membership, windows, webhooks outbox)',
      measured: `${formatNumber(median(ratesWithSegments))} events/s`,
      reference: 'aim ≥ 5,000',
      note: `per run: ${ratesWithSegments.map((rate) => formatNumber(rate)).join(', ')}`,
    },
    {
      suite: 'ingestion',
      name: 'single /v1/track latency (1 connection)',
      measured: `p50 ${formatNumber(median(p50s), 2)} ms, p99 ${formatNumber(median(p99s), 2)} ms`,
      reference: 'aim p99 < 5 ms',
      note: `p99 per run: ${p99s.map((p) => formatNumber(p, 2)).join(', ')}`,
    },
  ];
}
