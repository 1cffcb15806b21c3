import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushLogs } from '../support/flush-logs.js';
import { productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

/**
 * Findings of the console's security review: a session looks without leaving traces, editors run
 * journeys, journey deletions are audited, a preview at a leap second is the caller's error.
 */
const FAST_HASHES = { ATTUNE_PASSWORD_SCRYPT_LOG_N: '14' };
const PASSWORD = 'correct horse battery staple';

let node: TestAttune;

async function sessionOf(role: 'viewer' | 'editor'): Promise<Record<string, string>> {
  const email = `${role}@shop.example`;
  await node.call('POST', '/v1/users', { body: { email, password: PASSWORD, role } });
  const signedIn = await node.app.inject({
    method: 'POST',
    url: '/v1/sessions',
    payload: { email, password: PASSWORD },
  });
  const cookie = String(signedIn.headers['set-cookie']).split(';')[0] as string;
  return { cookie, 'x-csrf-token': signedIn.json<{ csrf: { token: string } }>().csrf.token };
}

const as = (headers: Record<string, string>, method: 'POST' | 'PUT' | 'DELETE', url: string, body?: object) =>
  node.app.inject({ method, url, headers, ...(body !== undefined && { payload: body }) });

const units = async () =>
  (
    (await node.call('GET', '/v1/experiments/banner/results')).json() as { variants: { units: number }[] }
  ).variants.reduce((sum, variant) => sum + variant.units, 0);

beforeAll(async () => {
  node = await startTestAttune({ ...FAST_HASHES, ATTUNE_WEBHOOK_ALLOW_PRIVATE: 'true' });
  await node.call('PUT', '/v1/content/slots/hero', {
    body: {
      variants: [
        { id: 'plain', payload: {} },
        { id: 'summer', payload: {} },
      ],
    },
  });
  await node.call('PUT', '/v1/experiments/banner', {
    body: {
      name: 'Banner',
      status: 'running',
      metric: 'conversion',
      variants: [
        { id: 'control', weight: 50, changes: {} },
        { id: 'summer', weight: 50, changes: { content: { hero: 'summer' } } },
      ],
    },
  });
});
afterAll(() => node.dispose());

describe('the console looks without leaving traces', () => {
  it('answers a session as the named customer would be answered, enrolling and recording no one', async () => {
    const viewer = await sessionOf('viewer');
    const page = { userId: 'alice', currency: 'GBP', content: ['hero'] };
    const decided = await as(viewer, 'POST', '/v1/decide', page);
    expect(decided.statusCode).toBe(200);
    expect(
      (await as(viewer, 'POST', '/v1/content:resolve', { userId: 'alice', slots: ['hero'] })).statusCode,
    ).toBe(200);
    await flushLogs(node);
    expect(await units()).toBe(0);
    // A shop's own call (its secret key) is a visit, and enrols her.
    await node.call('POST', '/v1/decide', { body: page });
    await flushLogs(node);
    expect(await units()).toBe(1);
  });

  it('lets an editor run journeys, and audits a journey’s deletion', async () => {
    const editor = await sessionOf('editor');
    await node.call('PUT', '/v1/webhooks/mailer', {
      body: {
        url: 'http://127.0.0.1:9/hook',
        events: ['journey.message'],
        secret: `whsec_${Buffer.alloc(24, 1).toString('base64')}`,
      },
    });
    const journey = {
      name: 'Thanks',
      status: 'paused',
      trigger: { event: 'Order Completed' },
      steps: [{ id: 'thanks', webhookId: 'mailer' }],
    };
    expect((await as(editor, 'PUT', '/v1/journeys/thanks', journey)).statusCode).toBe(201);
    expect((await as(editor, 'DELETE', '/v1/journeys/thanks')).statusCode).toBe(204);
    const audit = (await node.call('GET', '/v1/audit?resource=journey:thanks')).json() as {
      items: { action: string; actor: { type: string } }[];
    };
    expect(audit.items.map((item) => item.action)).toEqual(['delete', 'create']);
    expect(audit.items.every((item) => item.actor.type === 'user')).toBe(true);
  });

  it('audits stock changes and generated codes (how many, never the codes)', async () => {
    await node.call('PUT', '/v1/products/mug', { body: productBody() });
    await node.call('PUT', '/v1/inventory/mug', { body: { available: 5 } });
    await node.call('PUT', '/v1/inventory/mug', { body: { available: 3 } });
    const stock = (await node.call('GET', '/v1/audit?resource=inventory')).json() as {
      items: { resource: { id: string }; before: unknown; after: unknown }[];
    };
    expect(stock.items.map((item) => [item.before, item.after])).toEqual([
      [{ available: 5 }, { available: 3 }],
      [null, { available: 5 }],
    ]);
    await node.call('PUT', '/v1/promotions/codes', {
      body: {
        title: 'Codes',
        coupon: { required: true },
        action: { type: 'amount_off', target: 'order', amount: 100 },
      },
    });
    const generated = await node.call('POST', '/v1/promotions/codes/coupons:generate', {
      body: { count: 3 },
    });
    expect(generated.status).toBe(201);
    const codes = (await node.call('GET', '/v1/audit?resource=promotion-codes:codes')).json() as {
      items: { after: unknown }[];
    };
    expect(codes.items.map((item) => item.after)).toEqual([{ generated: 3, singleUse: true }]);
    const listed = JSON.stringify(codes);
    for (const code of (generated.json() as { codes: string[] }).codes) expect(listed).not.toContain(code);
  });

  it('shows a viewer that users and keys changed, not what they hold', async () => {
    const viewer = await sessionOf('viewer');
    const read = await node.app.inject({ method: 'GET', url: '/v1/audit?resource=user', headers: viewer });
    const items = read.json<{ items: { before: unknown; after: unknown }[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.before === null && item.after === null)).toBe(true);
    expect(read.body).not.toContain('@shop.example');
    const admin = (await node.call('GET', '/v1/audit?resource=user')).json() as {
      items: { after: unknown }[];
    };
    expect(JSON.stringify(admin.items)).toContain('viewer@shop.example');
  });

  it('refuses a preview at a leap second with the field, not a failure', async () => {
    const answer = await node.call('POST', '/v1/decide', {
      body: { currency: 'GBP', preview: { at: '2026-06-30T23:59:60Z' } },
    });
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ pointer: '/preview/at' });
  });
});
