import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/adapters/clock/manual-clock.js';
import { BOTH_STORES } from '../support/both-stores.js';
import { productBody, type TestAttune } from '../support/test-attune.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

for (const setup of BOTH_STORES) {
  describe.skipIf(!setup.available)(`journeys (${setup.name})`, () => {
    const clock = new ManualClock('2026-06-15T10:00:00.000Z');
    let node: TestAttune;
    let runner: { runDue(): Promise<number> };
    let annCoupon = '';

    beforeAll(async () => {
      node = await setup.start(
        { ATTUNE_WEBHOOK_ALLOW_PRIVATE: 'true', ATTUNE_JOURNEY_FREQUENCY_CAP: '2/7d' },
        { clock },
      );
      runner = node.journeyRunner;
      for (const id of ['mug', 'saucer', 'lamp']) {
        await node.call('PUT', `/v1/products/${id}`, { body: productBody({ title: id }) });
      }
      expect(
        (
          await node.call('PUT', '/v1/webhooks/mailer', {
            body: { url: 'http://127.0.0.1:9/hook', events: ['journey.message'], secret: SECRET },
          })
        ).status,
      ).toBe(201);
      await node.call('PUT', '/v1/promotions/thanks-10', {
        body: {
          title: 'Ten off your next order',
          coupon: { required: true, singleUse: true },
          action: { type: 'amount_off', target: 'order', amount: 100 },
        },
      });
    });
    afterAll(() => node.dispose());

    const track = (userId: string, event: string, properties: Record<string, unknown>, marketing?: boolean) =>
      node.call('POST', '/v1/track', {
        body: {
          userId,
          event,
          timestamp: new Date(clock.now()).toISOString(),
          properties,
          ...(marketing !== undefined && { context: { consent: { marketing } } }),
        },
      });
    const completed = (userId: string, orderId: string, marketing?: boolean) =>
      track(
        userId,
        'Order Completed',
        {
          order_id: orderId,
          currency: 'GBP',
          total: 2.95,
          products: [{ product_id: 'mug', price: 2.95, quantity: 1 }],
        },
        marketing,
      );
    const stats = async (id: string) => (await node.call('GET', `/v1/journeys/${id}/stats`)).json();
    const messages = async () =>
      (await node.call('GET', '/v1/webhooks/mailer/deliveries')).json().items as { id: string }[];

    it('refuses bad journeys with 400 and a pointer', async () => {
      const base = {
        name: 'Bad',
        status: 'active',
        trigger: { event: 'Order Completed' },
        steps: [{ id: 's', webhookId: 'mailer' }],
      };
      const cases: [Record<string, unknown>, string][] = [
        [{ trigger: { event: 'Page Viewed' } }, '/trigger/event'],
        [{ trigger: { sunrise: true } }, '/trigger'],
        [{ steps: [{ id: 's', webhookId: 'mailer', delay: '13w' }] }, '/steps/0/delay'],
        [
          { steps: [{ id: 's', webhookId: 'mailer', coupon: { promotionId: 'gone', expiresIn: '14d' } }] },
          '/steps/0/coupon/promotionId',
        ],
        [{ steps: [{ id: 's', webhookId: 'nowhere' }] }, '/steps/0/webhookId'],
      ];
      for (const [change, pointer] of cases) {
        const response = await node.call('PUT', '/v1/journeys/bad', { body: { ...base, ...change } });
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json().pointer ?? response.json().errors?.[0]?.pointer).toMatch(
          new RegExp(`^${pointer.replaceAll('/', '\\/')}`),
        );
      }
      expect((await node.call('GET', '/v1/journeys/bad')).status).toBe(404);
    });

    it('sends a post-purchase message once per order, with a personal coupon that works once, for its customer only', async () => {
      const created = await node.call('PUT', '/v1/journeys/post-purchase', {
        body: {
          name: 'Thank you',
          status: 'active',
          trigger: { event: 'Order Completed' },
          steps: [
            {
              id: 'thanks',
              delay: '1d',
              webhookId: 'mailer',
              coupon: { promotionId: 'thanks-10', expiresIn: '14d' },
              recommendations: { strategy: 'popular', limit: 2 },
            },
          ],
        },
      });
      expect(created.status).toBe(201);
      await completed('ann', 'ann-1', true);
      // The same order again, under another messageId: the same occurrence.
      await completed('ann', 'ann-1', true);
      expect((await stats('post-purchase')).steps[0]).toMatchObject({ pending: 1, sent: 0 });
      await runner.runDue();
      expect((await stats('post-purchase')).steps[0]).toMatchObject({ pending: 1, sent: 0 });
      clock.advance(DAY);
      await runner.runDue();
      await runner.runDue();
      expect((await stats('post-purchase')).steps[0]).toMatchObject({ pending: 0, sent: 1 });
      const sent = (await messages()).filter((message) => message.id.startsWith('msg_'));
      expect(sent).toHaveLength(1);
      const last = (await node.call('GET', '/v1/journeys/messages/ann/last')).json().message;
      expect(last.payload).toMatchObject({
        type: 'journey.message',
        data: { journeyId: 'post-purchase', stepId: 'thanks', userId: 'ann', reason: expect.any(String) },
      });
      const code = last.payload.data.coupon.code as string;
      annCoupon = code;
      const items = [{ productId: 'lamp', quantity: 1 }];
      const cart = (userId: string) =>
        node.call('POST', '/v1/carts:evaluate', {
          body: { currency: 'GBP', userId, items, coupons: [code] },
        });
      expect((await cart('bob')).json().discounts).toEqual([]);
      expect((await cart('ann')).json().discounts).toMatchObject([
        { promotionId: 'thanks-10', couponCode: code },
      ]);
      const order = (orderId: string, userId: string) =>
        node.call('POST', '/v1/orders', {
          body: { currency: 'GBP', orderId, userId, items, coupons: [code] },
        });
      expect((await order('ann-2', 'ann')).json().discounts).toMatchObject([{ couponCode: code }]);
      const again = await order('ann-3', 'ann');
      expect(again.status).toBe(409);
      expect(again.json().code).toBe('coupon_redeemed');
      expect((await stats('post-purchase')).steps[0].couponsRedeemed).toBe(1);
    });

    it('records no message without marketing consent (the default is denied)', async () => {
      await completed('cy', 'cy-1');
      clock.advance(DAY);
      await runner.runDue();
      expect((await stats('post-purchase')).steps[0].skipped).toMatchObject({ no_marketing_consent: 1 });
    });

    it('cancels an abandoned-cart step when the cart is bought before the delay', async () => {
      await node.call('PUT', '/v1/journeys/cart', {
        body: {
          name: 'Forgot something?',
          status: 'active',
          trigger: { abandonedCart: { after: '2h' } },
          steps: [{ id: 'nudge', webhookId: 'mailer' }],
        },
      });
      const add = (userId: string) =>
        track(
          userId,
          'Product Added',
          { product_id: 'saucer', price: 2.95, quantity: 1, currency: 'GBP' },
          true,
        );
      await add('dee');
      await add('eve');
      clock.advance(HOUR);
      await completed('dee', 'dee-1', true);
      clock.advance(2 * HOUR);
      await runner.runDue();
      const steps = (await stats('cart')).steps[0];
      expect(steps).toMatchObject({ sent: 1, skipped: { cart_bought: 1 } });
    });

    it('caps messages per customer across journeys', async () => {
      await node.call('PUT', '/v1/journeys/post-purchase', {
        body: {
          name: 'Thank you',
          status: 'active',
          trigger: { event: 'Order Completed' },
          steps: [{ id: 'thanks', webhookId: 'mailer' }],
        },
      });
      for (const orderId of ['fay-1', 'fay-2', 'fay-3']) await completed('fay', orderId, true);
      await runner.runDue();
      const fay = (await stats('post-purchase')).steps[0];
      expect(fay.skipped).toMatchObject({ frequency_cap: 1 });
    });

    it('starts a journey once per segment entry and once per tier change', async () => {
      await node.call('PUT', '/v1/segments/vip', {
        body: { name: 'VIP', rule: { trait: 'traits.vip', op: 'eq', value: true } },
      });
      await node.call('PUT', '/v1/loyalty/program', {
        body: {
          currency: 'GBP',
          pointsPerUnit: 1,
          tiers: [
            { id: 'member', perks: {} },
            { id: 'gold', minPoints: 500, perks: {} },
          ],
        },
      });
      const step = { id: 'hello', delay: '1w', webhookId: 'mailer' };
      for (const [id, trigger] of [
        ['welcome-vip', { segmentEntered: 'vip' }],
        ['new-tier', { tierChanged: true }],
      ] as const) {
        await node.call('PUT', `/v1/journeys/${id}`, {
          body: { name: id, status: 'active', trigger, steps: [step] },
        });
      }
      const identify = (vip: boolean) =>
        node.call('POST', '/v1/identify', { body: { userId: 'ivy', traits: { vip } } });
      await identify(true);
      await identify(true); // still in: no new entry
      expect((await stats('welcome-vip')).steps[0].pending).toBe(1);
      clock.advance(1_000);
      await identify(false);
      await identify(true); // a second entry
      expect((await stats('welcome-vip')).steps[0].pending).toBe(2);
      await track('ivy', 'Order Completed', {
        order_id: 'ivy-1',
        currency: 'GBP',
        total: 6,
        products: [{ product_id: 'lamp', price: 6, quantity: 1 }],
      });
      expect((await stats('new-tier')).steps[0].pending).toBe(1);
    });

    it('simulates the message a customer would get, sending nothing and generating no coupon', async () => {
      await node.call('PUT', '/v1/journeys/simulated', {
        body: {
          name: 'Simulated',
          status: 'paused',
          trigger: { event: 'Order Completed' },
          steps: [{ id: 'one', webhookId: 'mailer', coupon: { promotionId: 'thanks-10', expiresIn: '1d' } }],
        },
      });
      const before = (await messages()).length;
      const response = await node.call('POST', '/v1/journeys/simulated:simulate', {
        body: { userId: 'ann' },
      });
      expect(response.status).toBe(200);
      expect(response.json()).toMatchObject({
        journeyId: 'simulated',
        userId: 'ann',
        decision: { action: 'skip', reason: 'journey_paused' },
        message: { coupon: { code: 'J-SIMULATED' }, reason: 'Order Completed: ann-2' },
      });
      expect((await messages()).length).toBe(before);
      expect((await stats('simulated')).steps[0]).toMatchObject({ pending: 0, sent: 0 });
    });

    it('erases a customer’s waiting steps and personal coupons', async () => {
      await node.call('PUT', '/v1/journeys/later', {
        body: {
          name: 'Later',
          status: 'active',
          trigger: { event: 'Order Completed' },
          steps: [{ id: 'later', delay: '3d', webhookId: 'mailer' }],
        },
      });
      await completed('gus', 'gus-1', true);
      expect((await stats('later')).steps[0].pending).toBe(1);
      expect((await node.call('DELETE', '/v1/profiles/gus')).status).toBe(200);
      expect((await stats('later')).steps[0].pending).toBe(0);
      clock.advance(4 * DAY);
      await runner.runDue();
      expect((await stats('later')).steps[0].sent).toBe(0);
      expect((await node.store.personalCoupons([annCoupon])).size).toBe(1);
      expect((await node.call('DELETE', '/v1/profiles/ann')).status).toBe(200);
      expect((await node.store.personalCoupons([annCoupon])).size).toBe(0);
      expect(await node.store.couponStates([annCoupon])).toEqual([]);
    });
  });
}
