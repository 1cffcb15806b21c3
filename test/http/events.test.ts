import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHABLE_KEY, SECRET_KEY, startTestAttune, type TestAttune } from '../support/test-attune.js';

let node: TestAttune;
beforeAll(async () => {
  node = await startTestAttune();
});
afterAll(() => node.dispose());

const profileOf = async (id: string) => (await node.call('GET', `/v1/profiles/${id}`)).json();
const order = (userId: string, orderId: string, total: number, messageId = `msg-${orderId}`) => ({
  type: 'track',
  event: 'Order Completed',
  userId,
  messageId,
  properties: {
    order_id: orderId,
    total,
    currency: 'GBP',
    products: [{ product_id: 'p1', price: total, quantity: 1 }],
  },
});

describe('single-event routes', () => {
  it('accepts a track call and the next read of the profile shows it', async () => {
    const response = await node.call('POST', '/v1/track', {
      key: PUBLISHABLE_KEY,
      body: {
        anonymousId: 'anon-1',
        event: 'Product Viewed',
        properties: { product_id: '85123A', price: 2.95 },
      },
    });
    expect(response.json()).toEqual({ accepted: 1, rejected: [], ignored: [] });
    expect((await profileOf('anon-1')).computed.recentlyViewed).toEqual(['85123A']);
  });

  it('answers a bad event with a problem that points at the field', async () => {
    const response = await node.call('POST', '/v1/track', {
      body: { userId: 'u', event: 'Product Viewed', properties: { price: -2 } },
    });
    expect(response.json()).toMatchObject({
      status: 400,
      code: 'invalid_money',
      pointer: '/properties/price',
      in: 'body',
    });
    const noIds = await node.call('POST', '/v1/identify', { body: { traits: { email: 'x@example.com' } } });
    expect(noIds.json()).toMatchObject({ status: 400, code: 'missing_id' });
  });

  it('takes order events only from the server', async () => {
    const fromBrowser = await node.call('POST', '/v1/track', {
      key: PUBLISHABLE_KEY,
      body: order('buyer', 'o-browser', 10),
    });
    expect(fromBrowser.json()).toMatchObject({ status: 403, code: 'server_event_only' });
    expect((await node.call('POST', '/v1/track', { body: order('buyer', 'o-server', 10) })).status).toBe(200);
    expect((await profileOf('buyer')).computed).toMatchObject({
      orderCount: 1,
      lifetimeValue: { GBP: 1000 },
    });
  });
});

describe('batches', () => {
  it('stores the valid events and reports each invalid one by index and pointer', async () => {
    const batch = [
      { type: 'identify', userId: 'batch-user', traits: { email: 'b@example.com' } },
      {
        type: 'track',
        userId: 'batch-user',
        event: 'Product Added',
        properties: { product_id: 'p1', price: 'free' },
      },
      { type: 'launch', userId: 'batch-user' },
      {
        type: 'track',
        userId: 'batch-user',
        event: 'Product Added',
        properties: { product_id: 'p2', price: 1.5, quantity: 2 },
      },
      order('batch-user', 'o-batch', 5),
    ];
    const response = await node.call('POST', '/v1/batch', { key: PUBLISHABLE_KEY, body: { batch } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      accepted: 2,
      rejected: [
        expect.objectContaining({ index: 1, code: 'invalid_money', pointer: '/batch/1/properties/price' }),
        expect.objectContaining({ index: 2, code: 'unknown_event_type', pointer: '/batch/2/type' }),
        expect.objectContaining({ index: 4, code: 'server_event_only', pointer: '/batch/4/event' }),
      ],
      ignored: [],
    });
    const profile = await profileOf('batch-user');
    expect(profile.traits).toEqual({ email: 'b@example.com' });
    expect(profile.computed.cart.items).toEqual([{ productId: 'p2', quantity: 2 }]);
    expect(profile.computed.orderCount).toBe(0);
  });

  it('refuses a malformed envelope and stores nothing of it', async () => {
    const events = Array.from({ length: 501 }, (_, index) => ({
      type: 'track',
      userId: 'too-many',
      event: 'x',
      messageId: `tm-${index}`,
    }));
    expect((await node.call('POST', '/v1/batch', { body: { batch: events } })).json()).toMatchObject({
      status: 413,
      code: 'too_many_events',
    });
    expect((await node.call('GET', '/v1/profiles/too-many')).status).toBe(404);
    expect((await node.call('POST', '/v1/batch', { body: { events: [] } })).json()).toMatchObject({
      status: 400,
      code: 'missing_field',
      pointer: '/batch',
    });
    expect(
      (
        await node.call('POST', '/v1/batch', {
          payload: '{"batch": [',
          headers: { 'content-type': 'application/json' },
        })
      ).json().code,
    ).toBe('invalid_json');
    const huge = {
      batch: [
        { type: 'track', userId: 'huge', event: 'x', properties: { blob: 'x'.repeat(5 * 1024 * 1024) } },
      ],
    };
    expect((await node.call('POST', '/v1/batch', { body: huge })).json()).toMatchObject({
      status: 413,
      code: 'payload_too_large',
    });
  });

  it('counts a repeated messageId once, and an order once by its order_id however it arrives', async () => {
    const viewed = {
      type: 'track',
      userId: 'dedupe',
      event: 'Product Added',
      messageId: 'same',
      properties: { product_id: 'p1' },
    };
    await node.call('POST', '/v1/batch', { body: { batch: [viewed, viewed] } });
    await node.call('POST', '/v1/track', { body: viewed });
    await node.call('POST', '/v1/batch', {
      body: { batch: [order('dedupe', 'o-once', 20, 'first'), order('dedupe', 'o-once', 20, 'second')] },
    });
    await node.call('POST', '/v1/track', { body: order('dedupe', 'o-once', 20, 'third') });
    const profile = await profileOf('dedupe');
    expect(profile.computed.orderCount).toBe(1);
    expect(profile.computed.lifetimeValue).toEqual({ GBP: 2000 });
    // The cart emptied at checkout, but it had held the product once, not three times.
    const exported = (await node.call('GET', '/v1/profiles/dedupe/export')).json();
    expect(exported.events.filter((event: { messageId: string }) => event.messageId === 'same')).toHaveLength(
      1,
    );
  });
});

/** Posts raw bytes to /v1/batch, as an SDK would, with the given headers. */
function postRaw(payload: Buffer, headers: Record<string, string>) {
  return node.app.inject({ method: 'POST', url: '/v1/batch', headers, payload });
}

describe('what the official SDKs send', () => {
  const envelope = (writeKey: string) => ({
    batch: [
      {
        type: 'track',
        event: 'Product Viewed',
        anonymousId: 'sdk-anon',
        messageId: `sdk-${writeKey.length}-${Math.random()}`,
        properties: { product_id: 'p9' },
      },
    ],
    writeKey,
    sentAt: new Date().toISOString(),
    context: { library: { name: 'analytics-node' } },
  });

  it('accepts the key as writeKey in the envelope, without an Authorization header', async () => {
    expect(
      (await node.call('POST', '/v1/batch', { key: null, body: envelope(PUBLISHABLE_KEY) })).json().accepted,
    ).toBe(1);
    expect(
      (await node.call('POST', '/v1/batch', { key: null, body: envelope('pk_wrong_key_000000000000000000') }))
        .status,
    ).toBe(401);
    expect((await node.call('POST', '/v1/batch', { key: null, body: { batch: [] } })).status).toBe(401);
  });

  const gzipJson = {
    authorization: `Bearer ${SECRET_KEY}`,
    'content-type': 'application/json',
    'content-encoding': 'gzip',
  };

  it('accepts HTTP Basic auth, gzip bodies and JSON under a form content type', async () => {
    const response = await postRaw(gzipSync(Buffer.from(JSON.stringify(envelope(SECRET_KEY)))), {
      ...gzipJson,
      authorization: `Basic ${Buffer.from(`${SECRET_KEY}:`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(response.json()).toEqual({ accepted: 1, rejected: [], ignored: [] });
    expect((await postRaw(Buffer.from('not gzip at all'), gzipJson)).statusCode).toBe(400);
  });

  it('refuses a gzip body that expands beyond the limit', async () => {
    const bomb = gzipSync(Buffer.from(JSON.stringify({ batch: [], pad: 'x'.repeat(6 * 1024 * 1024) })));
    expect(bomb.length).toBeLessThan(100_000);
    expect((await postRaw(bomb, gzipJson)).statusCode).toBe(413);
  });
});
