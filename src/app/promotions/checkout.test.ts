import { describe, expect, it } from 'vitest';
import { codeOf, domainErrorOf, useApps, type AppFixture } from '../../../test/support/app-fixture.js';

const start = useApps({ config: { minOrderTotal: 100 } });

async function shop(app: AppFixture) {
  await app.addProducts(
    {
      id: 'mug',
      categories: ['home/kitchen'],
      price: { amount: 1_000, currency: 'GBP' },
      cost: { amount: 400, currency: 'GBP' },
    },
    { id: 'plate', categories: ['home/kitchen'], price: { amount: 600, currency: 'GBP' } },
    { id: 'lamp', categories: ['home/lighting'], price: { amount: 5_000, currency: 'GBP' } },
  );
  await app.pricing.put('lamp-sale', {
    type: 'sale',
    currency: 'GBP',
    prices: [{ productId: 'lamp', amount: 4_500 }],
  });
}

describe('Checkout.evaluate', () => {
  it('prices the lines with pricing, then applies promotions, writing nothing', async () => {
    const app = await start();
    await shop(app);
    await app.promotions.put('kitchen-10', {
      title: 'Kitchen 10%',
      action: { type: 'percent_off', target: 'items', match: { categories: ['home/kitchen'] }, percent: 10 },
    });
    const cart = await app.checkout.evaluate(
      {
        currency: 'GBP',
        items: [
          { productId: 'mug', quantity: 2 },
          { productId: 'lamp', quantity: 1 },
        ],
      },
      await app.customer({}),
    );
    expect(cart.lines.map((line) => [line.productId, line.unitPrice.amount, line.total.amount])).toEqual([
      ['mug', 1_000, 1_800],
      ['lamp', 4_500, 4_500],
    ]);
    expect(cart.total.amount).toBe(6_300);
    expect(cart.applied.map((applied) => applied.promotionId)).toEqual(['kitchen-10']);
    const usage = await app.store.promotionUsage(['kitchen-10'], undefined);
    expect(usage.promotions.get('kitchen-10')?.redemptions ?? 0).toBe(0);
  });

  it('refuses a product it cannot price and shipping in another currency, naming the field', async () => {
    const app = await start();
    await shop(app);
    const visitor = await app.customer({});
    const unknown = await domainErrorOf(() =>
      app.checkout.evaluate(
        {
          currency: 'GBP',
          items: [
            { productId: 'mug', quantity: 1 },
            { productId: 'ghost', quantity: 1 },
          ],
        },
        visitor,
      ),
    );
    expect(unknown.code).toBe('cart_item_unavailable');
    expect(unknown.details['pointer']).toBe('/items/1/productId');
    expect(
      await codeOf(() =>
        app.checkout.evaluate({ currency: 'EUR', items: [{ productId: 'mug', quantity: 1 }] }, visitor),
      ),
    ).toBe('cart_item_unavailable');
    expect(
      await codeOf(() =>
        app.checkout.evaluate(
          {
            currency: 'GBP',
            items: [{ productId: 'mug', quantity: 1 }],
            shipping: { amount: 495, currency: 'EUR' },
          },
          visitor,
        ),
      ),
    ).toBe('currency_mismatch');
  });

  it('refuses a cart whose lines each fit but whose total could not be written (above MAX_AMOUNT)', async () => {
    const app = await start();
    const visitor = await app.customer({});
    // Each line is 6e13 minor units, under the bound; the two together are over it.
    await app.addProducts({ id: 'vault', price: { amount: 600_000_000, currency: 'GBP' } });
    const items = [
      { productId: 'vault', quantity: 100_000 },
      { productId: 'vault', quantity: 100_000 },
    ];
    const refused = await domainErrorOf(() => app.checkout.evaluate({ currency: 'GBP', items }, visitor));
    expect(refused.code).toBe('cart_item_unavailable');
    expect(refused.details).toMatchObject({ pointer: '/items', reason: 'amount_too_large' });
    const one = await app.checkout.evaluate({ currency: 'GBP', items: items.slice(1) }, visitor);
    expect(one.total.amount).toBe(60_000_000_000_000);
  });

  it('lists the offers a customer can get now and what each lacks', async () => {
    const app = await start();
    await shop(app);
    await app.promotions.put('spend-20', {
      title: 'Over £20',
      conditions: { subtotal: { gte: 2_000 } },
      action: { type: 'amount_off', target: 'order', amount: 300 },
    });
    await app.promotions.put('coded', {
      title: 'Coded',
      coupon: { required: true, codes: ['SECRET'] },
      action: { type: 'free_shipping' },
    });
    const visitor = await app.customer({});
    const open = await app.checkout.offers(
      { currency: 'GBP', items: [{ productId: 'mug', quantity: 1 }] },
      visitor,
    );
    expect(open.map((offer) => offer.promotionId)).toEqual(['spend-20']);
    expect(open[0]?.missing).toBeDefined();
    const qualified = await app.checkout.offers(
      { currency: 'GBP', items: [{ productId: 'mug', quantity: 2 }] },
      visitor,
    );
    expect(qualified[0]?.missing).toBeUndefined();
  });
});

describe('Checkout.placeOrder', () => {
  it('records the order with its redemptions and tracks it on the profile once', async () => {
    const app = await start();
    await shop(app);
    await app.promotions.put('welcome', {
      title: 'Welcome',
      coupon: { required: true, codes: ['WELCOME10'] },
      limits: { budget: { amount: 100_000, currency: 'GBP' } },
      action: { type: 'percent_off', target: 'order', percent: 10 },
    });
    const order = {
      orderId: 'ord-1',
      userId: 'u1',
      currency: 'GBP',
      items: [{ productId: 'lamp', quantity: 1 }],
      coupons: ['welcome10'],
    };
    const customer = await app.customer({ userId: 'u1' });
    const answer = await app.checkout.placeOrder(order, customer);
    expect(answer).toMatchObject({
      orderId: 'ord-1',
      total: { amount: 4_050 },
      discounts: [{ promotionId: 'welcome', couponCode: 'WELCOME10' }],
    });
    expect(JSON.parse((await app.store.findOrder('ord-1'))?.answer ?? '{}')).toEqual(answer);
    const usage = await app.store.promotionUsage(['welcome'], undefined);
    expect(usage.promotions.get('welcome')).toEqual({ discountGiven: 450, redemptions: 1 });

    const profile = (await app.profiles.get('u1')).profile;
    expect(profile.stats.orderCount).toBe(1);
    expect(profile.stats.lifetimeValue).toEqual({ GBP: 4_050 });
    // The same order again answers as the first time and counts once, however often it comes.
    expect(await app.checkout.placeOrder(order, customer)).toEqual(answer);
    await app.track({
      type: 'track',
      userId: 'u1',
      event: 'Order Completed',
      properties: { order_id: 'ord-1', total: 40.5 },
    });
    expect((await app.profiles.get('u1')).profile.stats.orderCount).toBe(1);
    expect(
      (await app.store.promotionUsage(['welcome'], undefined)).promotions.get('welcome')?.redemptions,
    ).toBe(1);
    // Another cart under the same orderId is a conflict.
    expect(
      await codeOf(() =>
        app.checkout.placeOrder({ ...order, items: [{ productId: 'mug', quantity: 1 }] }, customer),
      ),
    ).toBe('order_conflict');
  });

  it('redeems a single-use code once: the next order with it is refused, naming the code', async () => {
    const app = await start();
    await shop(app);
    await app.promotions.put('once', {
      title: 'Once',
      coupon: { required: true, codes: ['ONE-SHOT'], singleUse: true },
      action: { type: 'amount_off', target: 'order', amount: 500 },
    });
    const items = [{ productId: 'lamp', quantity: 1 }];
    await app.checkout.placeOrder(
      { orderId: 'a', userId: 'a', currency: 'GBP', items, coupons: ['one-shot'] },
      await app.customer({ userId: 'a' }),
    );
    expect((await app.store.couponStates(['ONE-SHOT']))[0]?.redeemed).toBe(true);
    const other = await app.customer({ userId: 'b' });
    const refused = await domainErrorOf(() =>
      app.checkout.placeOrder(
        { orderId: 'b', userId: 'b', currency: 'GBP', items, coupons: ['ONE-SHOT'] },
        other,
      ),
    );
    expect(refused.code).toBe('coupon_redeemed');
    expect(refused.details).toMatchObject({ pointer: '/coupons', coupon: 'ONE-SHOT' });
    expect(await app.store.findOrder('b')).toBeUndefined();
  });

  it('lets an automatic promotion at its limit simply stop applying', async () => {
    const app = await start();
    await shop(app);
    await app.promotions.put('one-each', {
      title: 'One each',
      limits: { perCustomer: 1 },
      action: { type: 'amount_off', target: 'order', amount: 250 },
    });
    const items = [{ productId: 'plate', quantity: 2 }];
    const customer = await app.customer({ userId: 'limited' });
    const first = await app.checkout.placeOrder(
      { orderId: 'e1', userId: 'limited', currency: 'GBP', items },
      customer,
    );
    expect(first.discounts.map((discount) => discount.promotionId)).toEqual(['one-each']);
    const second = await app.checkout.placeOrder(
      { orderId: 'e2', userId: 'limited', currency: 'GBP', items },
      customer,
    );
    expect(second.discounts).toEqual([]);
    expect(second.rejected).toContainEqual({ promotionId: 'one-each', reason: 'customer_limit' });
  });
});

describe('Checkout.offers', () => {
  it("reads each customer's own limits, however many times a page asks", async () => {
    const app = await start();
    await shop(app);
    await app.promotions.put('one-each', {
      title: 'One each',
      limits: { perCustomer: 1 },
      action: { type: 'amount_off', target: 'order', amount: 250 },
    });
    const items = [{ productId: 'plate', quantity: 2 }];
    await app.checkout.placeOrder(
      { orderId: 'a1', userId: 'ann', currency: 'GBP', items },
      await app.customer({ userId: 'ann' }),
    );
    const offered = async (userId: string) => {
      const customer = await app.customer({ userId });
      const asked = [];
      for (let page = 0; page < 3; page += 1)
        asked.push(
          (await app.checkout.offers({ currency: 'GBP', items }, customer)).map((offer) => offer.promotionId),
        );
      return asked;
    };
    expect(await offered('ann')).toEqual([[], [], []]);
    expect(await offered('bob')).toEqual([['one-each'], ['one-each'], ['one-each']]);
    expect(await offered('ann')).toEqual([[], [], []]);
  });
});
