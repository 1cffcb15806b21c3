import { beforeAll, describe, expect, it } from 'vitest';
import { draftPromotion, type PromotionInput } from '../../src/domain/promotions/index.js';
import type { OrderRedemption, Store } from '../../src/ports/store.js';
import { useStoreFixture, type StoreFixture } from './store-contract.js';

const t0 = Date.parse('2026-06-01T00:00:00.000Z');
const input = (extra: Partial<PromotionInput> = {}): PromotionInput => ({
  title: 'Five off',
  action: { type: 'amount_off', target: 'order', amount: 500 },
  ...extra,
});
const order = (
  orderId: string,
  redemptions: OrderRedemption['redemptions'],
  customerKey = 'c1',
): OrderRedemption => ({
  orderId,
  requestHash: `hash-${orderId}`,
  answer: JSON.stringify({ orderId }),
  customerKey,
  redemptions,
  now: t0,
});

/** Promotions, codes and atomic redemption, on every store. */
export function describePromotionStoreContract(
  name: string,
  createFixture: () => Promise<StoreFixture>,
): void {
  describe(`Promotion store contract: ${name}`, () => {
    const storeOf = useStoreFixture(createFixture);
    let store: Store;
    beforeAll(() => {
      store = storeOf();
    });

    it('keeps promotions with versions, and deletes them with their codes and usage', async () => {
      const first = await store.putPromotion(draftPromotion('p-crud', input(), 'GBP'), { now: t0 });
      expect(first).toMatchObject({
        id: 'p-crud',
        version: 1,
        title: 'Five off',
        stacking: { mode: 'stackable', priority: 0 },
      });
      const second = await store.putPromotion(draftPromotion('p-crud', input({ title: 'Six off' }), 'GBP'), {
        now: t0 + 1,
        ifVersion: 1,
      });
      expect(second.version).toBe(2);
      await expect(
        store.putPromotion(draftPromotion('p-crud', input(), 'GBP'), { now: t0, ifVersion: 1 }),
      ).rejects.toMatchObject({
        code: 'version_conflict',
      });
      expect((await store.getPromotion('p-crud'))?.title).toBe('Six off');
      expect((await store.listPromotions()).map((each) => each.id)).toContain('p-crud');
      await store.addCoupons('p-crud', ['CRUD-1'], true);
      expect(await store.deletePromotion('p-crud', undefined)).toBe(true);
      expect(await store.getPromotion('p-crud')).toBeUndefined();
      expect(await store.couponStates(['CRUD-1'])).toEqual([]);
      expect(await store.deletePromotion('p-crud', undefined)).toBe(false);
    });

    it('keeps listed codes in step with the promotion, and refuses a code another promotion holds', async () => {
      const coupon = (codes: string[]) => input({ coupon: { required: true, codes, singleUse: false } });
      await store.putPromotion(draftPromotion('p-codes', coupon(['alpha', 'BETA']), 'GBP'), { now: t0 });
      await store.addCoupons('p-codes', ['GENERATED-1'], true);
      expect(
        (await store.couponStates(['ALPHA', 'BETA', 'GENERATED-1'])).map((each) => each.code).sort(),
      ).toEqual(['ALPHA', 'BETA', 'GENERATED-1']);
      await store.putPromotion(draftPromotion('p-codes', coupon(['ALPHA']), 'GBP'), { now: t0 + 1 });
      const states = await store.couponStates(['ALPHA', 'BETA', 'GENERATED-1']);
      expect(states.map((each) => each.code).sort()).toEqual(['ALPHA', 'GENERATED-1']);
      expect(states.find((each) => each.code === 'GENERATED-1')).toMatchObject({
        promotionId: 'p-codes',
        singleUse: true,
        redeemed: false,
      });
      await expect(
        store.putPromotion(draftPromotion('p-other', coupon(['ALPHA']), 'GBP'), { now: t0 }),
      ).rejects.toMatchObject({
        code: 'coupon_taken',
      });
      expect(await store.getPromotion('p-other')).toBeUndefined();
      expect(await store.addCoupons('p-other', ['ALPHA', 'FRESH-1'], true)).toEqual(['FRESH-1']);
    });

    it('records an order once, answering a repeat as a replay', async () => {
      await store.putPromotion(draftPromotion('p-replay', input(), 'GBP'), { now: t0 });
      const redemption = [{ promotionId: 'p-replay', discount: 500 }];
      expect(await store.recordOrder(order('o-replay', redemption))).toEqual({ kind: 'recorded' });
      expect(await store.recordOrder(order('o-replay', redemption))).toEqual({
        kind: 'replay',
        requestHash: 'hash-o-replay',
        answer: JSON.stringify({ orderId: 'o-replay' }),
      });
      const usage = await store.promotionUsage(['p-replay'], 'c1');
      expect(usage.promotions.get('p-replay')).toEqual({ discountGiven: 500, redemptions: 1 });
      expect(usage.customer.get('p-replay')).toBe(1);
    });

    it('refuses a redeemed single-use code, a spent budget and a customer over their limit, writing nothing', async () => {
      await store.putPromotion(
        draftPromotion(
          'p-limits',
          input({ limits: { budget: { amount: 1000, currency: 'GBP' }, perCustomer: 1 } }),
          'GBP',
        ),
        { now: t0 },
      );
      await store.addCoupons('p-limits', ['ONCE-A', 'ONCE-B', 'ONCE-C'], true);
      const using = (code: string, discount = 500) => [
        { promotionId: 'p-limits', discount, coupon: { code, singleUse: true }, perCustomer: 1 },
      ];
      expect(await store.recordOrder(order('o-1', using('ONCE-A')))).toEqual({ kind: 'recorded' });
      expect(await store.recordOrder(order('o-2', using('ONCE-A'), 'c2'))).toEqual({
        kind: 'refused',
        promotionId: 'p-limits',
        reason: 'coupon_redeemed',
      });
      expect(await store.recordOrder(order('o-3', using('ONCE-B')))).toMatchObject({
        kind: 'refused',
        reason: 'customer_limit',
      });
      // The refused orders left nothing behind: the code is still free, the order id unused.
      expect((await store.couponStates(['ONCE-B']))[0]?.redeemed).toBe(false);
      expect(await store.recordOrder(order('o-3', using('ONCE-B', 600), 'c3'))).toMatchObject({
        kind: 'refused',
        reason: 'budget_exhausted',
      });
      expect((await store.couponStates(['ONCE-B']))[0]?.redeemed).toBe(false);
      expect(await store.recordOrder(order('o-3', using('ONCE-B', 500), 'c3'))).toEqual({ kind: 'recorded' });
      expect((await store.promotionUsage(['p-limits'], undefined)).promotions.get('p-limits')).toEqual({
        discountGiven: 1000,
        redemptions: 2,
      });
    });

    it('never overspends under concurrent orders', async () => {
      await store.putPromotion(
        draftPromotion(
          'p-race',
          input({ limits: { budget: { amount: 10_000, currency: 'GBP' }, redemptions: 15 } }),
          'GBP',
        ),
        {
          now: t0,
        },
      );
      await store.addCoupons('p-race', ['RACE-ONCE'], true);
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          store.recordOrder(
            order(
              `race-${index}`,
              [{ promotionId: 'p-race', discount: 700, coupon: { code: 'RACE-ONCE', singleUse: true } }],
              `c${index}`,
            ),
          ),
        ),
      );
      expect(results.filter((result) => result.kind === 'recorded')).toHaveLength(1);
      const budgetResults = await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          store.recordOrder(
            order(`budget-${index}`, [{ promotionId: 'p-race', discount: 700 }], `c${index}`),
          ),
        ),
      );
      // 700 already given: 13 more fit in 10,000 (700 × 14 = 9,800).
      expect(budgetResults.filter((result) => result.kind === 'recorded')).toHaveLength(13);
      expect((await store.promotionUsage(['p-race'], undefined)).promotions.get('p-race')).toEqual({
        discountGiven: 9_800,
        redemptions: 14,
      });
    });
  });
}
