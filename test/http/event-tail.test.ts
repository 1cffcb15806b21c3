import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SseClient } from '../support/sse-client.js';
import { PUBLISHABLE_KEY, SECRET_KEY, startTestAttune, type TestAttune } from '../support/test-attune.js';

describe('GET /v1/events/live', () => {
  let node: TestAttune;
  let baseUrl: string;
  const open: SseClient[] = [];
  const watch = async (key: string) => {
    const client = await SseClient.open(`${baseUrl}/v1/events/live`, { authorization: `Bearer ${key}` });
    open.push(client);
    return client;
  };

  beforeAll(async () => {
    node = await startTestAttune();
    baseUrl = await node.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const client of open) client.close();
    await node.dispose();
  });

  it('starts with the events already stored, then sends each new one as it is stored', async () => {
    await node.call('POST', '/v1/track', {
      body: { anonymousId: 'a-1', event: 'Product Viewed', properties: { product_id: 'mug' } },
    });
    const client = await watch(SECRET_KEY);
    expect(client.status).toBe(200);
    const first = await client.next((frame) => frame.event === 'event');
    expect(first.data).toMatchObject({
      type: 'track',
      event: 'Product Viewed',
      anonymousId: 'a-1',
      properties: { product_id: 'mug' },
    });
    await node.call('POST', '/v1/identify', { body: { userId: 'c-1', traits: { country: 'GB' } } });
    const next = await client.next((frame) => frame.event === 'event');
    expect(next.data).toMatchObject({ type: 'identify', userId: 'c-1', traits: { country: 'GB' } });
  });

  it('is not for publishable keys: a storefront never sees other shoppers’ events', async () => {
    const client = await watch(PUBLISHABLE_KEY);
    expect(client.status).toBe(403);
    expect(JSON.parse(client.body)).toMatchObject({ code: 'forbidden' });
  });
});
