import type { Kysely, Migration } from 'kysely';

/**
 * Indexes a profile's events by name and position, in place of their time. Loading a customer's
 * history reads their latest views, adds and orders by name, newest first: under the index by time
 * every one of those reads visited every event the customer ever sent, table row and document, so
 * a load cost more the longer the customer's past (at ten million events, most of ingestion's
 * time). By name and position, the newest of a name are the end of one range of the index. Nothing
 * read events by profile and time; what reads by profile alone uses either.
 */
export const eventsByProfileAndName: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('events_profile_name_seq')
      .on('events')
      .columns(['profile_id', 'name', 'seq'])
      .execute();
    await db.schema.dropIndex('events_profile_time').execute();
  },
};
