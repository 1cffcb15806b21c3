import type { CouponState } from '../../domain/promotions/index.js';
import type { Store } from '../../ports/store.js';

/**
 * The entered codes that exist for this customer now, by code. A personal code (a journey's) counts
 * only for the customer it was made for (`customerKey`, the salted hash checkout keys customers by)
 * and until it expires; for anyone else it is as if it did not exist.
 */
export async function couponsFor(
  store: Pick<Store, 'couponStates' | 'personalCoupons'>,
  codes: readonly string[],
  customerKey: string | undefined,
  now: number,
): Promise<Map<string, CouponState>> {
  if (codes.length === 0) return new Map();
  const [states, personal] = await Promise.all([store.couponStates(codes), store.personalCoupons(codes)]);
  return new Map(
    states
      .filter((state) => {
        const owner = personal.get(state.code);
        return owner === undefined || (owner.customerKey === customerKey && now < owner.expiresAt);
      })
      .map((state) => [state.code, state]),
  );
}
