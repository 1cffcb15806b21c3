import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SseClient } from '../support/sse-client.js';
import { SECRET_KEY } from '../support/test-attune.js';
import { startTwoNodes, twoNodeServicesUp, type TwoNodes } from '../support/two-nodes.js';

describe.skipIf(!twoNodeServicesUp)('stream quotas across two nodes on Redis', () => {
  let nodes: TwoNodes | undefined;
  const urls: string[] = [];

  beforeAll(async () => {
    nodes = await startTwoNodes({ ATTUNE_STREAM_MAX_PER_ADDRESS: '1' });
    for (const node of [nodes.nodeA, nodes.nodeB]) {
      await node.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = node.app.server.address() as AddressInfo;
      urls.push(`http://127.0.0.1:${port}/v1/stream?anonymousId=quota-visitor`);
    }
  });
  afterAll(() => nodes?.dispose());

  const open = (url: string) => SseClient.open(url, { authorization: `Bearer ${SECRET_KEY}` });

  it('counts a client’s streams on every node, and gives a place back when a stream closes', async () => {
    const [onA, onB] = urls as [string, string];
    const first = await open(onA);
    try {
      await first.next((frame) => frame.event === 'ready');
      const second = await open(onB);
      second.close();
      expect(second.status).toBe(429);
      expect(JSON.parse(second.body).code).toBe('stream_quota_exceeded');
    } finally {
      first.close();
    }
    await vi.waitFor(async () => {
      const again = await open(onB);
      again.close();
      expect(again.status).toBe(200);
    });
  });
});
