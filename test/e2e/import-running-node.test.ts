import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildServer, waitForStatus, type ChildServer } from '../support/child-server.js';
import { postgresUrl, uniqueName, withPostgres } from '../support/services.js';

const SECRET = 'sk_e2e_import_running_node_0123456789';
const directories: string[] = [];
const servers: ChildServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

function temporaryDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'attune-import-live-'));
  directories.push(directory);
  return directory;
}

/** Polls until `url` answers 200, or gives up after `timeoutMs`; resolves with the last status. */
async function statusWithin(url: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = (await fetch(url, { headers: { authorization: `Bearer ${SECRET}` } })).status;
    if (status === 200 || Date.now() > deadline) return status;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Starts a node on `storeEnv`, imports products with the CLI straight into that store (another
 * process, no Redis), and expects the running node to serve them without a restart.
 */
async function importIntoRunningNode(storeEnv: Record<string, string>): Promise<void> {
  const env = { ...storeEnv, ATTUNE_SECRET_KEY: SECRET, ATTUNE_DEMO: '0', LOG_LEVEL: 'warn' };
  const node = await startChildServer(env);
  servers.push(node);
  await waitForStatus(`${node.baseUrl}/readyz`, 200);
  expect(await statusWithin(`${node.baseUrl}/v1/products/live-1`, 0)).toBe(404);

  const file = join(temporaryDirectory(), 'products.ndjson');
  writeFileSync(
    file,
    Array.from({ length: 1_500 }, (_, index) =>
      JSON.stringify({
        id: `live-${index}`,
        title: `Live ${index}`,
        price: { amount: 500 + index, currency: 'GBP' },
      }),
    ).join('\n'),
  );
  const run = await startChildServer(env, ['import', 'products', file]);
  expect(await run.exited()).toBe(0);
  expect(run.output()).toContain('imported 1500 products');

  // Both batches (1,000 and 500 rows) reach the node that was running all along.
  expect(await statusWithin(`${node.baseUrl}/v1/products/live-1`, 15_000)).toBe(200);
  expect(await statusWithin(`${node.baseUrl}/v1/products/live-1499`, 15_000)).toBe(200);
  const product = (await (
    await fetch(`${node.baseUrl}/v1/products/live-1499`, { headers: { authorization: `Bearer ${SECRET}` } })
  ).json()) as { price: { amount: number } };
  expect(product.price.amount).toBe(1999);
}

describe('attune import into the store of a running node', () => {
  it('reaches the node on the embedded store', async () => {
    await importIntoRunningNode({ DATA_DIR: temporaryDirectory() });
  });

  it.skipIf(postgresUrl === null)(
    'reaches the node on PostgreSQL without Redis',
    async () => {
      const database = uniqueName('attune_import_live');
      await withPostgres((client) => client.query(`create database ${database}`));
      try {
        const url = new URL(postgresUrl as string);
        url.pathname = `/${database}`;
        await importIntoRunningNode({ DATA_DIR: temporaryDirectory(), DATABASE_URL: url.toString() });
      } finally {
        await Promise.all(servers.splice(0).map((server) => server.stop()));
        await withPostgres((client) => client.query(`drop database if exists ${database} with (force)`));
      }
      // Two processes starting on a fresh database took ~60 s on a loaded 2-core machine.
    },
    180_000,
  );
});
