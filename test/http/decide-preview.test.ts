import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/adapters/clock/manual-clock.js';
import { BOTH_STORES } from '../support/both-stores.js';
import { PUBLISHABLE_KEY, productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

/** Issue 14, preview: `POST /v1/decide` with `preview.at` answers as of that time and records nothing. */

const NOW = Date.parse('2026-06-01T09:00:00.000Z');
const DAY = 86_400_000;
const NEXT_WEEK = new Date(NOW + 7 * DAY).toISOString();
const IN_EIGHT_DAYS = new Date(NOW + 8 * DAY).toISOString();

const page = {
  anonymousId: 'preview-visitor',
  currency: 'GBP',
  cart: { items: [{ productId: 'mug', quantity: 2 }] },
  content: ['hero'],
};

describe('preview on SQLite', () => {
  const clock = new ManualClock(NOW);
  let node: TestAttune;

  beforeAll(async () => {
    node = await startTestAttune({}, { clock });
    await node.call('PUT', '/v1/products/mug', { body: productBody({ title: 'Mug' }) });
    const promotion = await node.call('PUT', '/v1/promotions/summer', {
      body: {
        title: 'Summer: 20% off',
        startsAt: NEXT_WEEK,
        action: { type: 'percent_off', target: 'items', percent: 20 },
      },
    });
    expect(promotion.status).toBe(201);
    const slot = await node.call('PUT', '/v1/content/slots/hero', {
      body: {
        variants: [
          { id: 'default', payload: { title: 'Welcome' } },
          { id: 'summer', priority: 10, startsAt: NEXT_WEEK, payload: { title: 'Summer is here' } },
        ],
      },
    });
    expect(slot.status).toBe(201);
    const experiment = await node.call('PUT', '/v1/experiments/summer-hero', {
      body: {
        name: 'Summer hero',
        status: 'running',
        startsAt: NEXT_WEEK,
        metric: 'conversion',
        variants: [
          { id: 'control', weight: 50, changes: {} },
          { id: 'other', weight: 50, changes: { content: { hero: 'summer' } } },
        ],
      },
    });
    expect(experiment.status, experiment.body).toBe(201);
  });
  afterAll(() => node.dispose());

  it('answers with the promotion, content and experiment scheduled for next week, without recording anything', async () => {
    const flush = () => (node as unknown as { decisionLog: { flush(): Promise<void> } }).decisionLog.flush();
    const decisions = vi.spyOn(node.store, 'insertDecisions');
    const exposures = vi.spyOn(node.store, 'recordExposures');
    const impressions = vi.spyOn(node.store, 'addImpressions');
    const auditBefore = (await node.call('GET', '/v1/audit?limit=200')).json().items.length;

    const preview = await node.call('POST', '/v1/decide', {
      body: { ...page, preview: { at: IN_EIGHT_DAYS } },
    });
    expect(preview.status, preview.body).toBe(200);
    const previewed = preview.json();
    expect(previewed.preview).toEqual({ at: IN_EIGHT_DAYS });
    expect(previewed.decisionId).toMatch(/^prv_/);
    expect(previewed.cart.discounts).toEqual([expect.objectContaining({ promotionId: 'summer' })]);
    expect(previewed.offers.map((offer: { promotionId: string }) => offer.promotionId)).toContain('summer');
    expect(previewed.content.hero.variantId).toBe('summer');
    expect(previewed.experiments).toEqual([{ experimentId: 'summer-hero', variant: expect.any(String) }]);

    await flush();
    expect(await node.store.getDecision(previewed.decisionId)).toBeUndefined();
    expect(decisions).not.toHaveBeenCalled();
    expect(exposures).not.toHaveBeenCalled();
    expect(impressions).not.toHaveBeenCalled();
    expect(await node.store.findAssignments([])).toEqual([]);
    expect((await node.call('GET', '/v1/audit?limit=200')).json().items).toHaveLength(auditBefore);

    // Today, as a shopper sees it: none of it yet, and this one is recorded.
    const today = await node.call('POST', '/v1/decide', { body: page });
    const answer = today.json();
    expect(answer.preview).toBeUndefined();
    expect(answer.decisionId).toMatch(/^dec_/);
    expect(answer.cart.discounts).toEqual([]);
    expect(answer.content.hero.variantId).toBe('default');
    expect(answer.experiments).toEqual([]);
    await flush();
    expect(await node.store.getDecision(answer.decisionId)).toBeDefined();
    expect(clock.now()).toBe(NOW);
  });

  it('a preview of a time before the promotion starts answers as today does', async () => {
    const before = (
      await node.call('POST', '/v1/decide', {
        body: { ...page, preview: { at: new Date(NOW + DAY).toISOString() } },
      })
    ).json();
    expect(before.cart.discounts).toEqual([]);
  });

  it('is refused to a publishable key (403 problem+json), and checks its time', async () => {
    const refused = await node.call('POST', '/v1/decide', {
      key: PUBLISHABLE_KEY,
      body: { ...page, preview: { at: IN_EIGHT_DAYS } },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({ code: 'forbidden', pointer: '/preview' });
    const bad = await node.call('POST', '/v1/decide', { body: { ...page, preview: { at: 'next week' } } });
    expect(bad.json()).toMatchObject({ status: 400, pointer: '/preview/at' });
    const extra = await node.call('POST', '/v1/decide', {
      body: { ...page, preview: { at: IN_EIGHT_DAYS, x: 1 } },
    });
    expect(extra.status).toBe(400);
  });

  it('is open to a console session of any role', async () => {
    const password = 'correct horse battery staple';
    await node.call('POST', '/v1/users', { body: { email: 'look@shop.example', password, role: 'viewer' } });
    const signIn = await node.app.inject({
      method: 'POST',
      url: '/v1/sessions',
      payload: { email: 'look@shop.example', password },
    });
    const answer = await node.app.inject({
      method: 'POST',
      url: '/v1/decide',
      headers: {
        cookie: String(signIn.headers['set-cookie']).split(';')[0] as string,
        'x-csrf-token': signIn.json().csrf.token as string,
      },
      payload: { ...page, preview: { at: IN_EIGHT_DAYS } },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().cart.discounts).toHaveLength(1);
  });
});

const postgres = BOTH_STORES.find((setup) => setup.name === 'PostgreSQL');
describe.skipIf(postgres?.available !== true)('preview on PostgreSQL', () => {
  let node: TestAttune;
  beforeAll(async () => {
    node = await (postgres as NonNullable<typeof postgres>).start();
  });
  afterAll(() => node.dispose());

  it('differs for a promotion scheduled next week, and records no decision', async () => {
    const start = new Date(Date.now() + 7 * DAY).toISOString();
    await node.call('PUT', '/v1/products/mug', { body: productBody() });
    await node.call('PUT', '/v1/promotions/later', {
      body: {
        title: 'Later',
        startsAt: start,
        action: { type: 'percent_off', target: 'items', percent: 20 },
      },
    });
    const at = new Date(Date.now() + 8 * DAY).toISOString();
    const previewed = (await node.call('POST', '/v1/decide', { body: { ...page, preview: { at } } })).json();
    const today = (await node.call('POST', '/v1/decide', { body: page })).json();
    expect(previewed.cart.discounts).toHaveLength(1);
    expect(today.cart.discounts).toEqual([]);
    await (node as unknown as { decisionLog: { flush(): Promise<void> } }).decisionLog.flush();
    expect(await node.store.getDecision(previewed.decisionId)).toBeUndefined();
    expect(await node.store.getDecision(today.decisionId)).toBeDefined();
  });
});
