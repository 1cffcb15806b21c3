import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRawClient, postHead, type RawClient } from '../support/raw-socket.js';
import { SECRET_KEY, startTestAttune, type TestAttune } from '../support/test-attune.js';

/**
 * Finding 5 of issue 16: a client that trickles its headers or body, or idles on a keep-alive
 * connection, is cut off, and while many such sockets are open real requests still get answers.
 * The timeouts are short here so the test is quick; it waits for the cut, never measures it.
 */
let node: TestAttune;
let port: number;
beforeAll(async () => {
  node = await startTestAttune({
    ATTUNE_HEADERS_TIMEOUT_SECONDS: '1',
    ATTUNE_REQUEST_TIMEOUT_SECONDS: '2',
    ATTUNE_KEEP_ALIVE_TIMEOUT_SECONDS: '1',
  });
  await node.app.listen({ port: 0, host: '127.0.0.1' });
  const address = node.app.server.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
});
afterAll(() => node.dispose());

/** Writes `byte` every `everyMs` until the server closes the connection; resolves with what it answered. */
async function trickleUntilClosed(client: RawClient, byte: string, everyMs: number): Promise<string> {
  const timer = setInterval(() => client.write(byte), everyMs);
  try {
    await client.closed();
    return client.received();
  } finally {
    clearInterval(timer);
  }
}

const batchHead = postHead('/v1/batch', {
  authorization: `Bearer ${SECRET_KEY}`,
  'content-type': 'application/json',
  'content-length': 100_000,
});

describe('slow clients', () => {
  it('cuts off a client that sends its headers then trickles the body, answering 408', async () => {
    const client = await openRawClient(port, batchHead);
    const answer = await trickleUntilClosed(client, ' ', 200);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('cuts off a client that trickles its headers', async () => {
    const client = await openRawClient(port, 'GET /healthz HTTP/1.1\r\nhost: 127.0.0.1\r\n');
    const answer = await trickleUntilClosed(client, 'x', 200);
    expect(answer).not.toContain('200 OK');
  });

  it('closes a keep-alive connection left idle after its request', async () => {
    const client = await openRawClient(port, 'GET /healthz HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n');
    expect((await client.responseHead()).status).toBe(200);
    await client.closed();
  });

  it('answers real requests while 300 slow clients hold sockets open', async () => {
    const slow = await Promise.all(Array.from({ length: 300 }, () => openRawClient(port, batchHead)));
    const trickle = setInterval(() => slow.forEach((client) => client.write(' ')), 200);
    try {
      for (let attempt = 0; attempt < 5; attempt++) {
        const response = await fetch(`http://127.0.0.1:${port}/v1/products`, {
          headers: { authorization: `Bearer ${SECRET_KEY}` },
        });
        expect(response.status).toBe(200);
      }
      await Promise.all(slow.map((client) => client.closed()));
      expect(slow.every((client) => client.received().startsWith('HTTP/1.1 408'))).toBe(true);
    } finally {
      clearInterval(trickle);
      slow.forEach((client) => client.destroy());
    }
  });
});
