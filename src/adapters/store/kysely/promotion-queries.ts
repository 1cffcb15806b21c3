import { dayOf } from '../../../domain/analytics/index.js';
import { addDailyCounts } from './analytics-queries.js';
import type { Kysely, Transaction } from 'kysely';
import type { CouponState, Promotion, PromotionDraft } from '../../../domain/promotions/index.js';
import type {
  OrderRedemption,
  RecordedOrder,
  PromotionStore,
  Redemption,
  RedemptionResult,
} from '../../../ports/promotion-store.js';
import type { Database, VersionedTable } from './database.js';
import { checkVersion, deleteRow, readDocument, writeRow } from './versioned-rows.js';
import { COUPON_CHUNK, couponRows, writeListedCodes } from './coupon-rows.js';
import { recordChanges } from './audit-rows.js';

const CHUNK = COUPON_CHUNK;

/** Thrown inside an order's transaction to roll it back, and caught outside it. */
class Refusal extends Error {
  constructor(readonly refused: RedemptionResult & { kind: 'refused' }) {
    super(refused.reason);
  }
}

/** Promotions, coupons, limits and checkout orders, in SQL that SQLite and PostgreSQL both run. */
export function promotionQueries(db: Kysely<Database>): PromotionStore {
  return {
    async putPromotion({ id, ...doc }: PromotionDraft, { now, ifVersion }) {
      return db.transaction().execute(async (trx) => {
        const row = await writeRow(
          trx,
          'promotions',
          { id, doc: JSON.stringify(doc), updated_at: now },
          ifVersion,
        );
        await writeListedCodes(trx, id, doc.coupon.codes ?? [], doc.coupon.singleUse === true);
        await trx
          .insertInto('promotion_usage')
          .values({
            promotion_id: id,
            discount_given: 0,
            redemptions: 0,
            budget: doc.limits.budget ?? null,
            max_redemptions: doc.limits.redemptions ?? null,
          })
          .onConflict((oc) =>
            oc.column('promotion_id').doUpdateSet((eb) => ({
              budget: eb.ref('excluded.budget'),
              max_redemptions: eb.ref('excluded.max_redemptions'),
            })),
          )
          .execute();
        return toPromotion(row);
      });
    },

    async getPromotion(id) {
      const row = await db.selectFrom('promotions').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toPromotion(row);
    },

    async listPromotions() {
      return (await db.selectFrom('promotions').selectAll().orderBy('id').execute()).map(toPromotion);
    },

    async deletePromotion(id, ifVersion) {
      return db.transaction().execute(async (trx) => {
        await checkVersion(trx, 'promotions', id, ifVersion);
        const deleted = await deleteRow(trx, 'promotions', id);
        await trx.deleteFrom('coupons').where('promotion_id', '=', id).execute();
        await trx.deleteFrom('promotion_usage').where('promotion_id', '=', id).execute();
        await trx.deleteFrom('customer_usage').where('promotion_id', '=', id).execute();
        return deleted;
      });
    },

    async addCoupons(promotionId, codes, singleUse) {
      const added: string[] = [];
      await db.transaction().execute(async (trx) => {
        for (let start = 0; start < codes.length; start += CHUNK) {
          const rows = await trx
            .insertInto('coupons')
            .values(couponRows(codes.slice(start, start + CHUNK), promotionId, singleUse, false))
            .onConflict((oc) => oc.column('code').doNothing())
            .returning('code')
            .execute();
          added.push(...rows.map((row) => row.code));
        }
        // How many codes were made, never the codes: the log is read by more people than should redeem them.
        await recordChanges(trx, [
          {
            type: 'promotion-codes',
            id: promotionId,
            before: null,
            after: { generated: added.length, singleUse },
          },
        ]);
      });
      return added;
    },

    async couponStates(codes) {
      if (codes.length === 0) return [];
      const rows = await db.selectFrom('coupons').selectAll().where('code', 'in', codes).execute();
      return rows.map((row): CouponState => ({
        code: row.code,
        promotionId: row.promotion_id,
        singleUse: Number(row.single_use) === 1,
        redeemed: row.redeemed_at !== null,
      }));
    },

    async promotionUsage(promotionIds, customerKey) {
      const promotions = new Map<string, { discountGiven: number; redemptions: number }>();
      const customer = new Map<string, number>();
      if (promotionIds.length === 0) return { promotions, customer };
      const rows = await db
        .selectFrom('promotion_usage')
        .selectAll()
        .where('promotion_id', 'in', promotionIds)
        .execute();
      for (const row of rows) {
        promotions.set(row.promotion_id, {
          discountGiven: Number(row.discount_given),
          redemptions: Number(row.redemptions),
        });
      }
      if (customerKey !== undefined) {
        const own = await db
          .selectFrom('customer_usage')
          .select(['promotion_id', 'redemptions'])
          .where('customer_key', '=', customerKey)
          .where('promotion_id', 'in', promotionIds)
          .execute();
        for (const row of own) customer.set(row.promotion_id, Number(row.redemptions));
      }
      return { promotions, customer };
    },

    async findOrder(orderId) {
      const row = await db
        .selectFrom('checkout_orders')
        .select(['request_hash', 'answer'])
        .where('order_id', '=', orderId)
        .executeTakeFirst();
      return row && { requestHash: row.request_hash, answer: row.answer };
    },

    async getOrder(orderId) {
      const row = await db
        .selectFrom('checkout_orders')
        .select(['order_id', 'answer', 'created_at'])
        .where('order_id', '=', orderId)
        .executeTakeFirst();
      return row && toRecordedOrder(row);
    },

    async listOrders(customerKey, limit, after) {
      let query = db
        .selectFrom('checkout_orders')
        .select(['order_id', 'answer', 'created_at'])
        .where('customer_key', '=', customerKey);
      if (after !== undefined) {
        query = query.where((eb) =>
          eb.or([
            eb('created_at', '<', after.createdAt),
            eb.and([eb('created_at', '=', after.createdAt), eb('order_id', '<', after.orderId)]),
          ]),
        );
      }
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('order_id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toRecordedOrder);
    },

    async recordOrder(order) {
      try {
        return await db.transaction().execute(async (trx) => {
          const inserted = await trx
            .insertInto('checkout_orders')
            .values({
              order_id: order.orderId,
              request_hash: order.requestHash,
              answer: order.answer,
              created_at: order.now,
              customer_key: order.customerKey ?? null,
            })
            .onConflict((oc) => oc.column('order_id').doNothing())
            .returning('order_id')
            .executeTakeFirst();
          if (inserted === undefined) {
            const existing = await trx
              .selectFrom('checkout_orders')
              .select(['request_hash', 'answer'])
              .where('order_id', '=', order.orderId)
              .executeTakeFirstOrThrow();
            return { kind: 'replay', requestHash: existing.request_hash, answer: existing.answer } as const;
          }
          const inOrder = [...order.redemptions].sort((a, b) =>
            a.promotionId < b.promotionId ? -1 : a.promotionId > b.promotionId ? 1 : 0,
          );
          for (const redemption of inOrder) await redeem(trx, order, redemption);
          // What each promotion gave, by day, for the analytics dashboard: counted with the order, once.
          await addDailyCounts(
            trx,
            inOrder.map(({ promotionId, discount }) => ({
              metric: 'discount' as const,
              day: dayOf(order.now),
              slot: promotionId,
              strategy: '',
              value: discount,
            })),
          );
          return { kind: 'recorded' } as const;
        });
      } catch (error) {
        if (error instanceof Refusal) return error.refused;
        throw error;
      }
    },
  };
}

/**
 * Takes one promotion's share of an order from its limits. Each step is one conditional statement:
 * PostgreSQL re-checks the condition on the row it locked, so concurrent orders on several nodes
 * queue on the row and the later ones see what the earlier spent.
 */
async function redeem(
  trx: Transaction<Database>,
  order: OrderRedemption,
  redemption: Redemption,
): Promise<void> {
  const refuse = (reason: 'coupon_redeemed' | 'budget_exhausted' | 'customer_limit') => {
    throw new Refusal({ kind: 'refused', promotionId: redemption.promotionId, reason });
  };
  if (redemption.coupon?.singleUse === true) {
    const claimed = await trx
      .updateTable('coupons')
      .set({ redeemed_at: order.now, order_id: order.orderId })
      .where('code', '=', redemption.coupon.code)
      .where('redeemed_at', 'is', null)
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n) refuse('coupon_redeemed');
  }
  const spent = await trx
    .updateTable('promotion_usage')
    .set((eb) => ({
      discount_given: eb(eb.ref('discount_given'), '+', redemption.discount),
      redemptions: eb(eb.ref('redemptions'), '+', 1),
    }))
    .where('promotion_id', '=', redemption.promotionId)
    .where((eb) =>
      eb.or([
        eb('budget', 'is', null),
        eb(eb(eb.ref('discount_given'), '+', redemption.discount), '<=', eb.ref('budget')),
      ]),
    )
    .where((eb) =>
      eb.or([eb('max_redemptions', 'is', null), eb('redemptions', '<', eb.ref('max_redemptions'))]),
    )
    .executeTakeFirst();
  if (spent.numUpdatedRows === 0n) refuse('budget_exhausted');
  // A guest has no key: nothing to count per customer (evaluation read no count for them either).
  if (order.customerKey === undefined) return;
  const limit = redemption.perCustomer;
  const counted = await trx
    .insertInto('customer_usage')
    .values({ promotion_id: redemption.promotionId, customer_key: order.customerKey, redemptions: 1 })
    .onConflict((oc) => {
      const update = oc
        .columns(['promotion_id', 'customer_key'])
        .doUpdateSet((eb) => ({ redemptions: eb(eb.ref('customer_usage.redemptions'), '+', 1) }));
      return limit === undefined ? update : update.where('customer_usage.redemptions', '<', limit);
    })
    .returning('redemptions')
    .executeTakeFirst();
  if (counted === undefined || (limit !== undefined && Number(counted.redemptions) > limit))
    refuse('customer_limit');
}

function toPromotion(row: VersionedTable): Promotion {
  const doc = readDocument<Omit<PromotionDraft, 'id'>>(row.doc);
  return {
    id: row.id,
    ...doc,
    version: row.version,
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}

function toRecordedOrder(row: {
  order_id: string;
  answer: string;
  created_at: number | string;
}): RecordedOrder {
  return { orderId: row.order_id, answer: row.answer, createdAt: Number(row.created_at) };
}
