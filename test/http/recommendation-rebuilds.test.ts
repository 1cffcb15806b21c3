import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { trainEase } from '../../src/domain/recommendations/index.js';
import type { ModelTrainer } from '../../src/ports/model-trainer.js';
import { productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

/** A trainer that holds each training until the test lets it go: a rebuild's slow part, on demand. */
function gatedTrainer() {
  let release: () => void = () => undefined;
  let started: () => void = () => undefined;
  let gate = new Promise<void>((resolve) => (release = resolve));
  let training = new Promise<void>((resolve) => (started = resolve));
  const trainer: ModelTrainer = {
    async trainEase(set, lambda) {
      started();
      await gate;
      return trainEase(set, lambda);
    },
  };
  return {
    trainer,
    /** Resolves once a training has begun (and is now held). */
    training: () => training,
    /** Lets the held training finish, and holds the next one. */
    release: () => {
      release();
      gate = new Promise<void>((resolve) => (release = resolve));
      training = new Promise<void>((resolve) => (started = resolve));
    },
  };
}

const gate = gatedTrainer();
let node: TestAttune;

const order = (userId: string, orderId: string, productIds: string[]) =>
  node.call('POST', '/v1/track', {
    body: {
      userId,
      event: 'Order Completed',
      properties: { order_id: orderId, products: productIds.map((id) => ({ product_id: id, price: 2 })) },
    },
  });
const profileIdOf = async (userId: string) => (await node.profiles.find(userId))?.profile.id as string;

beforeAll(async () => {
  node = await startTestAttune({}, { trainer: gate.trainer });
  gate.release(); // the start-up training
  for (const id of ['a', 'b', 'c', 'd'])
    await node.call('PUT', `/v1/products/${id}`, { body: productBody({ title: id }) });
  await order('u1', 'o1', ['a', 'b']);
  await order('u2', 'o2', ['a', 'b', 'c']);
});
afterAll(() => node.dispose());

describe('rebuilding the recommendation models', () => {
  it('keeps what is committed, merged or erased while a rebuild trains', async () => {
    const rebuilt = node.recommendations.rebuild();
    await gate.training();
    await order('late', 'o3', ['c', 'd']);
    await node.call('POST', '/v1/identify', { body: { userId: 'u3', anonymousId: 'anon-3' } });
    await node.call('POST', '/v1/track', {
      body: { anonymousId: 'anon-4', event: 'Product Viewed', properties: { product_id: 'd' } },
    });
    const anonymous = await profileIdOf('anon-4');
    await node.call('POST', '/v1/identify', { body: { userId: 'u4', anonymousId: 'anon-4' } });
    const erased = await profileIdOf('u2');
    expect((await node.call('DELETE', '/v1/profiles/u2')).status).toBe(200);
    gate.release();
    await rebuilt;

    const customers = node.recommendations.models.online.customers;
    expect(customers.get(await profileIdOf('late'))?.purchases.has('d')).toBe(true);
    const known = await profileIdOf('u4');
    expect(customers.get(known)?.viewed).toEqual(['d']);
    if (known !== anonymous) expect(customers.has(anonymous)).toBe(false);
    expect(customers.has(erased)).toBe(false);
  });

  it('learns each lesson once, however often it arrives', async () => {
    const observed = node.recommendations.models.online.observed;
    // An older order of the same customer, sent again: nothing new to learn.
    await order('u1', 'o1', ['a', 'b']);
    await order('late', 'o3', ['c', 'd']);
    expect(node.recommendations.models.online.observed).toBe(observed);
  });

  it('forgets an erased customer at once, and drops their part in shared counts with the rebuild', async () => {
    await order('x1', 'ox1', ['a', 'b']); // two buyers of a and b: the rebuild trains EASE
    await order('gone', 'o9', ['a', 'd']);
    await order('gone', 'o10', ['b']);
    const id = await profileIdOf('gone');
    const together = () => node.recommendations.models.online.boughtTogether.neighbours('d', 10);
    expect(together().map(([item]) => item)).toContain('a');
    expect((await node.call('DELETE', '/v1/profiles/gone')).status).toBe(200);
    expect(node.recommendations.models.online.customers.has(id)).toBe(false);
    const rebuilt = node.recommendations.rebuild();
    await gate.training();
    gate.release();
    await rebuilt;
    await vi.waitFor(() => expect(together().map(([item]) => item)).not.toContain('a'));
  });
});

describe('the metrics of the models', () => {
  it('say how many items the EASE model in service covers, 0 while co-occurrence stands in', async () => {
    const size = node.recommendations.models.ease?.size ?? 0;
    const metrics = (await node.call('GET', '/metrics', { key: null })).body;
    expect(metrics).toMatch(new RegExp(`^attune_recommendation_ease_items ${size}$`, 'm'));
  });

  it("say how many pairs EASE's co-purchase counts hold, and whether EASE trains from them", async () => {
    const { pairs, state } = node.recommendations.coPurchaseStatus();
    expect(pairs).toBeGreaterThan(0);
    const metrics = (await node.call('GET', '/metrics', { key: null })).body;
    expect(metrics).toMatch(new RegExp(`^attune_recommendation_co_purchase_pairs ${pairs}$`, 'm'));
    expect(metrics).toMatch(
      new RegExp(`^attune_recommendation_co_purchase_counts\\{state="${state}"\\} 1$`, 'm'),
    );
  });

  it("say how many profiles and customers' histories the node holds, their memory and their halves of ATTUNE_CUSTOMER_CACHE_MIB", async () => {
    await order('metered', 'o-metered', ['a']);
    const metrics = (await node.call('GET', '/metrics', { key: null })).body;
    const value = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(metrics)?.[1]);
    const half = (256 * 1024 * 1024) / 2;
    for (const prefix of ['attune_profile_cache', 'attune_customer_histories']) {
      expect(value(`${prefix}_entries`)).toBeGreaterThan(0);
      expect(value(`${prefix}_bytes`)).toBeGreaterThan(value(`${prefix}_entries`) * 100);
      expect(value(`${prefix}_budget_bytes`)).toBe(half);
    }
    expect(value('attune_customer_histories_entries')).toBe(node.recommendations.customerHistories().size);
  });
});
