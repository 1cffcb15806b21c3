import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOTH_STORES, type SharedStore } from '../support/both-stores.js';
import { productBody, type TestAttune } from '../support/test-attune.js';

const SECRET = `whsec_${'A'.repeat(32)}`;
const WEBHOOK = { url: 'http://127.0.0.1:9/hook', events: ['segment.entered'], secret: SECRET };
const PRODUCT = JSON.stringify(productBody());
/** Names `w-torn`, which exists when the journeys are written (and is broken afterwards). */
const JOURNEY = {
  name: 'Thanks',
  status: 'paused',
  trigger: { event: 'Order Completed' },
  steps: [{ id: 'thanks', webhookId: 'w-torn' }],
};
const HASH = 'f'.repeat(64);

/**
 * One row per way a stored object can fail to load, for every kind a node loads at start: the sound
 * object written through the API first (if any), the SQL that breaks it as a bug, a hand edit or
 * another version could, and the kind and id the restarted node reports it under. `refused` is the
 * broken document sent to the API, which must refuse it: nothing that cannot load is ever stored.
 */
interface BrokenRow {
  readonly kind: string;
  readonly id: string;
  readonly write?: readonly [url: string, body: unknown];
  readonly breaks: readonly [statement: string, params: readonly unknown[]];
  readonly refused?: readonly [method: 'PUT', url: string, payload: string];
}

const docOf = (table: string, id: string, doc: string): BrokenRow['breaks'] => [
  `update ${table} set doc = ? where id = ?`,
  [doc, id],
];
const settingOf = (key: string, value: string): BrokenRow['breaks'] => [
  'update settings set value = ? where key = ?',
  [value, key],
];
const product = (changes: string) => PRODUCT.replace(/}$/, `,${changes}}`);

const ROWS: readonly BrokenRow[] = [
  {
    kind: 'product',
    id: 'p-torn',
    write: ['/v1/products/p-torn', productBody()],
    breaks: docOf('products', 'p-torn', '{"title":"Mug","pri'),
  },
  {
    kind: 'product',
    id: 'p-type',
    write: ['/v1/products/p-type', productBody()],
    breaks: docOf('products', 'p-type', product('"price":{"amount":"295","currency":"GBP"}')),
    refused: ['PUT', '/v1/products/p-type', product('"price":{"amount":"295","currency":"GBP"}')],
  },
  {
    kind: 'product',
    id: 'p-proto',
    write: ['/v1/products/p-proto', productBody()],
    breaks: docOf('products', 'p-proto', product('"__proto__":{"status":"active"}')),
    refused: ['PUT', '/v1/products/p-proto', product('"__proto__":{"status":"active"}')],
  },
  {
    kind: 'product',
    id: 'p-enum',
    write: ['/v1/products/p-enum', productBody()],
    breaks: docOf('products', 'p-enum', product('"status":"draft"')),
    refused: ['PUT', '/v1/products/p-enum', product('"status":"draft"')],
  },
  {
    kind: 'stock',
    id: 'p-sound/default',
    write: ['/v1/inventory/p-sound', { available: 3 }],
    breaks: ['update inventory set available = ? where product_id = ?', [-5, 'p-sound']],
    refused: ['PUT', '/v1/inventory/p-sound', '{"available":-5}'],
  },
  {
    kind: 'collection',
    id: 'c-type',
    write: ['/v1/collections/c-type', { title: 'C', productIds: ['p-sound'] }],
    breaks: docOf('collections', 'c-type', '{"title":"C","productIds":7}'),
    refused: ['PUT', '/v1/collections/c-type', '{"title":"C","productIds":7}'],
  },
  {
    kind: 'collection',
    id: 'c-constructor',
    write: ['/v1/collections/c-constructor', { title: 'C', productIds: ['p-sound'] }],
    breaks: docOf('collections', 'c-constructor', '{"title":"C","productIds":[],"constructor":{}}'),
    refused: ['PUT', '/v1/collections/c-constructor', '{"title":"C","productIds":[],"constructor":{}}'],
  },
  {
    kind: 'webhook',
    id: 'w-enum',
    write: ['/v1/webhooks/w-enum', WEBHOOK],
    breaks: docOf('webhooks', 'w-enum', JSON.stringify({ ...WEBHOOK, events: ['order.completed'] })),
    refused: ['PUT', '/v1/webhooks/w-enum', JSON.stringify({ ...WEBHOOK, events: ['order.completed'] })],
  },
  {
    kind: 'webhook',
    id: 'w-torn',
    write: ['/v1/webhooks/w-torn', WEBHOOK],
    breaks: docOf('webhooks', 'w-torn', '{"url":"http://127.0.0.1:9/hook","ev'),
  },
  {
    kind: 'journey',
    id: 'j-torn',
    write: ['/v1/journeys/j-torn', JOURNEY],
    breaks: docOf('journeys', 'j-torn', '{"name":"Thanks","trig'),
  },
  {
    kind: 'journey',
    id: 'j-trigger',
    write: ['/v1/journeys/j-trigger', JOURNEY],
    breaks: docOf(
      'journeys',
      'j-trigger',
      JSON.stringify({ ...JOURNEY, trigger: { event: 'Order Shipped' } }),
    ),
    refused: [
      'PUT',
      '/v1/journeys/j-trigger',
      JSON.stringify({ ...JOURNEY, trigger: { event: 'Order Shipped' } }),
    ],
  },
  {
    kind: 'api-key',
    id: 'key_newer',
    breaks: [
      'insert into api_keys (id, kind, key_hash, label, created_at) values (?, ?, ?, ?, ?)',
      ['key_newer', 'admin', HASH, 'from a newer version', 1],
    ],
  },
  {
    kind: 'merchandising-rules',
    id: 'rules',
    write: ['/v1/recommendations/rules', { pins: [{ productId: 'p-sound', position: 1 }] }],
    breaks: settingOf('recommendations.rules', '{"pins":[{"productId":"p-sound","position":"first"}]}'),
    refused: ['PUT', '/v1/recommendations/rules', '{"pins":[{"productId":"p-sound","position":"first"}]}'],
  },
  {
    kind: 'segment',
    id: 's-enum',
    write: ['/v1/segments/s-enum', { name: 's', rule: { trait: 'traits.plan', op: 'exists' } }],
    breaks: docOf('segments', 's-enum', '{"name":"s","rule":{"trait":"traits.plan","op":"nearly"}}'),
    refused: ['PUT', '/v1/segments/s-enum', '{"name":"s","rule":{"trait":"traits.plan","op":"nearly"}}'],
  },
  {
    kind: 'promotion',
    id: 'pr-enum',
    write: ['/v1/promotions/pr-enum', { title: 't', action: { type: 'free_shipping' } }],
    breaks: docOf('promotions', 'pr-enum', '{"title":"t","action":{"type":"free_lunch"}}'),
    refused: ['PUT', '/v1/promotions/pr-enum', '{"title":"t","action":{"type":"free_lunch"}}'],
  },
];

describe.each(BOTH_STORES)('every kind a node loads at start, on $name', ({ available, openShared }) => {
  let shared: SharedStore;
  let node: TestAttune | undefined;
  const settings = { ATTUNE_WEBHOOK_ALLOW_PRIVATE: 'true' };
  beforeAll(async () => {
    if (!available) return;
    shared = await openShared();
    node = await shared.startNode(settings);
  });
  afterAll(async () => {
    await node?.dispose();
    await shared?.dispose();
  });

  it.skipIf(!available)('the API refuses each broken document: it is never stored', async () => {
    const started = node as TestAttune;
    for (const { refused } of ROWS) {
      if (refused === undefined) continue;
      const [method, url, payload] = refused;
      const answer = await started.call(method, url, {
        payload,
        headers: { 'content-type': 'application/json' },
      });
      expect(answer.status, url).toBe(400);
    }
  });

  it.skipIf(!available)('a restarted node skips and reports each, and serves the rest', async () => {
    let started = node as TestAttune;
    expect((await started.call('PUT', '/v1/products/p-sound', { body: productBody() })).status).toBe(201);
    const sound = { name: 's', rule: { trait: 'traits.plan', op: 'exists' } };
    expect((await started.call('PUT', '/v1/segments/s-sound', { body: sound })).status).toBe(201);
    for (const { write } of ROWS) {
      if (write === undefined) continue;
      const [url, body] = write;
      expect((await started.call('PUT', url, { body })).status, url).toBeLessThan(300);
    }
    await started.dispose();
    node = undefined;
    for (const { breaks } of ROWS) await shared.execute(...breaks);
    // A segment's back-fill progress is not the segment: torn, it is dropped and the segment loads.
    await shared.execute('update segments set backfill = ? where id = ?', ['{"status":"run', 's-sound']);

    started = node = await shared.startNode(settings);
    const ready = await started.call('GET', '/readyz', { key: null });
    expect(ready.status).toBe(200);
    const skipped = ready
      .json()
      .checks.skipped.map(({ kind, id }: { kind: string; id: string }) => `${kind} ${id}`);
    expect(skipped.sort()).toEqual(ROWS.map(({ kind, id }) => `${kind} ${id}`).sort());
    const metrics = (await started.call('GET', '/metrics', { key: null })).body;
    expect(metrics).toContain('attune_unloadable_objects{kind="product"} 4');

    // What loads is served; what does not is not, and an admin write repairs it.
    expect((await started.call('GET', '/v1/products/p-sound')).status).toBe(200);
    expect((await started.call('GET', '/v1/segments/s-sound')).status).toBe(200);
    expect((await started.call('GET', '/v1/products/p-enum')).status).toBe(404);
    expect((await started.call('GET', '/v1/webhooks')).json().items).toEqual([]);
    expect((await started.call('PUT', '/v1/products/p-enum', { body: productBody() })).status).toBe(200);
    const after = (await started.call('GET', '/readyz', { key: null })).json().checks.skipped;
    expect(after.map(({ id }: { id: string }) => id)).not.toContain('p-enum');
  });
});
