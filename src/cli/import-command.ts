import { openProductFile } from '../adapters/files/product-file-reader.js';
import { createProductRecordValidator } from '../adapters/http/products/record-validator.js';
import {
  importProducts,
  type ImportRow,
  type ImportSummary,
  type ProductWriter,
} from '../app/catalog/product-import.js';
import type { Config } from '../config/schema.js';
import { createCatalogCommand } from '../main.js';
import { ProgressBar } from './progress-bar.js';

/**
 * `attune import products FILE`: streams a CSV or NDJSON file into the catalogue in atomic batches,
 * with a progress bar, then prints how many rows were imported and each rejected row. Writes
 * straight to the configured store (5,000 rows a transaction, without loading the catalogue), or,
 * with `--url`, through a running node's API (1,000 a call). Written straight to the store, each
 * batch still reaches the nodes running on it: through Redis when there is one, else relayed
 * through the store (see `StoreRelayPublisher`); a node reads it back a page of ids at a time.
 */
export async function importCommand(
  config: Config,
  file: string,
  api: { url?: string | undefined; key?: string | undefined },
): Promise<number> {
  const source = openProductFile(file, config.currency);
  const bar = new ProgressBar(`importing ${file}`);
  const onProgress = (rows: number) => {
    const { done, total } = source.progress();
    bar.update(done, total, `${rows} rows`);
  };
  const started = performance.now();
  const summary =
    api.url === undefined
      ? await importIntoStore(config, source.rows, onProgress)
      : await importThroughApi(config.currency, api.url, api.key, source.rows, onProgress);
  bar.finish();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `imported ${summary.imported} products, rejected ${summary.rejected.length} rows in ${seconds} s\n`,
  );
  for (const row of summary.rejected.slice(0, 100)) {
    process.stdout.write(
      `  line ${row.line}: ${row.code}${row.pointer === undefined ? '' : ` at ${row.pointer}`}: ${row.detail}\n`,
    );
  }
  if (summary.rejected.length > 100)
    process.stdout.write(`  ... and ${summary.rejected.length - 100} more\n`);
  return summary.rejected.length === 0 ? 0 : 2;
}

/**
 * Rows written in one transaction (and announced in one message) straight into the store: large, as
 * each commit waits for the disk, small enough that a node re-reads a batch in a few pages.
 */
const STORE_BATCH = 5_000;

async function importIntoStore(
  config: Config,
  rows: AsyncIterable<ImportRow>,
  onProgress: (rows: number) => void,
): Promise<ImportSummary> {
  const command = await createCatalogCommand({ ...config, demo: false, logLevel: 'warn' });
  try {
    return await importProducts(rows, command.productWriter, {
      validate: createProductRecordValidator(),
      currency: config.currency,
      batchSize: STORE_BATCH,
      onProgress,
    });
  } finally {
    await command.close();
  }
}

/** The same import, sent as `POST /v1/products:batch` calls; rows are validated locally first. */
async function importThroughApi(
  currency: string,
  url: string,
  key: string | undefined,
  rows: AsyncIterable<ImportRow>,
  onProgress: (rows: number) => void,
): Promise<ImportSummary> {
  if (key === undefined) throw new Error('--url needs --key (a secret key)');
  const sender: ProductWriter = {
    async putProducts(items) {
      const response = await fetch(new URL('/v1/products:batch', url), {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ items }),
      });
      if (!response.ok) throw new Error(`the API answered ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { items: unknown[] }).items;
    },
  };
  return importProducts(rows, sender, { validate: createProductRecordValidator(), currency, onProgress });
}
