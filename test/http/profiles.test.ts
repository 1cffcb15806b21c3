import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/adapters/clock/manual-clock.js';
import { PUBLISHABLE_KEY, startTestAttune, type TestAttune } from '../support/test-attune.js';

let node: TestAttune;
const clock = new ManualClock('2026-03-01T12:00:00.000Z');
beforeAll(async () => {
  node = await startTestAttune({}, { clock });
});
afterAll(() => node.dispose());

const track = (body: Record<string, unknown>, key?: string) =>
  node.call('POST', '/v1/track', {
    body: { event: 'Product Viewed', ...body },
    ...(key !== undefined && { key }),
  });
const profileOf = async (id: string, headers: Record<string, string> = {}, key?: string) =>
  node.call('GET', `/v1/profiles/${encodeURIComponent(id)}`, { headers, ...(key !== undefined && { key }) });

describe('identity', () => {
  it('merges an anonymous visit into the customer on identify, and either id finds the one profile', async () => {
    await track({ anonymousId: 'visit-1', properties: { product_id: 'mug' } });
    await track({
      anonymousId: 'visit-1',
      event: 'Product Added',
      properties: { product_id: 'mug', quantity: 2 },
    });
    await node.call('POST', '/v1/track', {
      body: { userId: 'alice', event: 'Order Completed', properties: { order_id: 'a-1', total: 30 } },
    });
    // Signing in from the browser: alice is known (her order), so linking this visit and setting her
    // traits needs her customer token, minted by the merchant's server at sign-in.
    const { token } = (await node.call('POST', '/v1/customer-tokens', { body: { userId: 'alice' } })).json();
    await node.call('POST', '/v1/identify', {
      key: PUBLISHABLE_KEY,
      headers: { 'x-customer-token': token },
      body: { userId: 'alice', anonymousId: 'visit-1', traits: { email: 'alice@example.com' } },
    });

    const byUser = (await profileOf('alice')).json();
    expect(byUser).toMatchObject({
      userId: 'alice',
      anonymousIds: ['visit-1'],
      traits: { email: 'alice@example.com' },
      computed: {
        orderCount: 1,
        recentlyViewed: ['mug'],
        cart: { items: [{ productId: 'mug', quantity: 2 }] },
      },
    });
    expect((await profileOf('visit-1')).json()).toEqual(byUser);
  });

  it('keeps two known customers apart when they share a device', async () => {
    await node.call('POST', '/v1/identify', { body: { userId: 'bob', anonymousId: 'shared-device' } });
    await node.call('POST', '/v1/identify', { body: { userId: 'carol', anonymousId: 'shared-device' } });
    expect((await profileOf('bob')).json().anonymousIds).toEqual([]);
    expect((await profileOf('carol')).json().anonymousIds).toEqual(['shared-device']);
    expect((await profileOf('shared-device')).json().userId).toBe('carol');
  });

  it('lets only the server set the company that B2B contract prices read', async () => {
    await node.call('POST', '/v1/identify', {
      key: PUBLISHABLE_KEY,
      body: { userId: 'mallory', traits: { company: { id: 'bigcorp' } } },
    });
    expect((await profileOf('mallory')).json().traits).toEqual({});
    await node.call('POST', '/v1/group', {
      body: { userId: 'mallory', groupId: 'smallco', traits: { name: 'Small Co' } },
    });
    expect((await profileOf('mallory')).json().traits).toEqual({
      company: { id: 'smallco', name: 'Small Co' },
    });
  });
});

describe('consent', () => {
  it('stores no new behaviour without analytics consent, but keeps the answer', async () => {
    await track({ userId: 'dave', properties: { product_id: 'first' } });
    const answered = await node.call('PUT', '/v1/profiles/dave/consent', {
      body: { analytics: false, personalization: false },
    });
    expect(answered.json().consent).toEqual({ personalization: false, analytics: false });
    await track({ userId: 'dave', properties: { product_id: 'second' } });
    expect((await profileOf('dave')).json().computed.recentlyViewed).toEqual(['first']);
    const events = (await node.call('GET', '/v1/profiles/dave/export')).json().events;
    expect(events.map((event: { event: string }) => event.event)).toEqual(['Product Viewed']);
  });

  it('reads consent sent in context.consent, for anonymous visitors too', async () => {
    await track({
      anonymousId: 'careful',
      context: { consent: { categoryPreferences: { Personalization: false } } },
      properties: { product_id: 'x' },
    });
    expect((await profileOf('careful')).json().consent).toEqual({ personalization: false, analytics: true });
  });

  it('with ATTUNE_CONSENT_DEFAULT=denied, keeps nothing of visitors who have not answered', async () => {
    const strict = await startTestAttune({ ATTUNE_CONSENT_DEFAULT: 'denied' });
    try {
      await strict.call('POST', '/v1/track', {
        body: { anonymousId: 'silent', event: 'Product Viewed', properties: { product_id: 'x' } },
      });
      expect((await strict.call('GET', '/v1/profiles/silent')).status).toBe(404);
      await strict.call('POST', '/v1/track', {
        body: {
          anonymousId: 'willing',
          event: 'Product Viewed',
          properties: { product_id: 'x' },
          context: { consent: { analytics: true } },
        },
      });
      expect((await strict.call('GET', '/v1/profiles/willing')).json()).toMatchObject({
        consent: { analytics: true, personalization: false },
        computed: { recentlyViewed: ['x'] },
      });
    } finally {
      await strict.dispose();
    }
  });
});

describe('customer tokens', () => {
  it('shows a known customer to a publishable key only with a token for that customer', async () => {
    const minted = await node.call('POST', '/v1/customer-tokens', {
      body: { userId: 'alice', ttlSeconds: 600 },
    });
    expect(minted.status).toBe(201);
    const { token } = minted.json();
    expect((await profileOf('alice', {}, PUBLISHABLE_KEY)).json()).toMatchObject({
      status: 404,
      code: 'profile_not_found',
    });
    expect((await profileOf('alice', { 'x-customer-token': token }, PUBLISHABLE_KEY)).json().userId).toBe(
      'alice',
    );
    expect((await profileOf('bob', { 'x-customer-token': token }, PUBLISHABLE_KEY)).status).toBe(404);
    // An anonymous id that now belongs to alice is alice's profile: it needs her token too.
    expect((await profileOf('visit-1', {}, PUBLISHABLE_KEY)).status).toBe(404);
    expect((await profileOf('careful', {}, PUBLISHABLE_KEY)).status).toBe(200);
    expect(
      (
        await node.call('GET', '/v1/profiles/alice/export', {
          key: PUBLISHABLE_KEY,
          headers: { 'x-customer-token': token },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await node.call('GET', '/v1/profiles/bob/export', {
          key: PUBLISHABLE_KEY,
          headers: { 'x-customer-token': token },
        })
      ).status,
    ).toBe(404);

    clock.advance(601_000);
    expect((await profileOf('alice', { 'x-customer-token': token }, PUBLISHABLE_KEY)).status).toBe(404);
    expect(
      (await node.call('POST', '/v1/customer-tokens', { key: PUBLISHABLE_KEY, body: { userId: 'alice' } }))
        .status,
    ).toBe(403);
  });
});

describe('GDPR', () => {
  it('exports everything held about a customer', async () => {
    const exported = (await node.call('GET', '/v1/profiles/alice/export')).json();
    expect(exported).toMatchObject({
      identities: { userId: 'alice', anonymousIds: ['visit-1'] },
      profile: { userId: 'alice' },
      orders: [expect.objectContaining({ orderId: 'a-1', amount: 3000, currency: 'GBP' })],
    });
    expect(
      exported.events.map((event: { event?: string; type: string }) => event.event ?? event.type),
    ).toEqual(['Product Viewed', 'Product Added', 'Order Completed', 'identify']);
  });

  it('erases a customer so that nothing of them is left in the store file, and replays cannot bring them back', async () => {
    const secretTrait = 'erin.secret.trait@example.org';
    await node.call('POST', '/v1/identify', {
      body: {
        userId: 'erin-4711',
        anonymousId: 'erin-device-99',
        traits: { email: secretTrait },
        timestamp: '2026-03-01T11:00:00Z',
      },
    });
    await track({
      userId: 'erin-4711',
      messageId: 'erin-view',
      properties: { product_id: 'p' },
      timestamp: '2026-03-01T11:30:00Z',
    });

    const receipt = await node.call('DELETE', '/v1/profiles/erin-4711');
    expect(receipt.json()).toMatchObject({
      userId: 'erin-4711',
      removed: { profiles: 1, identities: 2, events: 2, orders: 0 },
    });
    expect((await profileOf('erin-4711')).status).toBe(404);
    expect((await profileOf('erin-device-99')).status).toBe(404);

    for (const file of readdirSync(node.config.dataDir)) {
      const bytes = readFileSync(join(node.config.dataDir, file));
      for (const needle of ['erin-4711', 'erin-device-99', secretTrait])
        expect(bytes.includes(needle), `${needle} in ${file}`).toBe(false);
    }

    // A replay of an old event is acknowledged and dropped; a new visit after the erasure starts afresh.
    expect(
      (
        await track({
          userId: 'erin-4711',
          messageId: 'erin-view',
          properties: { product_id: 'p' },
          timestamp: '2026-03-01T11:30:00Z',
        })
      ).status,
    ).toBe(200);
    expect((await profileOf('erin-4711')).status).toBe(404);
    await track({ userId: 'erin-4711', messageId: 'erin-comes-back', properties: { product_id: 'q' } });
    expect((await profileOf('erin-4711')).json().computed.recentlyViewed).toEqual(['q']);
    expect((await node.call('DELETE', '/v1/profiles/nobody')).status).toBe(404);
  });
});
