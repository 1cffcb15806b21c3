import { describe, expect, it, vi } from 'vitest';
import { useApps, type AppFixture } from '../../../test/support/app-fixture.js';
import type { ImportRow, ProductRecordValidator } from '../catalog/product-import.js';
import { holdsDemoStore, loadDemoStoreIfEmpty, type DemoSource } from './demo-store.js';
import type { DemoInvoice } from './replay-orders.js';

const start = useApps();
const DAY = 86_400_000;

const invoices: DemoInvoice[] = [
  {
    invoice: '536365',
    customer: '17850',
    country: 'GB',
    countryName: 'United Kingdom',
    at: '2010-12-01T08:26:00Z',
    lines: [
      ['85123A', 6, 255],
      ['71053', 6, 339],
    ],
  },
  {
    invoice: '536366',
    customer: '17850',
    country: 'GB',
    countryName: 'United Kingdom',
    at: '2010-12-02T09:00:00Z',
    lines: [['85123A', 2, 255]],
  },
  {
    invoice: 'C536367',
    customer: '17850',
    country: 'GB',
    countryName: 'United Kingdom',
    at: '2010-12-03T10:00:00Z',
    lines: [['85123A', 2, 255]],
  },
  {
    invoice: '536368',
    customer: '12584',
    country: 'IT',
    countryName: 'Italy',
    at: '2010-12-05T11:00:00Z',
    lines: [['71053', 1, 339]],
  },
];

const rows: ImportRow[] = [
  {
    line: 1,
    record: {
      id: '85123A',
      title: 'White Hanging Heart T-Light Holder',
      categories: ['home/decor'],
      price: { amount: 255, currency: 'GBP' },
    },
  },
  {
    line: 2,
    record: {
      id: '71053',
      title: 'White Metal Lantern',
      categories: ['home/decor'],
      price: { amount: 339, currency: 'GBP' },
    },
  },
  { line: 3, record: { title: 'no id' } },
];

const validate: ProductRecordValidator = (record) =>
  typeof record['id'] === 'string'
    ? { ok: true, product: record as never }
    : { ok: false, code: 'missing_field', pointer: '/id', detail: 'id is required' };

const source = (currency = 'GBP'): DemoSource => ({
  currency,
  catalogueRows: async function* () {
    yield* rows;
  },
  invoices: () => Promise.resolve(invoices),
});

function deps(app: AppFixture, merchandise = vi.fn(() => Promise.resolve())) {
  const log = vi.fn<(message: string) => void>();
  return {
    log,
    merchandise,
    deps: {
      store: app.store,
      catalog: app.catalog,
      ingestion: app.ingestion,
      now: () => app.clock.now(),
      validate,
      storeCurrency: 'GBP',
      log,
      merchandise,
    },
  };
}

describe('loadDemoStoreIfEmpty', () => {
  it('imports the catalogue, sets up the merchandising, replays the orders, once', async () => {
    const app = await start();
    const { deps: demo, merchandise } = deps(app);
    expect(await holdsDemoStore(app.store)).toBe(false);
    expect(await loadDemoStoreIfEmpty(source(), demo)).toBe(true);
    expect(await holdsDemoStore(app.store)).toBe(true);
    expect(await app.store.countProducts()).toBe(2);
    expect(merchandise).toHaveBeenCalledTimes(1);

    const regular = app.profiles.view((await app.profiles.get('17850')).profile);
    expect(regular.traits).toMatchObject({ country: 'GB', countryName: 'United Kingdom' });
    expect(regular.computed.orderCount).toBe(2);
    // 6 × 2.55 + 6 × 3.39 + 2 × 2.55, less the 2 × 2.55 refunded.
    expect(regular.computed.lifetimeValue).toEqual({ GBP: 3_564 });
    // The history is moved so that its last order falls three days before loading.
    const italian = app.profiles.view((await app.profiles.get('12584')).profile);
    expect(italian.computed.lastOrderAt).toBe(new Date(app.clock.now() - 3 * DAY).toISOString());

    const events = await app.store.countEvents();
    expect(await loadDemoStoreIfEmpty(source(), demo)).toBe(false);
    expect(await app.store.countEvents()).toBe(events);
    expect(merchandise).toHaveBeenCalledTimes(1);
  });

  it("never touches a store holding a shop's own products", async () => {
    const app = await start();
    await app.addProducts({ id: 'own' });
    const { deps: demo, merchandise } = deps(app);
    expect(await loadDemoStoreIfEmpty(source(), demo)).toBe(false);
    expect(merchandise).not.toHaveBeenCalled();
    expect(await app.store.countProducts()).toBe(1);
    expect(await holdsDemoStore(app.store)).toBe(false);
  });

  it('skips a demo priced in another currency than the store', async () => {
    const app = await start();
    const { deps: demo, log } = deps(app);
    expect(await loadDemoStoreIfEmpty(source('EUR'), demo)).toBe(false);
    expect(log).toHaveBeenCalledTimes(1);
    expect(await app.store.countProducts()).toBe(0);
  });

  it('resumes a load that was interrupted after the import', async () => {
    const app = await start();
    const failing = vi.fn(() => Promise.reject(new Error('stopped')));
    await expect(loadDemoStoreIfEmpty(source(), deps(app, failing).deps)).rejects.toThrow();
    expect(await app.store.countProducts()).toBe(2);
    const { deps: demo } = deps(app);
    expect(await loadDemoStoreIfEmpty(source(), demo)).toBe(true);
    expect(await holdsDemoStore(app.store)).toBe(true);
    expect((await app.profiles.get('17850')).profile.stats.orderCount).toBe(2);
  });
});
