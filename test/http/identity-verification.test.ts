import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOTH_STORES } from '../support/both-stores.js';
import { PUBLISHABLE_KEY, type TestAttune } from '../support/test-attune.js';

describe.each(BOTH_STORES)('identity verification for events, on $name', ({ available, start }) => {
  let node: TestAttune;
  /** What the merchant sees of a profile (secret key). */
  const profileOf = async (id: string) => (await node.call('GET', `/v1/profiles/${id}`)).json();
  const tokenFor = async (userId: string): Promise<string> =>
    (await node.call('POST', '/v1/customer-tokens', { body: { userId } })).json().token;
  const fromBrowser = (type: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    node.call('POST', `/v1/${type}`, { key: PUBLISHABLE_KEY, body, headers });

  beforeAll(async () => {
    if (!available) return;
    node = await start();
    await node.call('PUT', '/v1/segments/gold', {
      body: { name: 'Gold', rule: { trait: 'traits.plan', op: 'eq', value: 'gold' } },
    });
    // Known customers, as the merchant's server made them: one opted out, one gold.
    await node.call('POST', '/v1/identify', {
      body: { userId: 'opted-out', anonymousId: 'opted-out-phone', traits: { plan: 'gold' } },
    });
    await node.call('PUT', '/v1/profiles/opted-out/consent', {
      body: { personalization: false, analytics: false },
    });
    await node.call('POST', '/v1/identify', { body: { userId: 'goldie', traits: { plan: 'gold' } } });
    await node.rules.backfill.idle();
  });
  afterAll(() => node?.dispose());

  it.skipIf(!available)(
    'keeps an opted-out customer opted out when the browser names them without a token',
    async () => {
      const sent = await fromBrowser('track', {
        userId: 'opted-out',
        event: 'Product Viewed',
        properties: { product_id: 'p1' },
        context: { consent: { personalization: true, analytics: true } },
      });
      expect(sent.status).toBe(200);
      expect(sent.json()).toMatchObject({
        accepted: 1,
        ignored: [{ index: 0, reason: 'customer_token_required', pointer: '/context/consent' }],
      });
      expect((await profileOf('opted-out')).consent).toEqual({ personalization: false, analytics: false });
      // Segment's consent shape, in a batch: the same, reported under the batch.
      const batch = await node.call('POST', '/v1/batch', {
        key: PUBLISHABLE_KEY,
        body: {
          batch: [
            { type: 'page', userId: 'goldie', name: 'Home' },
            {
              type: 'track',
              userId: 'opted-out',
              event: 'Cart Viewed',
              context: { consent: { categoryPreferences: { Analytics: true, Personalization: true } } },
            },
          ],
        },
      });
      expect(batch.json().ignored).toEqual([
        { index: 1, reason: 'customer_token_required', pointer: '/batch/1/context/consent' },
      ]);
      // Reported at the event's place in the batch as sent, whatever was refused before it.
      let deep: unknown = 'x';
      for (let level = 0; level < 100; level += 1) deep = { deep };
      const afterRefusal = await node.call('POST', '/v1/batch', {
        key: PUBLISHABLE_KEY,
        body: {
          batch: [
            { type: 'track', userId: 'goldie', event: 'Deep', properties: { deep } },
            { type: 'identify', userId: 'goldie', traits: { plan: 'free' } },
          ],
        },
      });
      expect(afterRefusal.json()).toMatchObject({
        accepted: 1,
        rejected: [{ index: 0 }],
        ignored: [{ index: 1, reason: 'customer_token_required', pointer: '/batch/1/traits' }],
      });
      expect((await profileOf('opted-out')).consent).toEqual({ personalization: false, analytics: false });
    },
  );

  it.skipIf(!available)(
    'leaves a known customer’s traits, segments and ids alone without their token',
    async () => {
      const traits = await fromBrowser('identify', { userId: 'goldie', traits: { plan: 'free' } });
      expect(traits.json().ignored).toEqual([
        { index: 0, reason: 'customer_token_required', pointer: '/traits' },
      ]);
      const linked = await fromBrowser('identify', { userId: 'goldie', anonymousId: 'attacker-phone' });
      expect(linked.json().ignored).toEqual([
        { index: 0, reason: 'customer_token_required', pointer: '/anonymousId' },
      ]);
      const aliased = await fromBrowser('alias', { previousId: 'opted-out-phone', userId: 'attacker' });
      expect(aliased.json().ignored).toEqual([
        { index: 0, reason: 'customer_token_required', pointer: '/previousId' },
      ]);
      await node.rules.backfill.idle();
      const goldie = await profileOf('goldie');
      expect(goldie.traits.plan).toBe('gold');
      expect(goldie.segments).toEqual(['gold']);
      expect(goldie.anonymousIds).toEqual([]);
      expect((await profileOf('attacker')).status).toBe(404);
      expect((await profileOf('opted-out-phone')).userId).toBe('opted-out');
    },
  );

  it.skipIf(!available)(
    'applies the change with the customer’s token, as a header or in context',
    async () => {
      const withHeader = await fromBrowser(
        'identify',
        { userId: 'goldie', traits: { plan: 'silver' } },
        { 'x-customer-token': await tokenFor('goldie') },
      );
      expect(withHeader.json().ignored).toEqual([]);
      const someoneElses = await fromBrowser(
        'identify',
        { userId: 'goldie', traits: { plan: 'free' } },
        { 'x-customer-token': await tokenFor('opted-out') },
      );
      expect(someoneElses.json().ignored).toHaveLength(1);
      const token = await tokenFor('opted-out');
      const inContext = await fromBrowser('track', {
        userId: 'opted-out',
        event: 'Consent Given',
        context: { consent: { personalization: true, analytics: true }, customerToken: token },
      });
      expect(inContext.json().ignored).toEqual([]);
      await node.rules.backfill.idle();
      expect((await profileOf('goldie')).traits.plan).toBe('silver');
      expect((await profileOf('opted-out')).consent).toEqual({ personalization: true, analytics: true });
      // The token is a credential: it is never stored with the event.
      const exported = await node.call('GET', '/v1/profiles/opted-out/export');
      expect(exported.body).toContain('Consent Given');
      expect(exported.body).not.toContain(token);
    },
  );

  it.skipIf(!available)(
    'lets new customers and anonymous visitors identify from the browser as before',
    async () => {
      const signUp = await fromBrowser('identify', {
        userId: 'newcomer',
        anonymousId: 'newcomer-phone',
        traits: { plan: 'trial' },
        context: { consent: { personalization: false } },
      });
      expect(signUp.json()).toMatchObject({ accepted: 1, ignored: [] });
      const newcomer = await profileOf('newcomer');
      expect(newcomer).toMatchObject({ traits: { plan: 'trial' }, anonymousIds: ['newcomer-phone'] });
      expect(newcomer.consent.personalization).toBe(false);
    },
  );
});
