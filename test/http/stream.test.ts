import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  PUBLISHABLE_KEY,
  SECRET_KEY,
  productBody,
  startTestAttune,
  type TestAttune,
} from '../support/test-attune.js';
import { SseClient, type SseFrame } from '../support/sse-client.js';

let node: TestAttune;
let base: string;
const opened: SseClient[] = [];

const product = (id: string, amount: number) => ({
  id,
  ...productBody({ title: id, categories: ['home/kitchen'], price: { amount, currency: 'GBP' } }),
});

/** Opens a stream as a browser would: everything in the query string. */
async function stream(
  query: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<SseClient> {
  const client = await SseClient.open(`${base}/v1/stream?${new URLSearchParams(query).toString()}`, headers);
  opened.push(client);
  return client;
}

const event = (name: string) => (frame: SseFrame) => frame.event === name;

const track = (userId: string, name: string, properties: Record<string, unknown>) =>
  node.call('POST', '/v1/track', { body: { userId, event: name, properties } });

const tokenFor = async (userId: string): Promise<string> =>
  (await node.call('POST', '/v1/customer-tokens', { body: { userId } })).json().token;

/** A setup call that must succeed, so a typo in a fixture fails here and not as a missing event. */
async function setUp(method: 'PUT' | 'POST', url: string, body: unknown): Promise<void> {
  const response = await node.call(method, url, { body });
  expect(response.status, response.body).toBeLessThan(300);
}

beforeAll(async () => {
  node = await startTestAttune({ ATTUNE_STREAM_HEARTBEAT_SECONDS: '1' });
  await node.call('POST', '/v1/products:batch', {
    body: { items: [product('mug', 800), product('plate', 600), product('bowl', 500), product('jug', 1500)] },
  });
  await setUp('PUT', '/v1/inventory/plate', { available: 3 });
  await setUp('PUT', '/v1/segments/vip', {
    name: 'VIP',
    rule: { trait: 'traits.plan', op: 'eq', value: 'vip' },
  });
  await setUp('PUT', '/v1/price-lists/vip-prices', {
    type: 'sale',
    currency: 'GBP',
    audience: { segments: ['vip'] },
    rule: { percentOff: 10, match: {} },
  });
  await setUp('PUT', '/v1/promotions/spend-20', {
    title: '10% off over £20',
    conditions: { subtotal: { gte: 2000 } },
    action: { type: 'percent_off', target: 'order', percent: 10 },
  });
  await node.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(node.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const client of opened) client.close();
  await node.dispose();
});

describe('GET /v1/stream', () => {
  it('takes the key and the customer token from the query, as EventSource must', async () => {
    await node.call('POST', '/v1/identify', { body: { userId: 'ada', traits: { plan: 'basic' } } });
    const anonymous = await stream({ userId: 'ada', key: PUBLISHABLE_KEY });
    expect(anonymous.status).toBe(200);
    expect(anonymous.contentType).toBe('text/event-stream; charset=utf-8');
    expect((await anonymous.next(event('ready'))).data).toMatchObject({ personalized: false });

    const proven = await stream({ userId: 'ada', key: PUBLISHABLE_KEY, token: await tokenFor('ada') });
    expect((await proven.next(event('ready'))).data).toMatchObject({ personalized: true });

    const refused = await stream({ userId: 'ada' });
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'unauthorized' });

    // A secret key would be written into proxy logs and browser histories with the URL.
    const secretInUrl = await stream({ userId: 'ada', key: SECRET_KEY });
    expect(secretInUrl.status).toBe(401);
    expect(JSON.parse(secretInUrl.body)).toMatchObject({ code: 'unauthorized', pointer: '/key' });
  });

  it('pushes segment.entered and the new prices when the customer joins a segment', async () => {
    await node.call('POST', '/v1/identify', { body: { userId: 'bea', traits: { plan: 'basic' } } });
    const page = await stream({
      userId: 'bea',
      key: PUBLISHABLE_KEY,
      token: await tokenFor('bea'),
      products: 'mug',
    });
    await page.next(event('ready'));
    await node.call('POST', '/v1/identify', { body: { userId: 'bea', traits: { plan: 'vip' } } });
    expect((await page.next(event('segment.entered'))).data).toEqual({ segmentId: 'vip' });
    expect((await page.next(event('price.changed'))).data).toEqual({
      productId: 'mug',
      before: { amount: 800, currency: 'GBP' },
      after: { amount: 720, currency: 'GBP' },
    });
  });

  it('pushes price.changed to a visitor when the merchant changes a price the page shows', async () => {
    const page = await stream({ anonymousId: 'anon-price', key: PUBLISHABLE_KEY, products: 'bowl,mug' });
    expect((await page.next(event('ready'))).data).toMatchObject({ products: ['bowl', 'mug'] });
    await node.call('PUT', '/v1/products/bowl', {
      body: productBody({
        title: 'bowl',
        categories: ['home/kitchen'],
        price: { amount: 450, currency: 'GBP' },
      }),
    });
    expect((await page.next(event('price.changed'))).data).toEqual({
      productId: 'bowl',
      before: { amount: 500, currency: 'GBP' },
      after: { amount: 450, currency: 'GBP' },
    });
  });

  it('pushes stock.changed when an item in the cart sells out, and offer.unlocked when the cart qualifies', async () => {
    const page = await stream({ userId: 'cy' }, { authorization: `Bearer ${SECRET_KEY}` });
    await page.next(event('ready'));
    await track('cy', 'Product Added', { product_id: 'plate', price: 6, quantity: 1 });
    await track('cy', 'Product Added', { product_id: 'mug', price: 8, quantity: 1 });
    // 14 pounds: the offer is open but the cart does not qualify yet.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(page.pending.filter(event('offer.unlocked'))).toEqual([]);
    await track('cy', 'Product Added', { product_id: 'mug', price: 8, quantity: 1 });
    expect((await page.next(event('offer.unlocked'))).data).toEqual({
      promotionId: 'spend-20',
      title: '10% off over £20',
      badge: expect.any(String),
    });
    await node.call('PUT', '/v1/inventory/plate', { body: { available: 0 } });
    expect((await page.next(event('stock.changed'))).data).toEqual({
      productId: 'plate',
      inStock: false,
      available: 0,
    });
  });

  it('resumes after Last-Event-ID with what the page missed, and asks for a resync when it cannot', async () => {
    const first = await stream({ anonymousId: 'anon-resume', key: PUBLISHABLE_KEY, products: 'jug' });
    const ready = await first.next(event('ready'));
    first.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await node.call('PUT', '/v1/products/jug', {
      body: productBody({
        title: 'jug',
        categories: ['home/kitchen'],
        price: { amount: 1400, currency: 'GBP' },
      }),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const again = await stream(
      { anonymousId: 'anon-resume', key: PUBLISHABLE_KEY, products: 'jug' },
      { 'last-event-id': ready.id as string },
    );
    const missed = await again.next();
    expect(missed).toMatchObject({ event: 'price.changed', data: { productId: 'jug' } });
    expect(missed.id).not.toBe(ready.id);

    const lost = await stream(
      { anonymousId: 'anon-resume', key: PUBLISHABLE_KEY, products: 'jug' },
      { 'last-event-id': 'elsewhere.7' },
    );
    expect((await lost.next()).event).toBe('resync');
  });

  it('keeps an idle connection open with heartbeats', async () => {
    const page = await stream({ anonymousId: 'anon-idle', key: PUBLISHABLE_KEY });
    await page.next(event('ready'));
    expect(await page.next((frame) => frame.comment === 'heartbeat', 3_000)).toEqual({
      comment: 'heartbeat',
    });
  });

  it('answers a malformed query with a problem naming the field', async () => {
    const badProducts = await stream({ key: PUBLISHABLE_KEY, products: 'mug,no spaces' });
    expect(badProducts.status).toBe(400);
    expect(JSON.parse(badProducts.body)).toMatchObject({ code: 'invalid_id' });
    const unknown = await stream({ key: PUBLISHABLE_KEY, colour: 'blue' });
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body)).toMatchObject({ code: 'unknown_field' });
  });
});

describe('GET /v1/stream logging', () => {
  it('logs the stream without the key or token the query carried, and without the customer’s id', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const logged = await startTestAttune({}, { logger });
    await logged.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (logged.app.server.address() as AddressInfo).port;
    const token = (await logged.call('POST', '/v1/customer-tokens', { body: { userId: 'dee' } })).json()
      .token;
    const page = await SseClient.open(
      `http://127.0.0.1:${port}/v1/stream?userId=dee&key=${PUBLISHABLE_KEY}&token=${token}`,
    );
    await page.next(event('ready'));
    page.close();
    await vi.waitFor(() => expect(lines.join('')).toContain('stream closed'));
    await logged.dispose();
    const log = lines.join('');
    expect(log).toMatch(/\/v1\/stream\?userId=~[0-9a-f]{16}&key=\[redacted\]&token=\[redacted\]/);
    expect(log).not.toContain('userId=dee');
    expect(log).not.toContain(PUBLISHABLE_KEY);
    expect(log).not.toContain(token);
  });
});

describe('GET /v1/stream limits', () => {
  it('refuses connections beyond the node limit with 503 too_many_streams', async () => {
    const small = await startTestAttune({ ATTUNE_STREAM_MAX_CONNECTIONS: '1' });
    await small.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(small.app.server.address() as AddressInfo).port}/v1/stream?key=${PUBLISHABLE_KEY}`;
    const first = await SseClient.open(url);
    await first.next(event('ready'));
    const second = await SseClient.open(url);
    expect(second.status).toBe(503);
    expect(JSON.parse(second.body)).toMatchObject({ code: 'too_many_streams' });
    first.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const third = await SseClient.open(url);
    expect(third.status).toBe(200);
    third.close();
    await small.dispose();
  });
});
