import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOTH_STORES, type SharedStore } from '../support/both-stores.js';
import type { TestAttune } from '../support/test-attune.js';

/** Paths that name Object's own members: they must read as plain, absent names. */
const BUILT_IN_PATHS = [
  'computed.toString',
  'computed.constructor',
  'traits.__proto__',
  'traits.constructor',
];

describe.each(BOTH_STORES)('nothing stored that cannot be loaded, on $name', ({ available, openShared }) => {
  let shared: SharedStore;
  let node: TestAttune;
  beforeAll(async () => {
    if (!available) return;
    shared = await openShared();
    node = await shared.startNode();
  });
  afterAll(async () => {
    await node?.dispose();
    await shared?.dispose();
  });

  it.skipIf(!available)('takes rule paths named like built-ins as plain names that nobody has', async () => {
    for (const [index, trait] of BUILT_IN_PATHS.entries()) {
      const written = await node.call('PUT', `/v1/segments/built-in-${index}`, {
        body: { name: trait, rule: { trait, op: 'exists' } },
      });
      expect(written.status, trait).toBe(201);
    }
    // Later writes still work, and a customer is in none of them.
    expect(
      (
        await node.call('PUT', '/v1/segments/plain', {
          body: { name: 'p', rule: { trait: 'traits.plan', op: 'eq', value: 'pro' } },
        })
      ).status,
    ).toBe(201);
    await node.call('POST', '/v1/identify', { body: { userId: 'c1', traits: { plan: 'pro' } } });
    await node.rules.backfill.idle();
    const profile = await node.call('GET', '/v1/profiles/c1');
    expect(profile.status).toBe(200);
    expect(profile.json().segments).toEqual(['plain']);
  });

  it.skipIf(!available)(
    'skips and reports stored objects that do not load, and serves the rest',
    async () => {
      const writes = [
        ['/v1/segments/broken-segment', { name: 'b', rule: { trait: 'traits.plan', op: 'exists' } }],
        ['/v1/segments/torn-segment', { name: 't', rule: { trait: 'traits.plan', op: 'exists' } }],
        ['/v1/promotions/broken-promotion', { title: 't', action: { type: 'free_shipping' } }],
        ['/v1/promotions/sound-promotion', { title: 't', action: { type: 'free_shipping' } }],
        [
          '/v1/price-lists/broken-list',
          { type: 'sale', currency: 'GBP', rule: { percentOff: 10, match: {} } },
        ],
        ['/v1/content/slots/broken-slot', { variants: [{ id: 'd', payload: 1 }] }],
        ['/v1/content/slots/sound-slot', { variants: [{ id: 'd', payload: 1 }] }],
        ['/v1/loyalty/program', { currency: 'GBP', pointsPerUnit: 1, tiers: [{ id: 'gold', perks: {} }] }],
        ['/v1/listings/rules', { weights: { popularity: 1 } }],
      ] as const;
      for (const [url, body] of writes)
        expect((await node.call('PUT', url, { body })).status, url).toBeLessThan(300);
      await node.dispose();

      // As a bug or a hand edit could leave them: rows that read as JSON but no longer load.
      await shared.execute(`update segments set doc = ? where id = 'broken-segment'`, [
        '{"name":"b","rule":{"trait":5}}',
      ]);
      for (const [table, id] of [
        ['promotions', 'broken-promotion'],
        ['price_lists', 'broken-list'],
        ['content_slots', 'broken-slot'],
      ]) {
        await shared.execute(`update ${table} set doc = ? where id = ?`, ['{}', id]);
      }
      await shared.execute(`update segments set doc = ? where id = 'torn-segment'`, ['{"name":"t","ru']);
      await shared.execute(`update settings set value = ? where key = 'loyalty.program'`, ['{"tiers":7}']);
      await shared.execute(`update settings set value = ? where key = ?`, ['{"pins":7}', 'listings.rules']);

      node = await shared.startNode();
      const ready = await node.call('GET', '/readyz', { key: null });
      expect(ready.status).toBe(200);
      const skipped = ready
        .json()
        .checks.skipped.map(({ kind, id }: { kind: string; id: string }) => `${kind} ${id}`);
      expect(skipped.sort()).toEqual([
        'content-slot broken-slot',
        'listing-rules rules',
        'loyalty-program program',
        'price-list broken-list',
        'promotion broken-promotion',
        'segment broken-segment',
        'segment torn-segment',
      ]);
      const metrics = (await node.call('GET', '/metrics', { key: null })).body;
      expect(metrics).toContain('attune_unloadable_objects{kind="segment"} 2');
      expect(metrics).toContain('attune_unloadable_objects{kind="promotion"} 1');

      // The rest is served, and a write that repairs an object brings it back.
      const resolved = await node.call('POST', '/v1/content:resolve', {
        body: { slots: ['sound-slot', 'broken-slot'] },
      });
      expect(Object.keys(resolved.json().slots)).toEqual(['sound-slot']);
      expect((await node.call('PUT', '/v1/content/slots/broken-slot', { body: writes[5][1] })).status).toBe(
        200,
      );
      const after = (await node.call('GET', '/readyz', { key: null })).json().checks.skipped;
      expect(after.map(({ id }: { id: string }) => id)).not.toContain('broken-slot');
    },
  );
});
