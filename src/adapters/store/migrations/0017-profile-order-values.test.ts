import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfile, quintileRanks } from '../../../domain/profiles/index.js';
import type { Database } from '../kysely/database.js';
import { rankedOrderValues } from '../kysely/order-value-ranks.js';
import { migrationProvider } from './index.js';

const LAST_ORDER = '2026-02-01T10:00:00.000Z';

/** Profiles stored before the order columns existed get them from their documents. */
describe('migration 0017: order values of stored profiles', () => {
  let db: Kysely<Database>;
  beforeAll(async () => {
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SqliteDatabase(':memory:') }) });
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('0013-analytics-daily')).error).toBeUndefined();
    const buyer = createProfile('buyer', '2025-01-01T00:00:00.000Z', { userId: 'b' });
    const ordered = {
      ...buyer,
      stats: {
        ...buyer.stats,
        orderCount: 3,
        lastOrderAt: LAST_ORDER,
        lifetimeValue: { GBP: 4_500, EUR: 90 },
      },
    };
    const browser = createProfile('browser', '2025-01-01T00:00:00.000Z', { anonymousId: 'x' });
    for (const profile of [ordered, browser])
      await db
        .insertInto('profiles' as never)
        .values({
          id: profile.id,
          user_id: null,
          version: 1,
          doc: JSON.stringify(profile),
          updated_at: 0,
        })
        .execute();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
  });
  afterAll(() => db.destroy());

  it('copies order count, latest order and lifetime values from each document', async () => {
    const rows = await db
      .selectFrom('profiles')
      .select(['id', 'order_count', 'last_order_at'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 'browser', order_count: 0, last_order_at: null },
      { id: 'buyer', order_count: 3, last_order_at: Date.parse(LAST_ORDER) },
    ]);
    const values = await db.selectFrom('profile_values').selectAll().orderBy('currency').execute();
    expect(values).toEqual([
      { profile_id: 'buyer', currency: 'EUR', amount: 90 },
      { profile_id: 'buyer', currency: 'GBP', amount: 4_500 },
    ]);
    expect(await rankedOrderValues(db, 'GBP', quintileRanks)).toEqual({
      orderCounts: [3, 3, 3, 3],
      lastOrdersLatestFirst: Array(4).fill(Date.parse(LAST_ORDER)),
      lifetimeValues: [4_500, 4_500, 4_500, 4_500],
    });
  });
});
