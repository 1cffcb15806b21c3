import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTwoNodes, twoNodeServicesUp, type TwoNodes } from '../support/two-nodes.js';
import { PUBLISHABLE_KEY, startTestAttune, type TestAttune } from '../support/test-attune.js';

/** The Tokens part of issue 16: a customer's tokens can be revoked; /metrics can require a key. */
const mint = async (node: TestAttune, userId: string): Promise<string> =>
  (await node.call('POST', '/v1/customer-tokens', { body: { userId } })).json().token;

/** What a browser holding `token` sees of its customer's profile. */
const profileStatus = async (node: TestAttune, userId: string, token: string) =>
  (
    await node.call('GET', `/v1/profiles/${userId}`, {
      key: PUBLISHABLE_KEY,
      headers: { 'x-customer-token': token },
    })
  ).status;

describe('POST /v1/customer-tokens:revoke on one node', () => {
  let node: TestAttune;
  beforeAll(async () => {
    node = await startTestAttune({ ATTUNE_METRICS_REQUIRE_KEY: 'true' });
    await node.call('POST', '/v1/identify', { body: { userId: 'rv-1', traits: { name: 'Ada' } } });
  });
  afterAll(() => node.dispose());

  it('refuses the tokens issued before, and accepts one issued after', async () => {
    const old = await mint(node, 'rv-1');
    expect(await profileStatus(node, 'rv-1', old)).toBe(200);
    const revoked = await node.call('POST', '/v1/customer-tokens:revoke', { body: { userId: 'rv-1' } });
    expect(revoked.status).toBe(200);
    expect(revoked.json()).toEqual({ userId: 'rv-1', revokedBefore: expect.any(String) });
    expect(await profileStatus(node, 'rv-1', old)).toBe(404);
    expect(await profileStatus(node, 'rv-1', await mint(node, 'rv-1'))).toBe(200);
  });

  it('is for secret keys only, and checks its body', async () => {
    const body = { userId: 'rv-1' };
    const publishable = await node.call('POST', '/v1/customer-tokens:revoke', { key: PUBLISHABLE_KEY, body });
    expect(publishable.json()).toMatchObject({ status: 403, code: 'forbidden' });
    const unknown = await node.call('POST', '/v1/customer-tokens:revoke', {
      body: { userId: 'x', all: true },
    });
    expect(unknown.json()).toMatchObject({ status: 400, code: 'unknown_field' });
  });

  it('answers /metrics only to a secret key when ATTUNE_METRICS_REQUIRE_KEY is set', async () => {
    expect((await node.call('GET', '/metrics', { key: null })).status).toBe(401);
    expect((await node.call('GET', '/metrics', { key: PUBLISHABLE_KEY })).status).toBe(403);
    const scraped = await node.call('GET', '/metrics');
    expect(scraped.status).toBe(200);
    expect(scraped.body).toContain('attune_http_request_duration_seconds');
  });
});

describe.skipIf(!twoNodeServicesUp)('revocation across nodes on PostgreSQL and Redis', () => {
  let nodeA: TestAttune;
  let nodeB: TestAttune;
  let nodes: TwoNodes | undefined;

  beforeAll(async () => {
    nodes = await startTwoNodes();
    ({ nodeA, nodeB } = nodes);
  });
  afterAll(() => nodes?.dispose());

  it('reaches a node that had already accepted the token', async () => {
    await nodeA.call('POST', '/v1/identify', { body: { userId: 'rv-multi', traits: { name: 'Bo' } } });
    const token = await mint(nodeA, 'rv-multi');
    await vi.waitFor(async () => expect(await profileStatus(nodeB, 'rv-multi', token)).toBe(200));
    expect(
      (await nodeA.call('POST', '/v1/customer-tokens:revoke', { body: { userId: 'rv-multi' } })).status,
    ).toBe(200);
    await vi.waitFor(async () => expect(await profileStatus(nodeB, 'rv-multi', token)).toBe(404));
    expect(await profileStatus(nodeB, 'rv-multi', await mint(nodeB, 'rv-multi'))).toBe(200);
  });
});
