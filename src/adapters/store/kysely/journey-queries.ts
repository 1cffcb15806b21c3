import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Journey, JourneyDraft, TriggerContext } from '../../../domain/journeys/index.js';
import type {
  ClaimedStep,
  JourneyStore,
  ScheduledStep,
  StepRecord,
  StepStatus,
} from '../../../ports/journey-store.js';
import type { Database, JourneyStepTable, VersionedTable } from './database.js';
import { finishSteps, sentSince } from './journey-finish.js';
import { chunks } from './profile-rows.js';
import { checkVersion, deleteRow, readDocument, writeRow } from './versioned-rows.js';

type Executor = Kysely<Database> | Transaction<Database>;
type StepRow = Selectable<JourneyStepTable>;

/**
 * Journeys and their planned steps, in SQL that SQLite and PostgreSQL both run. On PostgreSQL a
 * claim skips rows another node is claiming (`FOR UPDATE SKIP LOCKED`), so nodes do not queue on
 * each other; on either store the lease is taken by a conditional update, which alone keeps two
 * nodes from holding one step.
 */
export function journeyQueries(db: Kysely<Database>, kind: string): JourneyStore {
  const finishMany: JourneyStore['finishJourneySteps'] = (finishes, now, check) =>
    finishSteps(db, kind, finishes, now, check);
  return {
    async putJourney({ id, ...doc }: JourneyDraft, { now, ifVersion }) {
      return toJourney(
        await writeRow(db, 'journeys', { id, doc: JSON.stringify(doc), updated_at: now }, ifVersion),
      );
    },

    async getJourney(id) {
      const row = await db.selectFrom('journeys').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toJourney(row);
    },

    async listJourneys() {
      return (await db.selectFrom('journeys').selectAll().orderBy('id').execute()).map(toJourney);
    },

    async deleteJourney(id, ifVersion) {
      return db.transaction().execute(async (trx) => {
        await checkVersion(trx, 'journeys', id, ifVersion);
        await trx
          .deleteFrom('journey_steps')
          .where('journey_id', '=', id)
          .where('status', '=', 'pending')
          .execute();
        return deleteRow(trx, 'journeys', id);
      });
    },

    async scheduleJourneySteps(steps) {
      return steps.length === 0 ? 0 : db.transaction().execute((trx) => scheduleSteps(trx, steps));
    },

    async claimJourneySteps(now, limit, leaseMs) {
      return db.transaction().execute(async (trx) => {
        let due = trx
          .selectFrom('journey_steps')
          .select('id')
          .where('status', '=', 'pending')
          .where('due_at', '<=', now)
          .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
          .orderBy('due_at')
          .limit(limit);
        if (kind === 'postgres') due = due.forUpdate().skipLocked();
        const ids = (await due.execute()).map((row) => row.id);
        if (ids.length === 0) return [];
        const claimToken = randomUUID();
        // A row another node leased meanwhile no longer matches, and is left to it.
        const claimed = await trx
          .updateTable('journey_steps')
          .set({ claimed_until: now + leaseMs, claim_token: claimToken })
          .where('id', 'in', ids)
          .where('status', '=', 'pending')
          .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
          .returningAll()
          .execute();
        return claimed.map((row): ClaimedStep => ({ ...toScheduled(row), claimToken }));
      });
    },

    async finishJourneyStep(step, outcome, now) {
      return (await finishMany([{ step, outcome }], now)).has(step.id);
    },

    finishJourneySteps: finishMany,

    async deferJourneyStep(step, dueAt) {
      const deferred = await db
        .updateTable('journey_steps')
        .set({ due_at: dueAt, claimed_until: null, claim_token: null })
        .where('id', '=', step.id)
        .where('status', '=', 'pending')
        .where('claim_token', '=', step.claimToken)
        .executeTakeFirst();
      return deferred.numUpdatedRows > 0n;
    },

    async countJourneyMessages(profileId, since) {
      const row = await db
        .selectFrom('journey_steps')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .where('profile_id', '=', profileId)
        .where('status', '=', 'sent')
        .where('finished_at', '>=', since)
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },

    countJourneyMessagesOf: (profileIds, since) => sentSince(db, profileIds, since),

    async journeyStepsOf(journeyId) {
      const rows = await db
        .selectFrom('journey_steps')
        .selectAll()
        .where('journey_id', '=', journeyId)
        .execute();
      return rows.map(toRecord);
    },

    async lastJourneyMessage(profileId) {
      const row = await db
        .selectFrom('journey_steps')
        .selectAll()
        .where('profile_id', '=', profileId)
        .where('status', '=', 'sent')
        .orderBy('finished_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && toRecord(row);
    },

    async finishedJourneySteps(profileId, since) {
      const rows = await db
        .selectFrom('journey_steps')
        .selectAll()
        .where('profile_id', '=', profileId)
        .where('status', 'in', ['sent', 'held_out'])
        .where('finished_at', '>=', since)
        .execute();
      return rows.map(toRecord);
    },

    async addJourneyOutcome(stepId, orders, revenue) {
      await db
        .updateTable('journey_steps')
        .set((eb) => ({
          orders: eb(eb.ref('orders'), '+', orders),
          revenue: eb(eb.ref('revenue'), '+', revenue),
        }))
        .where('id', '=', stepId)
        .execute();
    },

    async personalCoupons(codes) {
      const found = new Map<string, { customerKey: string; expiresAt: number }>();
      if (codes.length === 0) return found;
      const rows = await db
        .selectFrom('coupons')
        .select(['code', 'customer_key', 'expires_at'])
        .where('code', 'in', codes)
        .where('customer_key', 'is not', null)
        .execute();
      for (const row of rows) {
        found.set(row.code, {
          customerKey: row.customer_key as string,
          expiresAt: Number(row.expires_at ?? 0),
        });
      }
      return found;
    },
  };
}

/**
 * Stores planned steps (see `JourneyStore.scheduleJourneySteps`) in the caller's transaction: the
 * ingestion batch that heard the trigger, so a trigger committed is a step planned.
 */
export async function scheduleSteps(trx: Executor, steps: readonly ScheduledStep[]): Promise<number> {
  let added = 0;
  for (const step of steps.filter((each) => each.supersedes)) {
    await trx
      .updateTable('journey_steps')
      .set({ status: 'skipped', reason: 'superseded', finished_at: step.triggerAt, claim_token: null })
      .where('journey_id', '=', step.journeyId)
      .where('profile_id', '=', step.profileId)
      .where('status', '=', 'pending')
      .where('trigger_at', '<', step.triggerAt)
      .execute();
  }
  for (const chunk of chunks(steps)) {
    const inserted = await trx
      .insertInto('journey_steps')
      .values(
        chunk.map((step) => ({
          id: step.id,
          journey_id: step.journeyId,
          step_id: step.stepId,
          occurrence: step.occurrence,
          profile_id: step.profileId,
          user_id: step.userId,
          trigger_at: step.triggerAt,
          due_at: step.dueAt,
          context: JSON.stringify(step.context),
          status: 'pending',
          reason: null,
          claim_token: null,
          claimed_until: null,
          finished_at: null,
          coupon_code: null,
        })),
      )
      .onConflict((oc) => oc.columns(['journey_id', 'step_id', 'occurrence']).doNothing())
      .returning('id')
      .execute();
    added += inserted.length;
  }
  return added;
}

function toJourney(row: VersionedTable): Journey {
  const doc = readDocument<Omit<JourneyDraft, 'id'>>(row.doc);
  return {
    id: row.id,
    ...doc,
    version: row.version,
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}

function toScheduled(row: StepRow): ScheduledStep {
  return {
    id: row.id,
    journeyId: row.journey_id,
    stepId: row.step_id,
    occurrence: row.occurrence,
    profileId: row.profile_id,
    userId: row.user_id,
    triggerAt: Number(row.trigger_at),
    dueAt: Number(row.due_at),
    supersedes: false,
    context: readDocument<TriggerContext>(row.context),
  };
}

function toRecord(row: StepRow): StepRecord {
  return {
    ...toScheduled(row),
    status: row.status as StepStatus,
    reason: row.reason,
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
    couponCode: row.coupon_code,
    orders: Number(row.orders),
    revenue: Number(row.revenue),
  };
}
