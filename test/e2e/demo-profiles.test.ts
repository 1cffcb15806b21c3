import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNdjsonFile } from '../../src/adapters/files/ndjson.js';
import { packageRoot } from '../../src/adapters/files/package-root.js';
import type { DemoInvoice } from '../../src/app/demo/replay-orders.js';
import { majorToMinorUnits } from '../../src/domain/shared/index.js';
import { startTestAttune, type TestAttune } from '../support/test-attune.js';

const CUSTOMERS = ['17850', '12347', '14646'];
const root = packageRoot();
const rawDataSet = resolve(root, '../shared/data/online-retail/online_retail.csv.gz');

/**
 * Order count and lifetime value straight from invoices, in their order: an order adds its lines,
 * a cancellation (C...) takes its lines back, never below zero.
 */
function expectedFrom(invoices: Iterable<{ invoice: string; customer: string; pence: number }>) {
  const expected = new Map<string, { orderCount: number; ltv: number }>();
  for (const { invoice, customer, pence } of invoices) {
    const entry = expected.get(customer) ?? { orderCount: 0, ltv: 0 };
    if (invoice.startsWith('C')) entry.ltv = Math.max(0, entry.ltv - pence);
    else {
      entry.orderCount += 1;
      entry.ltv += pence;
    }
    expected.set(customer, entry);
  }
  return expected;
}

let node: TestAttune;
let invoices: DemoInvoice[];
beforeAll(async () => {
  invoices = await readNdjsonFile<DemoInvoice>(resolve(root, 'demo/online-retail/orders.ndjson.gz'));
  node = await startTestAttune({ ATTUNE_DEMO: '1' });
  await node.backgroundWork;
}, 120_000);
afterAll(() => node?.dispose());

describe('the demo store after its replay of the real Online Retail orders', () => {
  it('has one profile per real customer', async () => {
    const customers = new Set(invoices.map((invoice) => invoice.customer));
    expect(customers.size).toBe(4372);
    let profiles = 0;
    for (
      let page = await node.store.scanProfiles(undefined, 1000);
      page.length > 0;
      page = await node.store.scanProfiles(page[page.length - 1]?.profile.id, 1000)
    ) {
      profiles += page.filter(
        (entry) => entry.profile.userId !== undefined && customers.has(entry.profile.userId),
      ).length;
    }
    expect(profiles).toBe(customers.size);
  });

  it.each(CUSTOMERS)('customer %s has the order count and lifetime value the data says', async (customer) => {
    const expected = expectedFrom(
      invoices.map((invoice) => ({
        ...invoice,
        pence: invoice.lines.reduce((sum, [, quantity, pence]) => sum + quantity * pence, 0),
      })),
    ).get(customer);
    const profile = (await node.call('GET', `/v1/profiles/${customer}`)).json();
    expect(profile.computed.orderCount).toBe(expected?.orderCount);
    expect(profile.computed.lifetimeValue).toEqual({ GBP: expected?.ltv });
    expect(profile.traits.countryName).toBeDefined();
  });

  it.skipIf(!existsSync(rawDataSet))(
    'agrees with the original data set, not only with the shipped extract',
    async () => {
      const totals = new Map<string, { invoice: string; customer: string; pence: number }>();
      const rows = createReadStream(rawDataSet)
        .pipe(createGunzip())
        .pipe(parse({ columns: true }));
      for await (const row of rows as AsyncIterable<Record<string, string>>) {
        const customer = (row['CustomerID'] ?? '').replace(/\.0$/, '');
        if (!CUSTOMERS.includes(customer)) continue;
        const invoice = row['InvoiceNo'] ?? '';
        const entry = totals.get(invoice) ?? { invoice, customer, pence: 0 };
        entry.pence +=
          Math.abs(Number(row['Quantity'])) *
          (majorToMinorUnits(Number(row['UnitPrice']), 'GBP') ?? Number.NaN);
        totals.set(invoice, entry);
      }
      const expected = expectedFrom(totals.values());
      for (const customer of CUSTOMERS) {
        const profile = (await node.call('GET', `/v1/profiles/${customer}`)).json();
        expect(profile.computed.orderCount).toBe(expected.get(customer)?.orderCount);
        expect(profile.computed.lifetimeValue.GBP).toBe(expected.get(customer)?.ltv);
      }
    },
  );
});
