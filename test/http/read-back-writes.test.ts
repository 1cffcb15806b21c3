import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

/** A document read with GET goes back with PUT; every kind is run in docs/examples.md's test. */
describe('writing back what was read', () => {
  let node: TestAttune;
  beforeAll(async () => {
    node = await startTestAttune({ ATTUNE_WEBHOOK_ALLOW_PRIVATE: 'true' });
  });
  afterAll(() => node.dispose());

  it('refuses a body read from one document and sent to another’s address', async () => {
    await node.call('PUT', '/v1/products/mug', { body: productBody() });
    const read = (await node.call('GET', '/v1/products/mug')).json() as Record<string, unknown>;
    const copied = await node.call('PUT', '/v1/products/cup', { body: read });
    expect(copied.status).toBe(400);
    expect(copied.json()).toMatchObject({ code: 'read_only_mismatch', pointer: '/id' });
    expect((await node.call('GET', '/v1/products/cup')).status).toBe(404);
    // Without its id, the same body makes a new product: the rest was never the problem.
    const { id: _id, ...rest } = read;
    expect((await node.call('PUT', '/v1/products/cup', { body: rest })).status).toBe(201);
  });

  it('keeps a webhook’s secret when its masked form is written back, and only its own', async () => {
    const secret = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;
    const other = `whsec_${Buffer.alloc(24, 9).toString('base64')}`;
    const body = { url: 'http://127.0.0.1:9/hook', events: ['segment.entered'] };
    await node.call('PUT', '/v1/webhooks/crm', { body: { ...body, secret } });
    await node.call('PUT', '/v1/webhooks/erp', { body: { ...body, secret: other } });
    const read = (await node.call('GET', '/v1/webhooks/crm')).json() as { secret: string };
    expect(read.secret).toBe(`${secret.slice(0, 10)}…`);
    expect((await node.call('PUT', '/v1/webhooks/crm', { body: read })).status).toBe(200);

    expect((await node.call('GET', '/v1/webhooks/crm')).json()).toMatchObject({ secret: read.secret });
    // Another webhook's masked secret does not pass for this one's, nor for a new webhook.
    const erp = (await node.call('GET', '/v1/webhooks/erp')).json() as { secret: string };
    const stolen = await node.call('PUT', '/v1/webhooks/crm', { body: { ...body, secret: erp.secret } });
    expect(stolen.status).toBe(400);
    expect(stolen.json()).toMatchObject({ code: 'invalid_value', pointer: '/secret' });
    const fresh = await node.call('PUT', '/v1/webhooks/new', { body: { ...body, secret: read.secret } });
    expect(fresh.status).toBe(400);
  });
});
