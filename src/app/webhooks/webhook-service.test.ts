import { describe, expect, it, vi } from 'vitest';
import type { WebhookTransport } from '../../ports/webhook-transport.js';
import { codeOf, domainErrorOf, useApps } from '../../../test/support/app-fixture.js';

/** Refuses targets on `.internal` hosts, as the address policy refuses private addresses. */
const transport: WebhookTransport = {
  post: () => Promise.resolve(204),
  check: (url) =>
    new URL(url).hostname.endsWith('.internal')
      ? Promise.reject(new Error('a private address'))
      : Promise.resolve(),
};
const start = useApps({ transport });
const secret = `whsec_${Buffer.alloc(24, 3).toString('base64')}`;
const crm = { id: 'crm', url: 'https://crm.example/hooks', events: ['segment.entered' as const], secret };

describe('WebhookService', () => {
  it('stores a subscription, announces it, and queues messages for it from then on', async () => {
    const app = await start();
    const webhook = await app.rules.webhooks.put(crm);
    expect(webhook).toMatchObject({ id: 'crm', version: 1 });
    expect((await app.rules.webhooks.get('crm')).url).toBe(crm.url);
    expect((await app.rules.webhooks.list()).map((each) => each.id)).toEqual(['crm']);
    expect(app.published('webhooks')).toEqual([{ origin: app.nodeId, id: 'crm' }]);
    await app.rules.segments.put('vip', {
      name: 'VIP',
      rule: { trait: 'traits.vip', op: 'eq', value: true },
    });
    await app.rules.backfill.idle();
    await app.track({ type: 'identify', userId: 'u1', traits: { vip: true } });
    const deliveries = await app.rules.webhooks.deliveries('crm');
    expect(deliveries).toHaveLength(1);
    expect(JSON.parse(deliveries[0]?.payload ?? '{}')).toMatchObject({
      type: 'segment.entered',
      timestamp: new Date(app.clock.now()).toISOString(),
      data: { segmentId: 'vip', userId: 'u1' },
    });
  });

  it('refuses a target the address policy forbids, pointing at the url', async () => {
    const app = await start();
    const refused = await domainErrorOf(() =>
      app.rules.webhooks.put({ ...crm, url: 'https://db.internal/hook' }),
    );
    expect(refused.code).toBe('webhook_target_refused');
    expect(refused.details['pointer']).toBe('/url');
    expect(await app.store.listWebhooks()).toEqual([]);
  });

  it('queues nothing more for a deleted subscription, and knows no unknown ids', async () => {
    const app = await start();
    await app.rules.webhooks.put(crm);
    await app.rules.webhooks.delete('crm');
    await app.rules.segments.put('vip', {
      name: 'VIP',
      rule: { trait: 'traits.vip', op: 'eq', value: true },
    });
    await app.rules.backfill.idle();
    await app.track({ type: 'identify', userId: 'u1', traits: { vip: true } });
    expect(await app.store.outboxOf('crm')).toEqual([]);
    expect(await codeOf(() => app.rules.webhooks.get('crm'))).toBe('webhook_not_found');
    expect(await codeOf(() => app.rules.webhooks.delete('crm'))).toBe('webhook_not_found');
    expect(await codeOf(() => app.rules.webhooks.deliveries('crm'))).toBe('webhook_not_found');
  });

  it("follows another node's subscriptions", async () => {
    const app = await start();
    const other = await start({ sharedWith: app });
    await other.rules.webhooks.put(crm);
    await app.rules.segments.put('vip', {
      name: 'VIP',
      rule: { trait: 'traits.vip', op: 'eq', value: true },
    });
    await app.rules.backfill.idle();
    // This node queues messages for the subscription once it has heard of it: never, without the bus.
    let customers = 0;
    await vi.waitFor(async () => {
      customers += 1;
      await app.track({ type: 'identify', userId: `u${customers}`, traits: { vip: true } });
      expect(await app.store.outboxOf('crm')).not.toEqual([]);
    });
  });
});
