import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildServer, waitForStatus, type ChildServer } from '../support/child-server.js';
import { postgresUrl, uniqueName, withPostgres } from '../support/services.js';

const SECRET = 'sk_promotions_race_0123456789abcdef';
const ORDERS = 100;

type Answer = {
  status: number;
  body: { code?: string; discounts?: { promotionId: string; amount: { amount: number } }[] };
};

async function call(baseUrl: string, method: string, path: string, body: unknown): Promise<Answer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

/** A kettle, a single-use code, a multi-use code with a 1,000.00 budget, an automatic promotion with a 50.00 budget. */
async function setUp(baseUrl: string): Promise<void> {
  const writes: [string, unknown][] = [
    ['/v1/products/kettle', { title: 'Kettle', price: { amount: 5_000, currency: 'GBP' } }],
    [
      '/v1/promotions/single',
      {
        title: 'Once',
        coupon: { required: true, codes: ['ONLY-ONCE'], singleUse: true },
        action: { type: 'amount_off', target: 'order', amount: 1_000 },
      },
    ],
    [
      '/v1/promotions/budgeted',
      {
        title: '30.00 off',
        coupon: { required: true, codes: ['THIRTY'] },
        limits: { budget: { amount: 100_000, currency: 'GBP' } },
        action: { type: 'amount_off', target: 'order', amount: 3_000 },
      },
    ],
    [
      '/v1/promotions/automatic',
      {
        title: '10.00 off',
        limits: { budget: { amount: 5_000, currency: 'GBP' } },
        action: { type: 'amount_off', target: 'order', amount: 1_000 },
      },
    ],
  ];
  for (const [path, body] of writes) expect((await call(baseUrl, 'PUT', path, body)).status).toBe(201);
}

/** Sends `ORDERS` orders at once, spread over the servers, each with the coupons given. */
function race(servers: readonly ChildServer[], label: string, coupons: string[]): Promise<Answer[]> {
  return Promise.all(
    Array.from({ length: ORDERS }, (_, index) =>
      call((servers[index % servers.length] as ChildServer).baseUrl, 'POST', '/v1/orders', {
        orderId: `${label}-${index}`,
        userId: `${label}-customer-${index}`,
        currency: 'GBP',
        items: [{ productId: 'kettle', quantity: 1 }],
        coupons,
      }),
    ),
  );
}

const given = (answers: Answer[], promotionId: string) =>
  answers
    .flatMap((answer) => answer.body.discounts ?? [])
    .filter((each) => each.promotionId === promotionId)
    .reduce((sum, each) => sum + each.amount.amount, 0);

/** The three races: nothing is ever overspent, on whichever servers the orders land. */
async function expectNothingOverspent(servers: readonly ChildServer[]): Promise<void> {
  const single = await race(servers, 'single', ['only-once']);
  expect(single.filter((answer) => answer.status === 200)).toHaveLength(1);
  const refused = single.filter((answer) => answer.status === 409);
  expect(refused).toHaveLength(ORDERS - 1);
  for (const answer of refused) expect(answer.body.code).toBe('coupon_redeemed');

  const budgeted = await race(servers, 'budget', ['THIRTY']);
  // 33 × 30.00 = 990.00 fits in 1,000.00; a 34th would not.
  expect(budgeted.filter((answer) => answer.status === 200)).toHaveLength(33);
  expect(
    budgeted.filter((answer) => answer.status === 409 && answer.body.code === 'budget_exhausted'),
  ).toHaveLength(ORDERS - 33);
  expect(given(budgeted, 'budgeted')).toBe(99_000);

  // The automatic promotion was already used by the successful coupon orders above; it stops at its budget.
  const automatic = await race(servers, 'auto', []);
  expect(automatic.every((answer) => answer.status === 200)).toBe(true);
  const earlier = given([...single, ...budgeted], 'automatic');
  expect(earlier + given(automatic, 'automatic')).toBe(5_000);
}

describe('concurrent orders against one listening server (SQLite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-race-'));
  let server: ChildServer | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('never overspends a single-use code, a budget or an automatic promotion', async () => {
    server = await startChildServer({
      DATA_DIR: dataDir,
      ATTUNE_SECRET_KEY: SECRET,
      ATTUNE_DEMO: '0',
      LOG_LEVEL: 'warn',
    });
    await waitForStatus(`${server.baseUrl}/readyz`, 200);
    await setUp(server.baseUrl);
    await expectNothingOverspent([server]);
  });
});

describe.skipIf(postgresUrl === null)('concurrent orders against two server processes on PostgreSQL', () => {
  const database = uniqueName('attune_race');
  const servers: ChildServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await withPostgres((client) => client.query(`drop database if exists ${database} with (force)`));
  });

  it('never overspends, whichever process takes each order', async () => {
    await withPostgres((client) => client.query(`create database ${database}`));
    const url = new URL(postgresUrl as string);
    url.pathname = `/${database}`;
    const env = (dataDir: string) => ({
      DATA_DIR: dataDir,
      DATABASE_URL: url.toString(),
      ATTUNE_SECRET_KEY: SECRET,
      ATTUNE_DEMO: '0',
      LOG_LEVEL: 'warn',
    });
    const first = await startChildServer(env(mkdtempSync(join(tmpdir(), 'attune-race-pg-'))));
    servers.push(first);
    await waitForStatus(`${first.baseUrl}/readyz`, 200);
    await setUp(first.baseUrl);
    // The second process starts after the promotions exist, so it reads them from the database.
    const second = await startChildServer(env(mkdtempSync(join(tmpdir(), 'attune-race-pg-'))));
    servers.push(second);
    await waitForStatus(`${second.baseUrl}/readyz`, 200);
    await expectNothingOverspent(servers);
  });
});
