import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/adapters/clock/manual-clock.js';
import { PUBLISHABLE_KEY, startTestAttune, type TestAttune } from '../support/test-attune.js';

const clock = new ManualClock('2026-06-15T12:00:00.000Z');
let node: TestAttune;

/** Products whose texts say nothing: "Item 101" ... in the one category most products are in. */
const GENERIC = Array.from({ length: 30 }, (_, index) => `g${index + 1}`);
const CANDLES = ['candle-1', 'candle-2', 'candle-3', 'candle-4'];

const product = (id: string, title: string, category: string) => ({
  id,
  title,
  categories: [category],
  price: { amount: 500, currency: 'GBP' },
});
/** A storefront's view, with the publishable key; `context` may carry consent. */
const view = (who: Record<string, string>, productId: string, context?: Record<string, unknown>) =>
  node.call('POST', '/v1/track', {
    key: PUBLISHABLE_KEY,
    body: {
      ...who,
      event: 'Product Viewed',
      properties: { product_id: productId },
      ...(context !== undefined && { context }),
    },
  });
const browse = async (visitor: string, products: readonly string[]) => {
  for (const productId of products) await view({ anonymousId: visitor }, productId);
};
const ask = (body: Record<string, unknown>) =>
  node.call('POST', '/v1/recommendations', { key: PUBLISHABLE_KEY, body: { limit: 4, ...body } });
const ids = (answer: { items: readonly { productId: string }[] }) =>
  answer.items.map((item) => item.productId);

beforeAll(async () => {
  node = await startTestAttune({}, { clock });
  await node.call('POST', '/v1/products:batch', {
    body: {
      items: [
        ...GENERIC.map((id, index) => product(id, `Item ${101 + index}`, 'misc')),
        ...CANDLES.map((id, index) => product(id, `Candle ${index + 1}`, 'home/candles')),
        product('lamp', 'Reading lamp', 'home/lighting'),
        product('rug', 'Wool rug', 'home/textiles'),
        product('mug', 'Mug', 'home/kitchen'),
      ],
    },
  });
  // Shoppers who look at g1 go on to g2 then g3; those who look at g4 go on to g5; candles lead to the lamp.
  for (let index = 0; index < 3; index += 1) {
    await browse(`past-a-${index}`, ['g1', 'g2', 'g3']);
    await browse(`past-b-${index}`, ['g4', 'g5']);
    await browse(`past-c-${index}`, ['candle-1', 'lamp']);
  }
  // The mug sells: popular products are what anyone without a session gets.
  await node.call('POST', '/v1/track', {
    body: {
      userId: 'buyer',
      event: 'Order Completed',
      properties: { order_id: 'o-1', products: [{ product_id: 'mug', price: 5 }] },
    },
  });
  // Content similarity over the catalogue, so that similar has generic texts to weigh.
  expect((await node.call('POST', '/v1/recommendations/models:rebuild')).status).toBe(200);
});
afterAll(() => node.dispose());

describe('recommendations from browsing', () => {
  it('gives a product with generic text its co-viewed neighbours in similar', async () => {
    const answer = (await ask({ strategy: 'similar', productId: 'g1' })).json();
    expect(ids(answer).slice(0, 2)).toEqual(['g2', 'g3']);
    expect(answer.items[0].reason).toBe('viewed with g1');
    // A product nobody has viewed yet has only its text: content leads.
    const unseen = (await ask({ strategy: 'similar', productId: 'candle-4' })).json();
    expect(CANDLES).toContain(unseen.items[0].productId);
    expect(unseen.items[0].reason).toBe('similar to candle-4');
  });

  it('changes a visitor’s for-you with their second view, and names the viewed product', async () => {
    const before = (await ask({ strategy: 'for-you', anonymousId: 'newcomer' })).json();
    expect(before.fallback).toBe('popular');
    await view({ anonymousId: 'newcomer' }, 'g1');
    const first = (await ask({ strategy: 'for-you', anonymousId: 'newcomer' })).json();
    expect(first.items[0]).toMatchObject({ productId: 'g2', reason: 'because you looked at g1' });
    await view({ anonymousId: 'newcomer' }, 'g4');
    const second = (await ask({ strategy: 'for-you', anonymousId: 'newcomer' })).json();
    expect(ids(second)).not.toEqual(ids(first));
    expect(second.items[0]).toMatchObject({ productId: 'g5', reason: 'because you looked at g4' });
    // What the visitor has on screen is not suggested back to them.
    expect(ids(second)).not.toContain('g4');
  });

  it('uses no session signal without personalisation consent', async () => {
    const noConsent = { consent: { personalization: false } };
    await view({ anonymousId: 'private' }, 'g1', noConsent);
    await view({ anonymousId: 'private' }, 'g4', noConsent);
    const answer = (await ask({ strategy: 'for-you', anonymousId: 'private' })).json();
    const stranger = (await ask({ strategy: 'for-you', anonymousId: 'never-seen' })).json();
    expect(answer).toEqual(stranger);
    expect(answer.fallback).toBe('popular');
    const listing = (category: string, anonymousId: string) =>
      node.call('POST', '/v1/listings', { key: PUBLISHABLE_KEY, body: { anonymousId, category, limit: 10 } });
    await view({ anonymousId: 'private' }, 'candle-1', noConsent);
    expect((await listing('home', 'private')).json()).toEqual((await listing('home', 'never-seen')).json());
  });

  it('ranks a listing and decide by the same session signal', async () => {
    const listing = async (anonymousId: string) =>
      (
        await node.call('POST', '/v1/listings', {
          key: PUBLISHABLE_KEY,
          body: { anonymousId, category: 'home', limit: 10 },
        })
      ).json().items as { productId: string; reasons: string[] }[];
    const visitorOrder = (await listing('window-shopper')).map((item) => item.productId);
    expect(visitorOrder[0]).toBe('mug');
    await browse('candle-lover', ['candle-2', 'candle-3', 'candle-1']);
    const mine = await listing('candle-lover');
    expect(CANDLES).toContain(mine[0]?.productId);
    const lamp = mine.find((item) => item.productId === 'lamp');
    expect(lamp?.reasons).toContain('because you looked at candle-1');
    expect(mine.findIndex((item) => item.productId === 'lamp')).toBeLessThan(visitorOrder.indexOf('lamp'));
    const decided = (
      await node.call('POST', '/v1/decide', {
        key: PUBLISHABLE_KEY,
        body: {
          anonymousId: 'candle-lover',
          currency: 'GBP',
          listing: { category: 'home', limit: 10 },
          recommendations: [{ slot: 'home-for-you', strategy: 'for-you', limit: 3 }],
        },
      })
    ).json();
    expect(decided.listing.items.map((item: { productId: string }) => item.productId)).toEqual(
      mine.map((item) => item.productId),
    );
    // Decide hydrates by default: the reason names the product by its title, the id beside it.
    expect(decided.recommendations['home-for-you'].items[0]).toMatchObject({
      productId: 'lamp',
      reason: 'because you looked at Candle 1',
      reasonProductIds: ['candle-1'],
    });
  });

  it('removes an erased customer’s session at once, and their co-views with the rebuild', async () => {
    await node.call('POST', '/v1/identify', { body: { userId: 'leaving', anonymousId: 'leaving-anon' } });
    await view({ anonymousId: 'leaving-anon' }, 'rug');
    await view({ anonymousId: 'leaving-anon' }, 'g6');
    const profileId = (await node.profiles.find('leaving'))?.profile.id as string;
    const { browsing } = node.recommendations.models.online;
    expect(browsing.sessions.latest(profileId, clock.now()).map((item) => item.productId)).toEqual([
      'rug',
      'g6',
    ]);
    const viewedWithRug = async () =>
      (await ask({ strategy: 'similar', productId: 'rug', limit: 20 }))
        .json()
        .items.filter((item: { reason: string }) => item.reason === 'viewed with rug')
        .map((item: { productId: string }) => item.productId);
    expect(await viewedWithRug()).toEqual(['g6']);

    expect((await node.call('DELETE', '/v1/profiles/leaving')).status).toBe(200);
    expect(node.recommendations.models.online.browsing.sessions.latest(profileId, clock.now())).toEqual([]);
    expect((await ask({ strategy: 'for-you', anonymousId: 'leaving-anon' })).json().fallback).toBe('popular');
    expect((await node.call('POST', '/v1/recommendations/models:rebuild')).status).toBe(200);
    expect(await viewedWithRug()).toEqual([]);
    expect(node.recommendations.models.online.browsing.evidenceOf('rug')).toBe(0);
  });
});
