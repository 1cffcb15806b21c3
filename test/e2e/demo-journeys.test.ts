import { Webhook as Signer } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/adapters/clock/manual-clock.js';
import { PUBLISHABLE_KEY, startTestAttune, type TestAttune } from '../support/test-attune.js';

const MINUTE = 60_000;
const clock = new ManualClock('2026-11-20T10:00:00.000Z');
let node: TestAttune;
let mailboxUrl: string;

// The whole demo store, loaded in this process (as demo-profiles.test.ts does), then listening on a
// real loopback socket: the delivery worker posts the journeys' webhooks to the node's own mailbox.
beforeAll(async () => {
  node = await startTestAttune({ ATTUNE_DEMO: '1' }, { clock });
  await node.backgroundWork;
  await node.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = node.app.server.address() as { port: number };
  mailboxUrl = `http://127.0.0.1:${port}/demo/mailbox`;
  // Ceilings on waiting for start-up work, not timing checks.
  await vi.waitFor(
    async () => expect((await node.call('GET', '/v1/journeys/demo-abandoned-cart')).status).toBe(200),
    {
      timeout: 30_000,
      interval: 100,
    },
  );
}, 300_000);
afterAll(() => node?.dispose());

async function signIn(userId: string, marketing: boolean): Promise<string> {
  const token = (await node.call('POST', '/demo/customer-token', { key: null, body: { userId } })).json()
    .token as string;
  // The storefront's own box: marketing consent through the public consent route, as the customer.
  const consent = await node.call('PUT', `/v1/profiles/${userId}/consent`, {
    key: PUBLISHABLE_KEY,
    headers: { 'x-customer-token': token },
    body: { marketing },
  });
  expect(consent.status).toBe(200);
  return token;
}

const placeOrder = (token: string, items: { productId: string; quantity: number }[], coupons?: string[]) =>
  node.call('POST', '/demo/orders', {
    key: null,
    headers: { 'x-customer-token': token },
    body: { items, ...(coupons !== undefined && { coupons }) },
  });

async function lastMessage(token: string): Promise<any> {
  const answer = await node.call('GET', '/demo/mailbox/last', {
    key: null,
    headers: { 'x-customer-token': token },
  });
  expect(answer.status).toBe(200);
  return answer.json().message;
}

/** Runs the steps due and waits until the delivery worker has handed the mailbox what `check` looks for. */
async function delivered(token: string, check: (message: any) => void): Promise<any> {
  await node.journeyRunner.runDue();
  let found: any;
  await vi.waitFor(
    async () => {
      found = await lastMessage(token);
      check(found);
    },
    { timeout: 20_000, interval: 100 },
  );
  return found;
}

describe('the demo journeys, delivered to the demo mailbox', () => {
  it('sends the post-purchase message, signed, with a coupon only its customer can use', async () => {
    const token = await signIn('17850', true);
    expect(await lastMessage(token)).toBeNull();
    const order = await placeOrder(token, [{ productId: '85123A', quantity: 2 }]);
    expect(order.status).toBe(200);
    const message = await delivered(token, (found) =>
      expect(found?.data).toMatchObject({ journeyId: 'demo-post-purchase', userId: '17850' }),
    );
    expect(message.data.coupon.code).toMatch(/^J-/);
    expect(Date.parse(message.data.coupon.expiresAt)).toBe(clock.now() + 14 * 24 * 60 * MINUTE);
    expect(message.data.recommendations.length).toBeGreaterThan(0);
    expect(message.data.recommendations.map((item: any) => item.productId)).not.toContain('85123A');
    expect(message.data.reason).toContain(order.json().orderId);
    // It came through the outbox and the delivery worker, which recorded the mailbox's 2xx.
    await vi.waitFor(async () => {
      const deliveries = (await node.call('GET', '/v1/webhooks/demo-mailbox/deliveries')).json().items;
      expect(deliveries.find((entry: any) => entry.id === message.messageId)).toMatchObject({
        deliveredAt: expect.any(String),
      });
    });

    const code = message.data.coupon.code as string;
    const cart = (userId: string) =>
      node.call('POST', '/v1/carts:evaluate', {
        body: { currency: 'GBP', userId, items: [{ productId: '22423', quantity: 1 }], coupons: [code] },
      });
    expect((await cart('14560')).json().discounts).toEqual([]);
    expect((await cart('17850')).json().discounts).toMatchObject([
      { promotionId: 'demo-thanks', couponCode: code },
    ]);
    const second = await placeOrder(token, [{ productId: '22423', quantity: 1 }], [code]);
    expect(second.json().discounts).toMatchObject([{ couponCode: code }]);
  });

  it('sends nothing to a customer who did not consent to marketing', async () => {
    const token = await signIn('12584', false);
    expect((await placeOrder(token, [{ productId: '85123A', quantity: 1 }])).status).toBe(200);
    await node.journeyRunner.runDue();
    const stats = (await node.call('GET', '/v1/journeys/demo-post-purchase/stats')).json();
    expect(stats.steps[0].skipped).toMatchObject({ no_marketing_consent: 1 });
    expect(await lastMessage(token)).toBeNull();
  });

  it('nudges about a cart left for 30 minutes, and not about a cart bought meanwhile', async () => {
    const left = await signIn('13094', true);
    const bought = await signIn('16928', true);
    for (const userId of ['13094', '16928']) {
      const added = await node.call('POST', '/v1/track', {
        key: PUBLISHABLE_KEY,
        body: {
          userId,
          event: 'Product Added',
          properties: { product_id: '85123A', price: 2.95, quantity: 1 },
        },
      });
      expect(added.status).toBe(200);
    }
    clock.advance(10 * MINUTE);
    expect((await placeOrder(bought, [{ productId: '85123A', quantity: 1 }])).status).toBe(200);
    await delivered(bought, (found) => expect(found?.data.journeyId).toBe('demo-post-purchase'));
    await node.journeyRunner.runDue();
    expect(await lastMessage(left)).toBeNull();

    clock.advance(21 * MINUTE);
    const nudge = await delivered(left, (found) =>
      expect(found?.data).toMatchObject({ journeyId: 'demo-abandoned-cart', userId: '13094' }),
    );
    expect(nudge.data.recommendations.length).toBeGreaterThan(0);
    expect(nudge.data.coupon).toBeUndefined();
    const stats = (await node.call('GET', '/v1/journeys/demo-abandoned-cart/stats')).json();
    expect(stats.steps[0]).toMatchObject({ sent: 1, skipped: { cart_bought: 1 } });
    expect((await lastMessage(bought)).data.journeyId).toBe('demo-post-purchase');
  });

  it('shows a customer only their own message, and only when signed in', async () => {
    const missing = await node.call('GET', '/demo/mailbox/last', { key: null });
    expect(missing.status).toBe(403);
    expect(missing.json()).toMatchObject({ code: 'forbidden', pointer: '/x-customer-token' });
    const other = await signIn('15769', true);
    expect(await lastMessage(other)).toBeNull();
  });

  it('accepts only deliveries signed with its secret, at about its time', async () => {
    const body = JSON.stringify({
      type: 'journey.message',
      timestamp: new Date(clock.now()).toISOString(),
      data: { journeyId: 'forged', userId: '15769' },
    });
    const post = (secret: string, at: number) =>
      fetch(mailboxUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': 'msg_forged',
          'webhook-timestamp': String(Math.floor(at / 1000)),
          'webhook-signature': new Signer(secret).sign('msg_forged', new Date(at), body),
        },
        body,
      });
    const another = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const own = node.demoMailbox?.webhookSecret as string;
    for (const refused of [await post(another, clock.now()), await post(own, clock.now() - 10 * MINUTE)]) {
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ code: 'invalid_webhook_signature' });
    }
    const token = (
      await node.call('POST', '/demo/customer-token', { key: null, body: { userId: '15769' } })
    ).json().token as string;
    expect(await lastMessage(token)).toBeNull();
    // The same body, signed with the mailbox's secret, is taken: the check is the signature.
    expect((await post(own, clock.now())).status).toBe(204);
    expect((await lastMessage(token)).data.journeyId).toBe('forged');
  });

  it('keeps the address policy for every other webhook: only the mailbox URL itself gets through', async () => {
    const { port } = new URL(mailboxUrl);
    for (const url of [
      `http://127.0.0.1:${port}/demo/config`,
      `http://127.0.0.1:${Number(port) + 1}/demo/mailbox`,
      `http://localhost:${port}/demo/mailbox`,
      'http://10.0.0.7/hook',
      'http://169.254.169.254/latest/meta-data',
    ]) {
      const put = await node.call('PUT', '/v1/webhooks/elsewhere', {
        body: { url, events: ['journey.message'], secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
      });
      expect(put.status, url).toBe(400);
      expect(put.json(), url).toMatchObject({ code: 'webhook_target_refused', pointer: '/url' });
    }
  });
});
