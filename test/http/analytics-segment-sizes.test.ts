import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BOTH_STORES } from '../support/both-stores.js';
import type { TestAttune } from '../support/test-attune.js';

const DAY_MS = 86_400_000;
const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
const iso = (at: number) => new Date(at).toISOString();

for (const setup of BOTH_STORES) {
  describe.skipIf(!setup.available)(`segment sizes over time on ${setup.name}`, () => {
    let node: TestAttune;
    const series = (query: string) => node.call('GET', `/v1/analytics/timeseries?${query}`);

    beforeAll(async () => {
      node = await setup.start();
      await node.call('PUT', '/v1/segments/vip', {
        body: { name: 'VIP', rule: { trait: 'traits.plan', op: 'eq', value: 'vip' } },
      });
      for (const userId of ['ann', 'bob', 'cat']) {
        await node.call('POST', '/v1/identify', { body: { userId, traits: { plan: 'vip' } } });
      }
      await node.call('POST', '/v1/identify', { body: { userId: 'dan', traits: { plan: 'basic' } } });
      await vi.waitFor(async () =>
        expect((await node.call('GET', '/v1/segments/vip')).json().members).toBe(3),
      );
    });
    afterAll(() => node?.dispose());

    it('samples each segment’s size into its day, without reading profiles', async () => {
      await (node as unknown as { segmentSizes: { record(): Promise<void> } }).segmentSizes.record();
      expect(await node.store.dailySamples('segmentSize', 'vip', today + DAY_MS)).toEqual([
        { day: today, value: 3 },
      ]);
    });

    it('lists every segment’s size now in the overview', async () => {
      await node.call('PUT', '/v1/segments/basic', {
        body: { name: 'Basic', rule: { trait: 'traits.plan', op: 'eq', value: 'basic' } },
      });
      await vi.waitFor(async () =>
        expect((await node.call('GET', '/v1/analytics/overview')).json().segments).toEqual([
          { segmentId: 'basic', members: 1 },
          { segmentId: 'vip', members: 3 },
        ]),
      );
      await node.call('DELETE', '/v1/segments/basic');
    });

    it('draws a segment’s size per day: the day’s sample, carried over days without one, today’s now', async () => {
      // Days before this node ran, as earlier nodes sampled them (two days without a sample).
      await node.store.setDailySamples([
        { metric: 'segmentSize', day: today - 4 * DAY_MS, slot: 'vip', strategy: '', value: 1 },
        { metric: 'segmentSize', day: today - DAY_MS, slot: 'vip', strategy: '', value: 2 },
        // A sample of today's is replaced by the count now.
        { metric: 'segmentSize', day: today, slot: 'vip', strategy: '', value: 99 },
        { metric: 'segmentSize', day: today - DAY_MS, slot: 'other', strategy: '', value: 50 },
      ]);
      const response = await series(
        `metric=segment_size&segment=vip&interval=day&from=${iso(today - 5 * DAY_MS)}&to=${iso(today + DAY_MS)}`,
      );
      expect(response.status).toBe(200);
      expect(response.json()).toEqual({
        metric: 'segment_size',
        interval: 'day',
        points: [0, 1, 1, 1, 2, 3].map((value, index) => ({
          at: iso(today - (5 - index) * DAY_MS),
          value,
        })),
      });
    });

    it('refuses a segment_size without an existing segment, and a segment for another metric', async () => {
      for (const [query, pointer, code] of [
        ['metric=segment_size', '/segment', 'missing_field'],
        ['metric=segment_size&segment=nobody', '/segment', 'invalid_value'],
        ['metric=clicks&segment=vip', '/segment', 'invalid_value'],
        ['metric=segment_count&segment=vip', '/metric', undefined],
      ] as const) {
        const response = await series(query);
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.json()).toMatchObject({ pointer, ...(code !== undefined && { code }) });
      }
    });

    it('forgets a deleted segment’s sizes: a new one of the same id starts afresh', async () => {
      await node.call('PUT', '/v1/segments/gone', {
        body: { name: 'Gone', rule: { trait: 'traits.plan', op: 'eq', value: 'basic' } },
      });
      await node.store.setDailySamples([
        { metric: 'segmentSize', day: today - DAY_MS, slot: 'gone', strategy: '', value: 5 },
      ]);
      expect((await node.call('DELETE', '/v1/segments/gone')).status).toBe(204);
      expect(await node.store.dailySamples('segmentSize', 'gone', today + DAY_MS)).toEqual([]);
    });
  });
}
