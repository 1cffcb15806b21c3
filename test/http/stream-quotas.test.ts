import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { SseClient } from '../support/sse-client.js';
import { PUBLISHABLE_KEY, SECRET_KEY, startTestAttune, type TestAttune } from '../support/test-attune.js';

/** Finding 7 of issue 16: one client cannot take every live stream a node may hold. */
const nodes: TestAttune[] = [];
const clients: SseClient[] = [];
afterAll(async () => {
  clients.forEach((client) => client.close());
  await Promise.all(nodes.map((node) => node.dispose()));
});

async function listeningNode(settings: Record<string, string>): Promise<string> {
  const node = await startTestAttune({ ATTUNE_TRUST_PROXY: 'true', ...settings });
  nodes.push(node);
  await node.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(node.app.server.address() as AddressInfo).port}/v1/stream`;
}

/** Opens a stream as the shopper at `address` (behind the trusted proxy) would. */
async function open(url: string, address: string, key = PUBLISHABLE_KEY): Promise<SseClient> {
  const client = await SseClient.open(url, { 'x-forwarded-for': address, authorization: `Bearer ${key}` });
  clients.push(client);
  if (client.status === 200) await client.next((frame) => frame.event === 'ready');
  return client;
}

describe('live stream quotas', () => {
  it('refuses a client address past its quota with 429, and lets it open another once one closes', async () => {
    const url = await listeningNode({ ATTUNE_STREAM_MAX_PER_ADDRESS: '2' });
    const first = await open(url, '198.51.100.1');
    expect((await open(url, '198.51.100.1')).status).toBe(200);
    const refused = await open(url, '198.51.100.1');
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toMatchObject({
      code: 'stream_quota_exceeded',
      quota: 'address',
      limit: 2,
    });
    // The next shopper is not held up by the first one.
    expect((await open(url, '198.51.100.2')).status).toBe(200);

    first.close();
    await expect
      .poll(async () => {
        const retry = await open(url, '198.51.100.1');
        retry.close();
        return retry.status;
      })
      .toBe(200);
  });

  it('refuses a key past its quota across addresses', async () => {
    const url = await listeningNode({ ATTUNE_STREAM_MAX_PER_ADDRESS: 'off', ATTUNE_STREAM_MAX_PER_KEY: '2' });
    expect((await open(url, '203.0.113.1')).status).toBe(200);
    expect((await open(url, '203.0.113.2')).status).toBe(200);
    const refused = await open(url, '203.0.113.3');
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'stream_quota_exceeded', quota: 'key' });
    // Another key has a quota of its own.
    expect((await open(url, '203.0.113.3', SECRET_KEY)).status).toBe(200);
  });

  it('gives back the place of a stream the node refused', async () => {
    const url = await listeningNode({
      ATTUNE_STREAM_MAX_PER_ADDRESS: '1',
      ATTUNE_STREAM_MAX_CONNECTIONS: '1',
    });
    expect((await open(url, '192.0.2.1')).status).toBe(200);
    expect((await open(url, '192.0.2.2')).status).toBe(503);
    expect((await open(url, '192.0.2.2')).status).toBe(503);
  });
});
