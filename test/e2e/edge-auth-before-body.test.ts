import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRawClient, postHead } from '../support/raw-socket.js';
import { PUBLISHABLE_KEY, startTestAttune, type TestAttune } from '../support/test-attune.js';

/**
 * Finding 6 of issue 16: a stranger's body is never read, decompressed or parsed. Each request
 * here sends only its head and holds the body back: an answer proves the server did not wait for it.
 */
let node: TestAttune;
let port: number;
beforeAll(async () => {
  node = await startTestAttune();
  await node.app.listen({ port: 0, host: '127.0.0.1' });
  const address = node.app.server.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
});
afterAll(() => node.dispose());

const FOUR_MIB = 4 * 1024 * 1024;

describe('authentication before the body is read', () => {
  it.each([
    ['a batch of 4 MiB without any key', '/v1/batch', { 'content-length': FOUR_MIB }, 'header_key_required'],
    [
      'a gzip batch of 4 MiB without any key',
      '/v1/batch',
      { 'content-length': FOUR_MIB, 'content-encoding': 'gzip' },
      'header_key_required',
    ],
    [
      'a chunked batch without any key',
      '/v1/batch',
      { 'transfer-encoding': 'chunked' },
      'header_key_required',
    ],
    [
      'a track call of 100 KiB without any key',
      '/v1/track',
      { 'content-length': 100 * 1024 },
      'header_key_required',
    ],
    [
      'a batch of 4 MiB with an unknown key',
      '/v1/batch',
      { 'content-length': FOUR_MIB, authorization: 'Bearer pk_unknown_0000000000000000000000' },
      'unauthorized',
    ],
    ['a product batch without a key', '/v1/products:batch', { 'content-length': FOUR_MIB }, 'unauthorized'],
    ['a decide call without a key', '/v1/decide', { 'content-length': 512 * 1024 }, 'unauthorized'],
  ])('answers %s with 401 before the body arrives', async (_name, path, headers, code) => {
    const client = await openRawClient(
      port,
      postHead(path, { 'content-type': 'application/json', ...headers }),
    );
    try {
      const { status } = await client.responseHead();
      expect(status).toBe(401);
      expect(client.received()).toContain(`"code":"${code}"`);
      // And hangs up rather than read (and throw away) the body it refused.
      expect(client.received()).toMatch(/connection: close/i);
      await client.closed();
    } finally {
      client.destroy();
    }
  });

  const batch = (events: number) => ({
    writeKey: PUBLISHABLE_KEY,
    batch: Array.from({ length: events }, (_, index) => ({
      type: 'track',
      event: 'Product Viewed',
      anonymousId: `bomb-${index}`,
      properties: { product_id: 'p1', padding: 'x'.repeat(200) },
    })),
  });
  const gzipPost = (body: unknown) =>
    node.app.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync(JSON.stringify(body)),
    });

  it('reads a key inside a small compressed body', async () => {
    const response = await gzipPost(batch(5));
    expect(response.statusCode).toBe(200);
    expect(response.json().accepted).toBe(5);
  });

  it('stops decompressing a body whose key is inside it at 64 KiB, however small it was compressed', async () => {
    const body = batch(400);
    const compressed = gzipSync(JSON.stringify(body));
    expect(compressed.length).toBeLessThan(64 * 1024);
    const response = await gzipPost(body);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'header_key_required', in: 'header' });
  });
});
