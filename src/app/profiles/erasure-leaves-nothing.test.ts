import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InProcessEventBus } from '../../adapters/bus/in-process-event-bus.js';
import { ManualClock } from '../../adapters/clock/manual-clock.js';
import type { WebhookTransport } from '../../ports/webhook-transport.js';
import { startApp, type AppFixture } from '../../../test/support/app-fixture.js';
import { createTestPostgresStore, postgresUrl } from '../../../test/support/services.js';
import {
  filesNaming,
  postgresFiles,
  sqliteFiles,
  type StoreFile,
} from '../../../test/support/store-files.js';
import { priceShopperOf } from '../customers/customer-context.js';
import { createIdHasher } from './id-hasher.js';

const ERIN = 'erin-4711';
const DEVICE = 'erin-device-99';
const SECRET_TRAIT = 'erin.secret.trait@example.org';
const NEEDLES = [ERIN, DEVICE, SECRET_TRAIT];
const secret = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;

/** Webhook posts, answered 204 by `ok.example` and 500 by `down.example` (so those wait for a retry). */
const posts: { url: string; body: string }[] = [];
const transport: WebhookTransport = {
  post: (url, _headers, body) => {
    posts.push({ url, body });
    return Promise.resolve(url.startsWith('https://down.example') ? 500 : 204);
  },
  check: () => Promise.resolve(),
};

interface StoreUnderTest {
  readonly app: AppFixture;
  files(): Promise<StoreFile[]>;
  dispose(): Promise<void>;
}

async function onSqlite(): Promise<StoreUnderTest> {
  const app = await startApp({ transport, start: Date.now() });
  return { app, files: async () => sqliteFiles(app.dataDir), dispose: () => app.close() };
}

async function onPostgres(): Promise<StoreUnderTest> {
  // A database of its own: other suites' snapshots, which hold back a vacuum only in their own
  // database, do not make the purge wait (past its ten seconds, under a full test run).
  const { store, schema, url, drop } = await createTestPostgresStore({ ownDatabase: true });
  const bus = new InProcessEventBus(() => {});
  const clock = new ManualClock(Date.now());
  const app = await startApp({ transport, sharedWith: { store, bus, clock } });
  return {
    app,
    files: () => postgresFiles(schema, url),
    dispose: async () => {
      await app.close();
      await bus.close();
      await drop();
    },
  };
}

const stores = [
  { name: 'SQLite', open: onSqlite, skip: false },
  { name: 'PostgreSQL', open: onPostgres, skip: postgresUrl === null },
];

describe.each(stores)('erasure leaves nothing of the customer on $name', ({ open, skip }) => {
  let subject: StoreUnderTest;
  let app: AppFixture;
  const decisions: { flushed?: string; pending?: string; racing?: string } = {};
  beforeAll(async () => {
    if (skip) return;
    subject = await open();
    app = subject.app;
    await everywhereErinIs(app, decisions);
  });
  afterAll(() => subject?.dispose());

  it.skipIf(skip)(
    'holds the customer in every place before the erasure (so the checks below can fail)',
    async () => {
      expect(filesNaming(await subject.files(), NEEDLES).length).toBeGreaterThan(0);
      expect((await app.store.getPriceList('erin-contract'))?.audience.customers).toEqual([ERIN]);
      expect(await app.store.findOrder('erin-order')).toBeDefined();
      const hashed = createIdHasher('test-salt')({ kind: 'user', value: ERIN });
      expect((await app.store.promotionUsage(['twice'], hashed)).customer.get('twice')).toBe(1);
      expect(await app.store.getDecision(decisions.flushed as string)).toBeDefined();
      expect((await app.store.outboxOf('down')).map((message) => message.payload).join()).toContain(ERIN);
    },
  );

  it.skipIf(skip)('erases the customer everywhere, however late their decisions are written', async () => {
    // One decision written while the erasure runs, and one made before it but written after it.
    const erin = await profileIdOf(app, ERIN);
    await Promise.all([app.profiles.erase(ERIN), app.decisionLog.flush()]);
    app.decisionLog.record({ id: 'dec-late', profileId: erin, at: 0, shown: '{}' });
    decisions.pending = 'dec-late';
    await app.decisionLog.flush();
    for (const id of [decisions.flushed, decisions.pending, decisions.racing])
      expect(await app.store.getDecision(id as string), id).toBeUndefined();
    expect(await app.store.getDecision('dec-frank')).toBeDefined();
  });

  it.skipIf(skip)(
    'drops the webhook messages that name them, delivered or waiting, and never retries them',
    async () => {
      for (const webhook of ['ok', 'down']) {
        const payloads = (await app.store.outboxOf(webhook)).map((message) => message.payload);
        expect(payloads.join(), webhook).not.toContain(ERIN);
        expect(payloads.join(), webhook).toContain('frank');
      }
      // Frank's message waits for a retry as Erin's did: once his is retried, hers would have been.
      const sent = posts.length;
      app.clock.advance(60_000);
      await vi.waitFor(async () => expect((await app.store.outboxOf('down'))[0]?.attempts).toBe(2), {
        timeout: 10_000,
      });
      expect(
        posts
          .slice(sent)
          .map((post) => post.body)
          .join(),
      ).not.toContain(ERIN);
    },
  );

  it.skipIf(skip)(
    'replaces them in price-list audiences and their history, and their prices stop',
    async () => {
      const contract = await app.store.getPriceList('erin-contract');
      expect(contract?.audience.customers).toHaveLength(1);
      expect(contract?.audience.customers).not.toContain(ERIN);
      expect((await app.store.getPriceList('friends'))?.audience.customers).toContain('frank');
      const history = await app.store.priceHistory(0);
      expect(JSON.stringify(history.lists)).not.toContain(ERIN);
      // Someone signing up again under the same userId is a new customer: no contract price.
      const shopper = priceShopperOf(await app.customer({ userId: ERIN }));
      const [priced] = app.pricing.resolve([{ productId: 'mug', quantity: 1 }], 'GBP', shopper);
      expect(priced?.final?.amount).toBe(1_000);
    },
  );

  it.skipIf(skip)('deletes their checkout orders and what they used of per-customer limits', async () => {
    expect(await app.store.findOrder('erin-order')).toBeUndefined();
    expect(await app.store.findOrder('frank-order')).toBeDefined();
    // Per-customer limits count under the salted hash of the userId (the fixture's salt).
    const hashed = createIdHasher('test-salt');
    const usage = async (userId: string) =>
      (await app.store.promotionUsage(['twice'], hashed({ kind: 'user', value: userId }))).customer.get(
        'twice',
      );
    expect(await usage(ERIN)).toBeUndefined();
    expect(await usage('frank')).toBe(1);
  });

  it.skipIf(skip)('leaves none of their ids or traits in the store’s files', async () => {
    expect(filesNaming(await subject.files(), NEEDLES)).toEqual([]);
  });
});

async function profileIdOf(app: AppFixture, userId: string): Promise<string> {
  return (await app.profiles.get(userId)).profile.id;
}

/**
 * Puts the customer everywhere a customer can be: a profile with a device and a trait, webhook
 * messages (one delivered, one waiting for a retry), a price list for them alone and one they
 * share (so, the price history), a checkout order under a per-customer limit, and decisions. Frank
 * is in the same places, and must stay there.
 */
async function everywhereErinIs(app: AppFixture, decisions: { flushed?: string; racing?: string }) {
  await app.addProducts({ id: 'mug', price: { amount: 1_000, currency: 'GBP' } });
  for (const [id, host] of [
    ['ok', 'ok.example'],
    ['down', 'down.example'],
  ] as const) {
    await app.rules.webhooks.put({ id, url: `https://${host}/hooks`, events: ['segment.entered'], secret });
  }
  await app.rules.segments.put('vip', { name: 'VIP', rule: { trait: 'traits.vip', op: 'eq', value: true } });
  await app.rules.backfill.idle();
  await app.track(
    { type: 'identify', userId: ERIN, anonymousId: DEVICE, traits: { vip: true, email: SECRET_TRAIT } },
    { type: 'identify', userId: 'frank', traits: { vip: true } },
  );
  await vi.waitFor(async () => {
    expect((await app.store.outboxOf('ok')).every((message) => message.deliveredAt !== null)).toBe(true);
    expect((await app.store.outboxOf('down')).every((message) => message.attempts === 1)).toBe(true);
  });
  const contract = {
    type: 'override' as const,
    currency: 'GBP' as const,
    prices: [{ productId: 'mug', amount: 700 }],
  };
  await app.pricing.put('erin-contract', { ...contract, audience: { customers: [ERIN] } });
  await app.pricing.put('friends', { ...contract, priority: -1, audience: { customers: [ERIN, 'frank'] } });
  await app.pricing.put('friends', { ...contract, priority: -2, audience: { customers: [ERIN, 'frank'] } });
  await app.promotions.put('twice', {
    title: '10% twice per customer',
    limits: { perCustomer: 2 },
    action: { type: 'percent_off', target: 'order', percent: 10 },
  });
  for (const [userId, orderId] of [
    [ERIN, 'erin-order'],
    ['frank', 'frank-order'],
  ] as const) {
    const order = { orderId, userId, currency: 'GBP' as const, items: [{ productId: 'mug', quantity: 1 }] };
    await app.checkout.placeOrder(order, await app.customer({ userId }));
  }
  const erin = await profileIdOf(app, ERIN);
  app.decisionLog.record({ id: 'dec-flushed', profileId: erin, at: 0, shown: '{}' });
  app.decisionLog.record({ id: 'dec-frank', profileId: await profileIdOf(app, 'frank'), at: 0, shown: '{}' });
  await app.decisionLog.flush();
  app.decisionLog.record({ id: 'dec-racing', profileId: erin, at: 0, shown: '{}' });
  decisions.flushed = 'dec-flushed';
  decisions.racing = 'dec-racing';
}
