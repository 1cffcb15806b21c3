import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { configFor } from '../../src/config/load.js';
import { openShippedProductFile } from '../../src/adapters/files/shipped-files.js';
import { createProductRecordValidator } from '../../src/adapters/http/products/record-validator.js';
import { importProducts } from '../../src/app/catalog/product-import.js';
import { createAttune } from '../../src/main.js';
import { runLoad } from '../lib/load.js';
import { formatNumber, median, type BenchRow } from '../lib/report.js';
import { startServerProcess } from '../lib/server-process.js';

const SECRET = 'sk_bench_secret_key_0123456789abcdef';

/**
 * Time to import the whole demo catalogue (3,791 real products, validated, in atomic batches of
 * 1,000) into a fresh embedded store, and to load the whole demo store (catalogue, then 26,562
 * replayed customer events) as a first start does.
 */
async function timeDemoImport(): Promise<{ catalogue: number; demo: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-bench-import-'));
  const quiet = { logger: pino({ level: 'silent' }) };
  const config = (folder: string, demo: string) =>
    configFor({
      DATA_DIR: join(dataDir, folder),
      ATTUNE_DEMO: demo,
      ATTUNE_SECRET_KEY: SECRET,
      LOG_LEVEL: 'silent',
    });
  try {
    const plain = await createAttune(config('plain', '0'), quiet);
    let started = performance.now();
    const rows = openShippedProductFile('demo/online-retail/catalogue.ndjson.gz', 'GBP').rows;
    const summary = await importProducts(rows, plain.catalog, {
      validate: createProductRecordValidator(),
      currency: 'GBP',
    });
    const catalogue = performance.now() - started;
    await plain.close();
    if (summary.imported !== 3791) throw new Error(`imported ${summary.imported} products`);
    started = performance.now();
    const demo = await createAttune(config('demo', '1'), quiet);
    await demo.backgroundWork;
    const elapsed = performance.now() - started;
    await demo.close();
    return { catalogue, demo: elapsed };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * `GET /v1/products/{id}` throughput against a bare Fastify hello-world in the same run: the ratio is
 * the figure, as the machine is shared and absolute numbers wander.
 */
export async function catalogueSuite(runs: number): Promise<BenchRow[]> {
  const importTimes: number[] = [];
  const demoTimes: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const times = await timeDemoImport();
    importTimes.push(times.catalogue);
    demoTimes.push(times.demo);
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'attune-bench-http-'));
  const attune = await startServerProcess('attune-node', {
    DATA_DIR: dataDir,
    ATTUNE_DEMO: '1',
    ATTUNE_SECRET_KEY: SECRET,
  });
  const hello = await startServerProcess('hello-world');
  try {
    const ids = (await (
      await fetch(`${attune.url}/v1/products?limit=200`, { headers: { authorization: `Bearer ${SECRET}` } })
    ).json()) as {
      items: { id: string }[];
    };
    const paths = ids.items.map((item) => `/v1/products/${item.id}`);
    const helloRates: number[] = [];
    const productRates: number[] = [];
    const productP99: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      helloRates.push(
        (await runLoad({ url: hello.url, connections: 32, durationSeconds: 5 })).requestsPerSecond,
      );
      const product = await runLoad({
        url: attune.url,
        connections: 32,
        durationSeconds: 5,
        paths,
        headers: { authorization: `Bearer ${SECRET}` },
      });
      if (product.non2xx > 0 || product.errors > 0)
        throw new Error(`product GETs failed: ${product.non2xx} non-2xx, ${product.errors} errors`);
      productRates.push(product.requestsPerSecond);
      productP99.push(product.p99Ms);
    }
    const ratios = productRates.map((rate, index) => rate / (helloRates[index] as number));
    return [
      {
        suite: 'catalogue',
        name: 'demo catalogue import (3,791 products, SQLite)',
        measured: `${formatNumber(median(importTimes))} ms`,
        note: `median of ${runs}: ${importTimes.map((t) => formatNumber(t)).join(', ')} ms`,
      },
      {
        suite: 'catalogue',
        name: 'whole demo store load (catalogue + 26,562 replayed events)',
        measured: `${formatNumber(median(demoTimes))} ms`,
        note: `median of ${runs}: ${demoTimes.map((t) => formatNumber(t)).join(', ')} ms`,
      },
      {
        suite: 'catalogue',
        name: 'bare Fastify hello-world',
        measured: `${formatNumber(median(helloRates))} req/s`,
        note: '32 connections, 5 s',
      },
      {
        suite: 'catalogue',
        name: 'GET /v1/products/{id}',
        measured: `${formatNumber(median(productRates))} req/s`,
        note: `p99 ${formatNumber(median(productP99), 1)} ms; auth, validation, metrics, logging on`,
      },
      {
        suite: 'catalogue',
        name: 'GET product / hello-world ratio',
        measured: formatNumber(median(ratios), 2),
        note: `per run: ${ratios.map((r) => formatNumber(r, 2)).join(', ')}`,
      },
    ];
  } finally {
    await Promise.all([attune.stop(), hello.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
