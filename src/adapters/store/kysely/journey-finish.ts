import { sql, type Kysely, type Transaction } from 'kysely';
import type { SendCheck, StepFinish, StepOutcome } from '../../../ports/journey-store.js';
import { advisoryLockKey, takeAdvisoryLocks } from './advisory-locks.js';
import type { Database } from './database.js';
import { chunks, getProfiles } from './profile-rows.js';

/**
 * Finishes claimed steps in one transaction (see `JourneyStore.finishJourneySteps`): the steps still
 * held are locked, their customers' messages checked again under a lock per customer (the cap
 * counted in the store, what changed since deciding), and everything written in a few multi-row
 * statements. Answers the ids finished.
 */
export function finishSteps(
  db: Kysely<Database>,
  kind: string,
  finishes: readonly StepFinish[],
  now: number,
  check: SendCheck | undefined,
): Promise<Set<string>> {
  if (finishes.length === 0) return Promise.resolve(new Set<string>());
  return db.transaction().execute(async (trx) => {
    const held = await heldSteps(trx, kind, finishes);
    const holding = finishes.filter((finish) => held.has(finish.step.id));
    const outcomes =
      check === undefined
        ? holding.map((finish) => finish.outcome)
        : await checkAgain(trx, kind, holding, check);
    await writeFinishes(trx, holding, outcomes, now);
    return new Set(holding.map((finish) => finish.step.id));
  });
}

/**
 * The steps this caller still holds (waiting, with its claim token). On PostgreSQL they are locked to
 * the commit: a claimer whose lease check sees them expired waits, then finds them finished.
 */
async function heldSteps(
  trx: Transaction<Database>,
  kind: string,
  finishes: readonly StepFinish[],
): Promise<Set<string>> {
  const tokens = new Map(finishes.map((finish) => [finish.step.id, finish.step.claimToken]));
  const held = new Set<string>();
  for (const chunk of chunks([...tokens.keys()])) {
    // The status is compared here, not in SQL: SQLite would then pick the (status, due_at) index.
    let query = trx
      .selectFrom('journey_steps')
      .select(['id', 'status', 'claim_token'])
      .where('id', 'in', chunk);
    if (kind === 'postgres') query = query.forUpdate();
    for (const row of await query.execute())
      if (row.status === 'pending' && tokens.get(row.id) === row.claim_token) held.add(row.id);
  }
  return held;
}

/**
 * The outcomes to write: each message checked again, in order, once its customer is this
 * transaction's alone. PostgreSQL takes an advisory lock per customer (in one order everywhere, so
 * two finishes never wait on each other in a circle); SQLite runs one writing transaction at a time.
 */
async function checkAgain(
  trx: Transaction<Database>,
  kind: string,
  finishes: readonly StepFinish[],
  check: SendCheck,
): Promise<StepOutcome[]> {
  const sending = finishes.filter((finish) => finish.outcome.status === 'sent');
  if (sending.length === 0) return finishes.map((finish) => finish.outcome);
  const profileIds = [...new Set(sending.map((finish) => finish.step.profileId))];
  if (kind === 'postgres')
    await takeAdvisoryLocks(
      trx,
      profileIds.map((profileId) => advisoryLockKey('journey-send', profileId)),
    );
  const sent = await sentSince(trx, profileIds, check.cap.since);
  const versions = await profileVersions(trx, profileIds);
  const moved = sending.filter((finish) => {
    const version = versions.get(finish.step.profileId);
    return finish.profileVersion !== undefined && version !== finish.profileVersion;
  });
  const profiles = await getProfiles(trx, [...new Set(moved.map((finish) => finish.step.profileId))]);
  const movedIds = new Set(moved.map((finish) => finish.step.id));
  return finishes.map(({ step, outcome }) => {
    if (outcome.status !== 'sent') return outcome;
    const reason = movedIds.has(step.id)
      ? check.recheck(step, profiles.get(step.profileId)?.profile)
      : undefined;
    if (reason !== undefined) return { status: 'skipped', reason };
    const count = sent.get(step.profileId) ?? 0;
    if (count >= check.cap.count) return { status: 'skipped', reason: 'frequency_cap' };
    sent.set(step.profileId, count + 1);
    return outcome;
  });
}

/**
 * Messages journeys sent each of these profiles at or after `since`, by profile (absent: none). The
 * status is compared after grouping: in SQL, SQLite would read every sent step by the status index.
 */
export async function sentSince(
  db: Kysely<Database> | Transaction<Database>,
  profileIds: readonly string[],
  since: number,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const chunk of chunks(profileIds)) {
    const rows = await db
      .selectFrom('journey_steps')
      .select((eb) => ['profile_id', 'status', eb.fn.countAll<number | string>().as('count')])
      .where('profile_id', 'in', chunk)
      .where('finished_at', '>=', since)
      .groupBy(['profile_id', 'status'])
      .execute();
    for (const row of rows) if (row.status === 'sent') counts.set(row.profile_id, Number(row.count));
  }
  return counts;
}

/** The stored version of each of these profiles that exists. */
async function profileVersions(
  trx: Transaction<Database>,
  profileIds: readonly string[],
): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  for (const chunk of chunks(profileIds)) {
    const rows = await trx
      .selectFrom('profiles')
      .select(['id', 'version'])
      .where('id', 'in', chunk)
      .execute();
    for (const row of rows) versions.set(row.id, Number(row.version));
  }
  return versions;
}

/** Writes held steps' outcomes: the step rows, then the coupons and outbox messages of those sent. */
async function writeFinishes(
  trx: Transaction<Database>,
  finishes: readonly StepFinish[],
  outcomes: readonly StepOutcome[],
  now: number,
): Promise<void> {
  // One statement per kind of ending (and per chunk): the same values for each row but the coupon code.
  const ends = new Map<string, { outcome: StepOutcome; ids: string[]; codes: [string, string][] }>();
  for (const [index, { step }] of finishes.entries()) {
    const outcome = outcomes[index] as StepOutcome;
    const key = outcome.status === 'skipped' ? `skipped:${outcome.reason}` : outcome.status;
    const end = ends.get(key) ?? { outcome, ids: [], codes: [] };
    end.ids.push(step.id);
    if (outcome.status === 'sent' && outcome.coupon !== undefined)
      end.codes.push([step.id, outcome.coupon.code]);
    ends.set(key, end);
  }
  for (const { outcome, ids, codes } of ends.values()) {
    const couponOf = new Map(codes);
    for (const chunk of chunks(ids)) {
      const withCodes = chunk.filter((id) => couponOf.has(id));
      await trx
        .updateTable('journey_steps')
        .set({
          status: outcome.status,
          reason: outcome.status === 'skipped' ? outcome.reason : null,
          finished_at: now,
          claimed_until: null,
          claim_token: null,
          coupon_code:
            withCodes.length === 0
              ? null
              : sql<string | null>`case ${sql.ref('id')} ${sql.join(
                  withCodes.map((id) => sql`when ${id} then ${couponOf.get(id)}`),
                  sql` `,
                )} else null end`,
        })
        .where('id', 'in', chunk)
        .execute();
    }
  }
  const sent = outcomes.flatMap((outcome) => (outcome.status === 'sent' ? [outcome] : []));
  const coupons = sent.flatMap((outcome) => (outcome.coupon === undefined ? [] : [outcome.coupon]));
  for (const chunk of chunks(coupons)) {
    await trx
      .insertInto('coupons')
      .values(
        chunk.map((coupon) => ({
          code: coupon.code,
          promotion_id: coupon.promotionId,
          single_use: 1,
          listed: 0,
          redeemed_at: null,
          order_id: null,
          customer_key: coupon.customerKey,
          expires_at: coupon.expiresAt,
        })),
      )
      .execute();
  }
  for (const chunk of chunks(sent)) {
    await trx
      .insertInto('webhook_outbox')
      .values(
        chunk.map(({ message }) => ({
          id: message.id,
          webhook_id: message.webhookId,
          type: message.type,
          payload: message.payload,
          created_at: now,
          attempts: 0,
          next_attempt_at: now,
          claimed_until: null,
          delivered_at: null,
          last_error: null,
          profile_id: message.profileId,
        })),
      )
      .execute();
  }
}
