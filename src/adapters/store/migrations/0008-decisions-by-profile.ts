import type { Kysely, Migration } from 'kysely';

/**
 * Decisions found by profile, like every table a profile owns: erasure deletes them and a merge
 * moves them (kysely/profile-tables.ts), and a merge runs on every sign-in, so it must not scan.
 */
export const decisionsByProfile: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('decisions_profile').on('decisions').column('profile_id').execute();
  },
};
