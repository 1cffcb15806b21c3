import { Migrator, sql, type Kysely } from 'kysely';
import type { Store } from '../../../ports/store.js';
import { migrationProvider } from '../migrations/index.js';
import { analyticsQueries } from './analytics-queries.js';
import { catalogQueries } from './catalog-queries.js';
import { consoleQueries } from './console-queries.js';
import { contentQueries } from './content-queries.js';
import { decisionQueries } from './decision-queries.js';
import type { Database } from './database.js';
import { experimentQueries } from './experiment-queries.js';
import { journeyQueries } from './journey-queries.js';
import { keyQueries } from './key-queries.js';
import { profileQueries, type ProfileQueryOptions } from './profile-queries.js';
import { priceQueries } from './price-queries.js';
import { promotionQueries } from './promotion-queries.js';
import { relayQueries } from './relay-queries.js';
import { segmentQueries } from './segment-queries.js';
import { snapshotQueries } from './snapshot-queries.js';
import { webhookQueries } from './webhook-queries.js';

/** A {@link Store} over any Kysely dialect whose SQL the queries here use (SQLite, PostgreSQL). */
export function createSqlStore(kind: string, db: Kysely<Database>, options: ProfileQueryOptions = {}): Store {
  return {
    kind,
    ...catalogQueries(db),
    ...keyQueries(db),
    ...profileQueries(db, options),
    ...segmentQueries(db),
    ...webhookQueries(db),
    ...priceQueries(db),
    ...promotionQueries(db),
    ...contentQueries(db),
    ...decisionQueries(db),
    ...relayQueries(db),
    ...experimentQueries(db),
    ...snapshotQueries(db, kind),
    ...analyticsQueries(db),
    ...consoleQueries(db),
    ...journeyQueries(db, kind),

    async migrate() {
      // Kysely looks for its own tables in every schema unless told which: beside another schema that
      // has them (another installation, a concurrent test) it would skip creating ours and fail.
      const schema =
        kind === 'postgres'
          ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
          : undefined;
      const { error, results } = await new Migrator({
        db,
        provider: migrationProvider,
        ...(schema !== undefined && { migrationTableSchema: schema }),
      }).migrateToLatest();
      const failed = results?.find((result) => result.status === 'Error');
      if (error !== undefined || failed !== undefined) {
        const cause =
          error instanceof Error
            ? error
            : new Error(`migration ${failed?.migrationName ?? '?'} reported an error`);
        throw new Error(`migration ${failed?.migrationName ?? ''} failed on ${kind}: ${cause.message}`, {
          cause,
        });
      }
    },

    async ping() {
      await sql`select 1`.execute(db);
    },

    async close() {
      await db.destroy();
    },
  };
}
