import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/adapters/files/package-root.js';
import { startChildServer } from '../support/child-server.js';
import { startTestAttune } from '../support/test-attune.js';

const dataDir = mkdtempSync(join(tmpdir(), 'attune-import-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('attune import products', () => {
  it('imports the good rows, reports each bad one by line, and exits 2', async () => {
    const fixture = resolve(packageRoot(), 'test/fixtures/products.csv');
    const run = await startChildServer({ DATA_DIR: dataDir }, ['import', 'products', fixture]);
    expect(await run.exited()).toBe(2);
    const output = run.output();
    expect(output).toContain('imported 3 products, rejected 3 rows');
    expect(output).toMatch(/line 4: invalid_id at \/id/);
    expect(output).toMatch(/line 5: invalid_money at \/price\/amount/);
    expect(output).toMatch(/line 7: out_of_range at \/title/);

    const node = await startTestAttune({}, { dataDir });
    try {
      expect((await node.call('GET', '/v1/products/85123A')).json()).toMatchObject({
        categories: ['home/candles', 'gifts'],
        brand: 'Acme',
        cost: { amount: 120, currency: 'GBP' },
        attributes: { colour: 'white' },
        handle: 'white-hanging-heart',
        images: [
          { url: 'https://cdn.example.com/heart.jpg', alt: 'White Hanging Heart T-Light Holder' },
          { url: '/media/heart-side.jpg', alt: 'White Hanging Heart T-Light Holder' },
        ],
      });
      expect((await node.call('GET', '/v1/products/22752')).json().status).toBe('archived');
    } finally {
      await node.dispose();
    }
  });
});
