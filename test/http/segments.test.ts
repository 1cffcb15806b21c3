import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/adapters/clock/manual-clock.js';
import { startTestAttune, type TestAttune } from '../support/test-attune.js';

const DAY = 86_400_000;
let node: TestAttune;
const clock = new ManualClock('2026-05-01T12:00:00.000Z');
beforeAll(async () => {
  node = await startTestAttune({}, { clock });
});
afterAll(() => node.dispose());

const segmentsOf = async (id: string) =>
  (await node.call('GET', `/v1/profiles/${id}`)).json().segments as string[];
const order = (userId: string, orderId: string, total: number, timestamp?: string) =>
  node.call('POST', '/v1/track', {
    body: {
      userId,
      event: 'Order Completed',
      ...(timestamp !== undefined && { timestamp }),
      properties: { order_id: orderId, total },
    },
  });
const putSegment = (id: string, rule: unknown) =>
  node.call('PUT', `/v1/segments/${id}`, { body: { name: id, rule } });
const settled = () => node.rules.backfill.idle();

describe('writing segments', () => {
  it('refuses an invalid rule with a pointer to the bad node', async () => {
    const response = await putSegment('bad', {
      all: [
        { trait: 'traits.country', op: 'eq', value: 'GB' },
        { trait: 'traits.age', op: 'older', value: 3 },
      ],
    });
    expect(response.json()).toMatchObject({ status: 400, code: 'invalid_rule', pointer: '/rule/all/1/op' });
  });

  it('refuses segments that would use each other in a circle', async () => {
    expect((await putSegment('loop-a', { segment: 'loop-b' })).status).toBe(201);
    const response = await putSegment('loop-b', { any: [{ segment: 'loop-a' }] });
    expect(response.json()).toMatchObject({
      status: 400,
      code: 'segment_cycle',
      cycle: ['loop-b', 'loop-a', 'loop-b'],
    });
    expect((await node.call('DELETE', '/v1/segments/loop-b')).status).toBe(404);
  });

  it('will not delete a segment another one uses', async () => {
    await putSegment('base', { trait: 'traits.plan', op: 'exists' });
    await putSegment('derived', { segment: 'base' });
    expect((await node.call('DELETE', '/v1/segments/base')).json()).toMatchObject({
      status: 409,
      code: 'segment_in_use',
      usedBy: ['derived'],
    });
    expect((await node.call('DELETE', '/v1/segments/derived')).status).toBe(204);
    expect((await node.call('DELETE', '/v1/segments/base')).status).toBe(204);
  });
});

describe('real-time membership', () => {
  it('puts a customer in a trait segment the moment an identify lands, and segments that use it follow', async () => {
    await putSegment('gb', { trait: 'traits.country', op: 'eq', value: 'gb' });
    await putSegment('gb-vip', { all: [{ segment: 'gb' }, { trait: 'traits.vip', op: 'eq', value: true }] });
    await settled();
    await node.call('POST', '/v1/identify', { body: { userId: 'uk-1', traits: { country: 'GB' } } });
    expect(await segmentsOf('uk-1')).toEqual(['gb']);
    await node.call('POST', '/v1/identify', { body: { userId: 'uk-1', traits: { vip: true } } });
    expect(await segmentsOf('uk-1')).toEqual(['gb', 'gb-vip']);
    await node.call('POST', '/v1/identify', { body: { userId: 'uk-1', traits: { country: 'FR' } } });
    expect(await segmentsOf('uk-1')).toEqual([]);
  });

  it('lets "ordered in the last 7 days" lapse at the exact instant the window passes', async () => {
    await putSegment('recent-buyers', { event: 'Order Completed', within: '7d' });
    await settled();
    const ordered = clock.now();
    await order('weekly', 'w-1', 10);
    expect(await segmentsOf('weekly')).toContain('recent-buyers');
    const members = (await node.call('GET', '/v1/segments/recent-buyers/members')).json();
    expect(members.items).toEqual([
      { userId: 'weekly', anonymousIds: [], since: new Date(ordered).toISOString() },
    ]);

    clock.set(ordered + 7 * DAY - 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await segmentsOf('weekly')).toContain('recent-buyers');

    clock.set(ordered + 7 * DAY);
    await vi.waitFor(async () => expect(await segmentsOf('weekly')).not.toContain('recent-buyers'));
    expect((await node.call('GET', '/v1/segments/recent-buyers')).json().members).toBe(0);
  });

  it('counts events in a window with where filters and sums', async () => {
    await putSegment('big-spenders', {
      event: 'Order Completed',
      within: '30d',
      sum: { property: 'total', gte: 10000 },
    });
    await settled();
    await order('spender', 's-1', 60);
    expect(await segmentsOf('spender')).not.toContain('big-spenders');
    await order('spender', 's-2', 40.5);
    expect(await segmentsOf('spender')).toContain('big-spenders');
  });

  it('marks a segment that reads the request context as contextual and stores no membership for it', async () => {
    const response = await putSegment('on-mobile', { context: 'device', op: 'eq', value: 'mobile' });
    expect(response.json().contextual).toBe(true);
    await node.call('POST', '/v1/track', {
      body: { userId: 'phone-user', event: 'x', context: { device: { type: 'mobile' } } },
    });
    expect(await segmentsOf('phone-user')).not.toContain('on-mobile');
  });
});

describe('back-fill', () => {
  it('evaluates a new segment over existing profiles and shows its progress', async () => {
    for (let index = 0; index < 5; index += 1) await order(`hist-${index}`, `h-${index}`, index + 1);
    const created = await putSegment('paid-over-3', {
      trait: 'computed.lifetimeValue.GBP',
      op: 'gt',
      value: 300,
    });
    expect(created.status).toBe(201);
    await settled();
    const segment = (await node.call('GET', '/v1/segments/paid-over-3')).json();
    expect(segment.backfill).toMatchObject({ status: 'done' });
    expect(segment.backfill.processed).toBe(segment.backfill.total);
    const members: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { userId: string }[]; nextCursor: string | null } = (
        await node.call(
          'GET',
          `/v1/segments/paid-over-3/members?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`,
        )
      ).json();
      members.push(...page.items.map((item) => item.userId));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(members.filter((id) => id.startsWith('hist-')).sort()).toEqual(['hist-3', 'hist-4']);
  });

  it('rebuilds remembered activity when a new rule counts events nobody kept', async () => {
    await node.call('POST', '/v1/track', {
      body: { userId: 'reader', event: 'Article Read', properties: { topic: 'candles' } },
    });
    await node.call('POST', '/v1/track', {
      body: { userId: 'reader', event: 'Article Read', properties: { topic: 'mugs' } },
    });
    await putSegment('candle-readers', { event: 'Article Read', within: '30d', where: { topic: 'candles' } });
    await settled();
    expect(await segmentsOf('reader')).toContain('candle-readers');
  });
});

describe('loyalty', () => {
  it('recomputes points for existing customers, earns on orders, takes back on refunds, and shows the next tier', async () => {
    await order('loyal', 'l-1', 30);
    const program = await node.call('PUT', '/v1/loyalty/program', {
      body: {
        currency: 'GBP',
        pointsPerUnit: 2,
        tiers: [
          { id: 'member', perks: {} },
          { id: 'silver', minPoints: 100, perks: { percentOff: 2 } },
          { id: 'gold', minPoints: 300, perks: { percentOff: 5 } },
        ],
      },
    });
    expect(program.status).toBe(200);
    await settled();
    expect((await node.call('GET', '/v1/profiles/loyal')).json().loyalty).toEqual({
      points: 60,
      tier: 'member',
      next: { tier: 'silver', pointsNeeded: 40 },
    });
    await order('loyal', 'l-2', 99.99);
    expect((await node.call('GET', '/v1/profiles/loyal')).json().loyalty).toMatchObject({
      points: 259,
      tier: 'silver',
    });
    await node.call('POST', '/v1/track', {
      body: { userId: 'loyal', event: 'Order Refunded', properties: { order_id: 'l-2' } },
    });
    expect((await node.call('GET', '/v1/profiles/loyal')).json().loyalty).toMatchObject({
      points: 60,
      tier: 'member',
    });
    expect((await node.call('GET', '/v1/loyalty/program')).json().backfill).toMatchObject({ status: 'done' });
  });

  it('refuses a program whose thresholds fall', async () => {
    const response = await node.call('PUT', '/v1/loyalty/program', {
      body: {
        currency: 'GBP',
        pointsPerUnit: 1,
        tiers: [
          { id: 'a', minPoints: 50, perks: {} },
          { id: 'b', minPoints: 10, perks: {} },
        ],
      },
    });
    expect(response.json()).toMatchObject({
      status: 400,
      code: 'invalid_loyalty_program',
      pointer: '/tiers/1',
    });
  });
});
