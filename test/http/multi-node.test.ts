import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SseClient } from '../support/sse-client.js';
import { startTwoNodes, twoNodeServicesUp, type TwoNodes } from '../support/two-nodes.js';
import { SECRET_KEY, productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

describe.skipIf(!twoNodeServicesUp)('two nodes on PostgreSQL and Redis', () => {
  let nodeA: TestAttune;
  let nodeB: TestAttune;
  let nodes: TwoNodes | undefined;

  beforeAll(async () => {
    nodes = await startTwoNodes();
    ({ nodeA, nodeB } = nodes);
  });
  afterAll(() => nodes?.dispose());

  it('serves on one node what was written on the other, from memory, within moments', async () => {
    expect(
      (await nodeA.call('PUT', '/v1/products/shared', { body: productBody({ title: 'Shared' }) })).status,
    ).toBe(201);
    await vi.waitFor(async () =>
      expect((await nodeB.call('GET', '/v1/products/shared')).json().title).toBe('Shared'),
    );

    await nodeB.call('PUT', '/v1/inventory/shared', { body: { available: 0 } });
    await vi.waitFor(async () =>
      expect((await nodeA.call('GET', '/v1/products/shared')).json().inStock).toBe(false),
    );

    await nodeA.call('PUT', '/v1/collections/both', { body: { title: 'Both', productIds: ['shared'] } });
    await vi.waitFor(async () => expect((await nodeB.call('GET', '/v1/collections/both')).status).toBe(200));

    await nodeA.call('DELETE', '/v1/products/shared');
    await vi.waitFor(async () => expect((await nodeB.call('GET', '/v1/products/shared')).status).toBe(404));
  });

  it('lets only one of two nodes win a conditional write of the same version', async () => {
    await nodeA.call('PUT', '/v1/products/contended', { body: productBody() });
    const results = await Promise.all(
      [nodeA, nodeB].map((node, index) =>
        node.call('PUT', '/v1/products/contended', {
          body: productBody({ title: `by ${index}` }),
          headers: { 'if-match': '"1"' },
        }),
      ),
    );
    expect(results.map((result) => result.status).sort()).toEqual([200, 412]);
  });

  it('accepts on every node a key created on one', async () => {
    const { key } = await nodeA.keys.create('publishable', 'made on A');
    await vi.waitFor(async () => expect((await nodeB.call('GET', '/v1/products', { key })).status).toBe(200));
  });

  it('teaches the other node each event, and shares merchandising and erasures', async () => {
    for (const id of ['kettle', 'teapot', 'cosy'])
      await nodeA.call('PUT', `/v1/products/${id}`, { body: productBody({ title: id }) });
    await nodeA.call('POST', '/v1/track', {
      body: {
        userId: 'shared-buyer',
        event: 'Order Completed',
        properties: { order_id: 'mn-1', products: [{ product_id: 'kettle' }, { product_id: 'teapot' }] },
      },
    });
    const together = async () =>
      (
        await nodeB.call('POST', '/v1/recommendations', {
          body: { strategy: 'bought-together', productId: 'kettle', limit: 5 },
        })
      ).json().items[0];
    await vi.waitFor(async () =>
      expect(await together()).toMatchObject({ productId: 'teapot', reason: 'bought with kettle' }),
    );
    const buyAgain = async () =>
      (
        await nodeB.call('POST', '/v1/recommendations', {
          body: { strategy: 'buy-again', userId: 'shared-buyer', limit: 5 },
        })
      ).json().items.length;
    await vi.waitFor(async () => expect(await buyAgain()).toBe(2));

    await nodeA.call('PUT', '/v1/recommendations/rules', {
      body: { pins: [{ productId: 'cosy', position: 1 }] },
    });
    await vi.waitFor(async () => expect((await together()).productId).toBe('cosy'));
    await nodeA.call('PUT', '/v1/recommendations/rules', { body: {} });

    const buyer = (await nodeB.profiles.find('shared-buyer'))?.profile.id as string;
    expect(nodeB.recommendations.models.online.customers.has(buyer)).toBe(true);
    expect((await nodeA.call('DELETE', '/v1/profiles/shared-buyer')).status).toBe(200);
    await vi.waitFor(() => expect(nodeB.recommendations.models.online.customers.has(buyer)).toBe(false));
    expect(await buyAgain()).toBe(0);
  });

  it('pushes to a page streaming from one node what changed on the other', async () => {
    await nodeA.call('PUT', '/v1/products/lamp', { body: productBody({ title: 'Lamp' }) });
    await nodeA.call('PUT', '/v1/segments/gold', {
      body: { name: 'Gold', rule: { trait: 'traits.plan', op: 'eq', value: 'gold' } },
    });
    await vi.waitFor(async () => expect((await nodeB.call('GET', '/v1/products/lamp')).status).toBe(200));
    await nodeB.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = nodeB.app.server.address() as AddressInfo;
    const page = await SseClient.open(`http://127.0.0.1:${port}/v1/stream?userId=gilda&products=lamp`, {
      authorization: `Bearer ${SECRET_KEY}`,
    });
    try {
      await page.next((frame) => frame.event === 'ready');
      await nodeA.call('POST', '/v1/identify', { body: { userId: 'gilda', traits: { plan: 'gold' } } });
      expect((await page.next((frame) => frame.event === 'segment.entered')).data).toEqual({
        segmentId: 'gold',
      });
      await nodeA.call('PUT', '/v1/inventory/lamp', { body: { available: 0 } });
      expect((await page.next((frame) => frame.event === 'stock.changed')).data).toEqual({
        productId: 'lamp',
        inStock: false,
        available: 0,
      });
    } finally {
      page.close();
    }
  });
});

describe('the embedded store across restarts', () => {
  it('keeps what it acknowledged', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'attune-restart-'));
    try {
      const first = await startTestAttune({}, { dataDir });
      await first.call('PUT', '/v1/products/kept', { body: productBody() });
      await first.call('PUT', '/v1/inventory/kept', { body: { available: 3, location: 'leeds' } });
      await first.call('POST', '/v1/track', {
        body: {
          userId: 'returning',
          event: 'Order Completed',
          properties: { order_id: 'r-1', products: [{ product_id: 'kept' }] },
        },
      });
      await first.dispose();
      const second = await startTestAttune({}, { dataDir });
      expect((await second.call('GET', '/v1/products/kept')).json()).toMatchObject({
        version: 1,
        available: 3,
      });
      // The recommendation models learn again from the event log at start.
      const again = await second.call('POST', '/v1/recommendations', {
        body: { strategy: 'buy-again', userId: 'returning', limit: 3 },
      });
      expect(again.json().items).toEqual([
        { productId: 'kept', score: expect.any(Number), reason: 'bought before' },
      ]);
      expect((await second.call('PUT', '/v1/products/kept', { body: productBody() })).json().version).toBe(2);
      await second.dispose();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
