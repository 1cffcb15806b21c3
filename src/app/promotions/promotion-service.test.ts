import { describe, expect, it, vi } from 'vitest';
import { codeOf, useApps } from '../../../test/support/app-fixture.js';

const start = useApps();
const tenOff = {
  title: 'Ten off',
  action: { type: 'percent_off' as const, target: 'order' as const, percent: 10 },
};

describe('PromotionService', () => {
  it('stores a promotion with its defaults, indexes it and announces it', async () => {
    const app = await start();
    const promotion = await app.promotions.put('ten', tenOff);
    expect(promotion).toMatchObject({
      id: 'ten',
      badge: expect.any(String),
      currency: 'GBP',
      status: 'active',
      version: 1,
    });
    expect((await app.promotions.get('ten')).title).toBe('Ten off');
    expect((await app.promotions.list()).map((each) => each.id)).toEqual(['ten']);
    expect(app.promotions.index.get('ten')?.promotion.version).toBe(1);
    expect(app.published('promotions')).toEqual([{ origin: app.nodeId, id: 'ten' }]);
    await app.promotions.delete('ten');
    expect(app.promotions.index.get('ten')).toBeUndefined();
  });

  it('refuses invalid promotions, stale versions, unknown ids and a code another promotion holds', async () => {
    const app = await start();
    const first = await app.promotions.put('ten', { ...tenOff, coupon: { required: true, codes: ['SAVE'] } });
    expect(
      await codeOf(() =>
        app.promotions.put('bad', {
          title: 'x',
          action: { type: 'percent_off', target: 'order', percent: 120 },
        }),
      ),
    ).toBe('invalid_promotion');
    await app.promotions.put('ten', tenOff, first.version);
    expect(await codeOf(() => app.promotions.put('ten', tenOff, first.version))).toBe('version_conflict');
    expect(await codeOf(() => app.promotions.get('nope'))).toBe('promotion_not_found');
    expect(await codeOf(() => app.promotions.delete('nope'))).toBe('promotion_not_found');
    await app.promotions.put('held', { ...tenOff, coupon: { required: true, codes: ['MINE'] } });
    expect(
      await codeOf(() =>
        app.promotions.put('other', { ...tenOff, coupon: { required: true, codes: ['mine'] } }),
      ),
    ).toBe('coupon_taken');
  });

  it('generates distinct single-use codes with a prefix, and stores them', async () => {
    const app = await start();
    await app.promotions.put('bulk', { ...tenOff, coupon: { required: true } });
    const codes = await app.promotions.generateCodes('bulk', { count: 200, prefix: 'XMAS' });
    expect(codes).toHaveLength(200);
    expect(new Set(codes).size).toBe(200);
    expect(codes.every((code) => code.startsWith('XMAS'))).toBe(true);
    const states = await app.store.couponStates(codes);
    expect(states).toHaveLength(200);
    expect(states.every((state) => state.promotionId === 'bulk' && state.singleUse && !state.redeemed)).toBe(
      true,
    );
    const reusable = await app.promotions.generateCodes('bulk', { count: 1, singleUse: false });
    expect((await app.store.couponStates(reusable))[0]?.singleUse).toBe(false);
    expect(await codeOf(() => app.promotions.generateCodes('nope', { count: 1 }))).toBe(
      'promotion_not_found',
    );
  });

  it("follows another node's promotions, and loads them on start", async () => {
    const app = await start();
    const other = await start({ sharedWith: app });
    let changes = 0;
    app.promotions.onChanged(() => (changes += 1));
    await other.promotions.put('ten', tenOff);
    await vi.waitFor(() => expect(app.promotions.index.get('ten')).toBeDefined());
    expect(changes).toBe(1);
    expect((await start({ sharedWith: app })).promotions.index.get('ten')).toBeDefined();
  });
});
