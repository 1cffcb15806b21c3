import { describe, expect, it, vi } from 'vitest';
import { codeOf, useApps, type AppFixture } from '../../../test/support/app-fixture.js';
import type { StreamClient, StreamMessage, StreamRequest } from './live-updates.js';

const start = useApps({ config: { streamMaxConnections: 3, streamHeartbeatSeconds: 1 } });

/** A connection as the HTTP edge holds it: what it was sent, whether it was ended. */
class TestClient implements StreamClient {
  readonly messages: StreamMessage[] = [];
  heartbeats = 0;
  ended = false;
  send(message: StreamMessage): void {
    this.messages.push(message);
  }
  heartbeat(): void {
    this.heartbeats += 1;
  }
  end(): void {
    this.ended = true;
  }
  events(): string[] {
    return this.messages.map((message) => message.event);
  }
}

async function shop(app: AppFixture): Promise<void> {
  await app.addProducts(
    { id: 'mug', price: { amount: 800, currency: 'GBP' } },
    { id: 'plate', price: { amount: 600, currency: 'GBP' } },
    { id: 'jug', price: { amount: 1_500, currency: 'GBP' } },
  );
  await app.catalog.setStock('plate', 3);
  await app.rules.segments.put('vip', {
    name: 'VIP',
    rule: { trait: 'traits.plan', op: 'eq', value: 'vip' },
  });
  await app.promotions.put('spend-20', {
    title: '10% off over £20',
    conditions: { subtotal: { gte: 2_000 } },
    action: { type: 'percent_off', target: 'order', percent: 10 },
  });
  await app.rules.backfill.idle();
}

const page = (overrides: Partial<StreamRequest> = {}): StreamRequest => ({
  userId: 'ada',
  trusted: true,
  currency: 'GBP',
  products: ['mug', 'plate'],
  ...overrides,
});

async function open(app: AppFixture, request: StreamRequest = page(), lastEventId?: string) {
  const client = new TestClient();
  const leave = await app.live.open(request, lastEventId, client);
  return { client, leave };
}

describe('LiveUpdates', () => {
  it("greets a new stream with what it watches: the page's products, the cart and recent views", async () => {
    const app = await start();
    await shop(app);
    await app.track({
      type: 'track',
      userId: 'ada',
      event: 'Product Added',
      properties: { product_id: 'jug', quantity: 1 },
    });
    const { client } = await open(app);
    expect(client.messages).toEqual([
      {
        id: expect.any(String),
        event: 'ready',
        data: { personalized: true, products: ['jug', 'mug', 'plate'] },
      },
    ]);
    expect(app.live.connections).toBe(1);
  });

  it('pushes price and stock changes of the watched products, and nothing for others', async () => {
    const app = await start();
    await shop(app);
    const { client } = await open(app);
    await app.addProducts({ id: 'bowl', price: { amount: 100, currency: 'GBP' } });
    await app.pricing.put('mug-sale', {
      type: 'sale',
      currency: 'GBP',
      prices: [{ productId: 'mug', amount: 700 }],
    });
    await vi.waitFor(() => expect(client.events()).toContain('price.changed'));
    await app.catalog.setStock('plate', 0);
    await vi.waitFor(() => expect(client.events()).toContain('stock.changed'));
    expect(client.messages.slice(1).map(({ event, data }) => ({ event, data }))).toEqual([
      {
        event: 'price.changed',
        data: {
          productId: 'mug',
          before: { amount: 800, currency: 'GBP' },
          after: { amount: 700, currency: 'GBP' },
        },
      },
      { event: 'stock.changed', data: { productId: 'plate', inStock: false, available: 0 } },
    ]);
  });

  it("follows the customer's own events: an offer unlocked by the cart, a segment entered", async () => {
    const app = await start();
    await shop(app);
    const { client } = await open(app);
    await app.track({
      type: 'track',
      userId: 'ada',
      event: 'Product Added',
      properties: { product_id: 'jug', quantity: 2 },
    });
    await vi.waitFor(() => expect(client.events()).toContain('offer.unlocked'));
    await app.track({ type: 'identify', userId: 'ada', traits: { plan: 'vip' } });
    await vi.waitFor(() => expect(client.events()).toContain('segment.entered'));
    expect(client.messages.find((message) => message.event === 'offer.unlocked')?.data).toMatchObject({
      promotionId: 'spend-20',
    });
    expect(client.messages.find((message) => message.event === 'segment.entered')?.data).toEqual({
      segmentId: 'vip',
    });
  });

  it('resumes a reconnecting browser after the last message it saw, and asks one it cannot resume to resync', async () => {
    const app = await start();
    await shop(app);
    const first = await open(app);
    await app.pricing.put('mug-sale', {
      type: 'sale',
      currency: 'GBP',
      prices: [{ productId: 'mug', amount: 700 }],
    });
    await vi.waitFor(() => expect(first.client.events()).toEqual(['ready', 'price.changed']));
    const seen = first.client.messages[0]?.id as string;
    first.leave();
    expect(app.live.connections).toBe(0);
    // Missed while away: kept for the page's grace period.
    await app.pricing.put('mug-sale', {
      type: 'sale',
      currency: 'GBP',
      prices: [{ productId: 'mug', amount: 650 }],
    });
    await vi.waitFor(async () => {
      const probe = await open(app, page(), seen);
      probe.leave();
      expect(probe.client.events()).toEqual(['price.changed', 'price.changed']);
    });
    const back = await open(app, page(), seen);
    expect(back.client.messages.map((message) => message.id)).toEqual([
      first.client.messages[1]?.id,
      expect.any(String),
    ]);
    const stranger = await open(app, page(), 'other-instance.3');
    expect(stranger.client.events()).toEqual(['resync']);
  });

  it('shares one watch between the tabs of a page: both get the same message', async () => {
    const app = await start();
    await shop(app);
    const [one, two] = [await open(app), await open(app)];
    expect(one.client.messages[0]?.id).toBe(two.client.messages[0]?.id);
    await app.catalog.setStock('plate', 0);
    await vi.waitFor(() => expect(two.client.events()).toContain('stock.changed'));
    expect(one.client.messages).toEqual(two.client.messages);
  });

  it('shows a browser naming a customer without their token the anonymous page', async () => {
    const app = await start();
    await shop(app);
    await app.track({ type: 'identify', userId: 'ada', traits: { plan: 'vip' } });
    const { client } = await open(app, page({ trusted: false }));
    expect(client.messages[0]?.data).toMatchObject({ personalized: false });
    const { token } = await app.tokens.mint('ada');
    const proven = await open(app, page({ trusted: false, customerToken: token }));
    expect(proven.client.messages[0]?.data).toMatchObject({ personalized: true });
  });

  it('holds no more connections than allowed, and frees a slot when one leaves', async () => {
    const app = await start();
    await shop(app);
    const held = [
      await open(app),
      await open(app, page({ userId: 'bob' })),
      await open(app, page({ userId: 'cy' })),
    ];
    expect(await codeOf(() => open(app, page({ userId: 'dee' })))).toBe('too_many_streams');
    held[0]?.leave();
    held[0]?.leave(); // leaving twice counts once
    expect(app.live.connections).toBe(2);
    await open(app, page({ userId: 'dee' }));
    expect(app.live.connections).toBe(3);
  });

  it("pushes another node's changes to this node's streams", async () => {
    const app = await start();
    await shop(app);
    const other = await start({ sharedWith: app });
    const { client } = await open(app);
    await other.pricing.put('mug-sale', {
      type: 'sale',
      currency: 'GBP',
      prices: [{ productId: 'mug', amount: 700 }],
    });
    await vi.waitFor(() => expect(client.events()).toContain('price.changed'));
  });

  it('keeps idle connections alive with heartbeats, and ends every connection on shutdown', async () => {
    const app = await start();
    await shop(app);
    const { client } = await open(app);
    await vi.waitFor(() => expect(client.heartbeats).toBeGreaterThan(0), { timeout: 5_000 });
    app.live.closeAll();
    expect(client.ended).toBe(true);
    expect(app.live.connections).toBe(0);
    expect(await codeOf(() => open(app))).toBe('too_many_streams');
  });
});
