import type { Transaction } from 'kysely';
import { PromotionError } from '../../../domain/promotions/index.js';
import type { Database } from './database.js';

/** Rows per INSERT: well inside SQLite's and PostgreSQL's limits on bound parameters. */
export const COUPON_CHUNK = 2_000;
const CHUNK = COUPON_CHUNK;

/** Upserts the codes a promotion lists and drops listed codes it no longer lists (unless redeemed). */
export async function writeListedCodes(
  trx: Transaction<Database>,
  promotionId: string,
  codes: readonly string[],
  singleUse: boolean,
): Promise<void> {
  let stale = trx
    .deleteFrom('coupons')
    .where('promotion_id', '=', promotionId)
    .where('listed', '=', 1)
    .where('redeemed_at', 'is', null);
  if (codes.length > 0) stale = stale.where('code', 'not in', codes);
  await stale.execute();
  for (let start = 0; start < codes.length; start += CHUNK) {
    await trx
      .insertInto('coupons')
      .values(couponRows(codes.slice(start, start + CHUNK), promotionId, singleUse, true))
      .onConflict((oc) =>
        oc
          .column('code')
          .doUpdateSet({ single_use: singleUse ? 1 : 0, listed: 1 })
          .where('coupons.promotion_id', '=', promotionId),
      )
      .execute();
  }
  if (codes.length === 0) return;
  const taken = await trx
    .selectFrom('coupons')
    .select('code')
    .where('code', 'in', codes)
    .where('promotion_id', '!=', promotionId)
    .executeTakeFirst();
  if (taken !== undefined) {
    throw new PromotionError('coupon_taken', `the code ${taken.code} belongs to another promotion`, {
      pointer: '/coupon/codes',
    });
  }
}

/** New coupon rows: unredeemed codes of a promotion, listed on it or generated for it. */
export function couponRows(
  codes: readonly string[],
  promotionId: string,
  singleUse: boolean,
  listed: boolean,
) {
  return codes.map((code) => ({
    code,
    promotion_id: promotionId,
    single_use: singleUse ? 1 : 0,
    listed: listed ? 1 : 0,
    redeemed_at: null,
    order_id: null,
  }));
}
