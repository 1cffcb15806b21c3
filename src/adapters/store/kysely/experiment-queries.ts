import { PostgresAdapter, type Kysely, type Transaction } from 'kysely';
import {
  EMPTY_TOTALS,
  addUnit,
  changeUnit,
  mergeTotals,
  type Experiment,
  type ExperimentDraft,
  type UnitOutcome,
  type VariantTotals,
} from '../../../domain/experiments/index.js';
import type {
  ExperimentStore,
  Exposure,
  ImpressionCount,
  OutcomeDelta,
} from '../../../ports/experiment-store.js';
import { TOTALS_COLUMNS, type TotalsColumn } from '../migrations/totals-columns.js';
import type { Database, VersionedTable } from './database.js';
import { chunks } from './profile-rows.js';
import { checkVersion, deleteRow, readDocument, writeRow } from './versioned-rows.js';

type Executor = Kysely<Database> | Transaction<Database>;

export function experimentQueries(db: Kysely<Database>): ExperimentStore {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    async putExperiment({ id, ...doc }, { now, ifVersion }) {
      return toExperiment(
        await writeRow(db, 'experiments', { id, doc: JSON.stringify(doc), updated_at: now }, ifVersion),
      );
    },

    async getExperiment(id) {
      const row = await db.selectFrom('experiments').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toExperiment(row);
    },

    async listExperiments() {
      return (await db.selectFrom('experiments').selectAll().orderBy('id').execute()).map(toExperiment);
    },

    async deleteExperiment(id, ifVersion) {
      return db.transaction().execute(async (trx) => {
        await checkVersion(trx, 'experiments', id, ifVersion);
        const deleted = await deleteRow(trx, 'experiments', id);
        await trx.deleteFrom('experiment_units').where('experiment_id', '=', id).execute();
        await trx.deleteFrom('experiment_totals').where('experiment_id', '=', id).execute();
        return deleted;
      });
    },

    async findAssignments(unitKeys) {
      const found = [];
      for (const chunk of chunks([...new Set(unitKeys)])) {
        const rows = await db
          .selectFrom('experiment_units')
          .select(['experiment_id', 'unit_key', 'variant', 'exposed_at'])
          .where('unit_key', 'in', chunk)
          .execute();
        found.push(
          ...rows.map((row) => ({
            experimentId: row.experiment_id,
            unitKey: row.unit_key,
            variant: row.variant,
            exposedAt: Number(row.exposed_at),
          })),
        );
      }
      return found;
    },

    async recordExposures(exposures) {
      if (exposures.length === 0) return 0;
      return db.transaction().execute(async (trx) => {
        const kept = await notErased(trx, exposures);
        const changes = new TotalsChanges();
        let added = 0;
        for (const chunk of chunks(kept)) {
          const inserted = await trx
            .insertInto('experiment_units')
            .values(
              chunk.map((exposure) => ({
                experiment_id: exposure.experimentId,
                unit_key: exposure.unitKey,
                variant: exposure.variant,
                exposed_at: exposure.exposedAt,
                outcome: JSON.stringify(outcomeOf(exposure)),
              })),
            )
            .onConflict((oc) => oc.columns(['experiment_id', 'unit_key']).doNothing())
            .returning(['experiment_id', 'unit_key'])
            .execute();
          const fresh = new Set(inserted.map((row) => `${row.experiment_id}\u0000${row.unit_key}`));
          for (const exposure of chunk) {
            if (!fresh.delete(`${exposure.experimentId}\u0000${exposure.unitKey}`)) continue;
            changes.add(exposure.experimentId, exposure.variant, addUnit(EMPTY_TOTALS, outcomeOf(exposure)));
            added += 1;
          }
        }
        await changes.writeTo(trx);
        return added;
      });
    },

    async addImpressions(entries) {
      await db.transaction().execute(async (trx) => {
        const changes = new TotalsChanges();
        for (const [experimentId, byUnit] of impressionsByUnit(entries)) {
          // In one order of keys, so that two nodes lock a unit's row in turn, never each other's.
          for (const chunk of chunks([...byUnit.keys()].sort())) {
            const query = trx
              .selectFrom('experiment_units')
              .selectAll()
              .where('experiment_id', '=', experimentId)
              .where('unit_key', 'in', chunk)
              .orderBy('unit_key');
            for (const row of await (postgres ? query.forUpdate() : query).execute()) {
              await changeOutcome(trx, row, { impressions: byUnit.get(row.unit_key) ?? 0 }, changes);
            }
          }
        }
        await changes.writeTo(trx);
      });
    },

    async attributeOutcome(unitKeys, at, delta, experimentIds) {
      if (unitKeys.length === 0 || experimentIds.length === 0) return;
      await db.transaction().execute(async (trx) => {
        const changes = new TotalsChanges();
        for (const chunk of chunks([...new Set(unitKeys)])) {
          const query = trx
            .selectFrom('experiment_units')
            .selectAll()
            .where('unit_key', 'in', chunk)
            .where('experiment_id', 'in', [...new Set(experimentIds)])
            .where('exposed_at', '<=', at)
            .orderBy('experiment_id')
            .orderBy('unit_key');
          // Locked on PostgreSQL: two nodes attributing to one unit at once must not lose either change.
          for (const row of await (postgres ? query.forUpdate() : query).execute()) {
            await changeOutcome(trx, row, delta, changes);
          }
        }
        await changes.writeTo(trx);
      });
    },

    async variantTotals(experimentId) {
      const rows = await db
        .selectFrom('experiment_totals')
        .selectAll()
        .where('experiment_id', '=', experimentId)
        .execute();
      return new Map(rows.map((row) => [row.variant, totalsOf(row)]));
    },
  };
}

/**
 * Removes a customer's units from every experiment (inside an erasure): each unit's contribution
 * leaves its variant's totals, then the unit goes.
 */
export async function eraseExperimentUnits(
  trx: Transaction<Database>,
  unitKeys: readonly string[],
): Promise<void> {
  const changes = new TotalsChanges();
  for (const chunk of chunks(unitKeys)) {
    const rows = await trx
      .selectFrom('experiment_units')
      .selectAll()
      .where('unit_key', 'in', chunk)
      .execute();
    for (const row of rows) {
      const contribution = addUnit(EMPTY_TOTALS, readDocument<UnitOutcome>(row.outcome));
      changes.add(row.experiment_id, row.variant, scaled(contribution, -1));
    }
    await trx.deleteFrom('experiment_units').where('unit_key', 'in', chunk).execute();
  }
  await changes.writeTo(trx);
}

/**
 * The changes a transaction makes to variants' totals, summed per variant and written once each at
 * its end: a flush of impressions for 500 units wrote 1,500 statements (the unit, then its variant's
 * totals twice) where 504 do, all while requests waited on SQLite. The sums are of whole numbers,
 * so the totals are the same; the rows are written in one order, so two nodes never wait on each
 * other's in turn.
 */
class TotalsChanges {
  readonly #byVariant = new Map<string, { experimentId: string; variant: string; delta: VariantTotals }>();

  add(experimentId: string, variant: string, delta: VariantTotals): void {
    const key = `${experimentId}\u0000${variant}`;
    const entry = this.#byVariant.get(key);
    this.#byVariant.set(key, {
      experimentId,
      variant,
      delta: entry === undefined ? delta : mergeTotals(entry.delta, delta),
    });
  }

  async writeTo(trx: Transaction<Database>): Promise<void> {
    const ordered = [...this.#byVariant].sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [, { experimentId, variant, delta }] of ordered)
      await addToTotals(trx, experimentId, variant, delta);
  }
}

/** Adds `delta` to a unit's outcome, and the change it makes to its variant's totals to `changes`. */
async function changeOutcome(
  trx: Transaction<Database>,
  row: { experiment_id: string; unit_key: string; variant: string; outcome: string },
  delta: OutcomeDelta,
  changes: TotalsChanges,
): Promise<void> {
  const before = readDocument<UnitOutcome>(row.outcome);
  const after: UnitOutcome = {
    ...before,
    orders: before.orders + (delta.orders ?? 0),
    revenue: before.revenue + (delta.revenue ?? 0),
    clicks: before.clicks + (delta.clicks ?? 0),
    impressions: before.impressions + (delta.impressions ?? 0),
  };
  await trx
    .updateTable('experiment_units')
    .set({ outcome: JSON.stringify(after) })
    .where('experiment_id', '=', row.experiment_id)
    .where('unit_key', '=', row.unit_key)
    .execute();
  changes.add(row.experiment_id, row.variant, changeUnit(EMPTY_TOTALS, before, after));
}

/** Adds `delta` to a variant's totals in one statement per row, so concurrent nodes never lose a unit. */
async function addToTotals(
  db: Executor,
  experimentId: string,
  variant: string,
  delta: VariantTotals,
): Promise<void> {
  await db
    .insertInto('experiment_totals')
    .values({ experiment_id: experimentId, variant, ...columnsOf(EMPTY_TOTALS) })
    .onConflict((oc) => oc.columns(['experiment_id', 'variant']).doNothing())
    .execute();
  const values = columnsOf(delta);
  await db
    .updateTable('experiment_totals')
    .set((eb) =>
      Object.fromEntries(TOTALS_COLUMNS.map((column) => [column, eb(eb.ref(column), '+', values[column])])),
    )
    .where('experiment_id', '=', experimentId)
    .where('variant', '=', variant)
    .execute();
}

/**
 * Impressions per experiment and unit: an entry counts once for each unit it names, and entries
 * naming the same unit add up, so a flush reads and writes each unit once (it read the units of
 * each entry apart: a query per customer).
 */
function impressionsByUnit(entries: readonly ImpressionCount[]): Map<string, Map<string, number>> {
  const byExperiment = new Map<string, Map<string, number>>();
  for (const { experimentId, unitKeys, impressions } of entries) {
    let byUnit = byExperiment.get(experimentId);
    if (byUnit === undefined) byExperiment.set(experimentId, (byUnit = new Map<string, number>()));
    for (const unitKey of new Set(unitKeys)) byUnit.set(unitKey, (byUnit.get(unitKey) ?? 0) + impressions);
  }
  return byExperiment;
}

/** Exposures whose unit was not erased at or after the exposure (a late write must not bring it back). */
async function notErased(trx: Transaction<Database>, exposures: readonly Exposure[]): Promise<Exposure[]> {
  const erasedAt = new Map<string, number>();
  for (const chunk of chunks([...new Set(exposures.map((exposure) => exposure.unitKey))])) {
    const rows = await trx.selectFrom('erasures').selectAll().where('id_hash', 'in', chunk).execute();
    for (const row of rows) erasedAt.set(row.id_hash, Number(row.erased_at));
  }
  return exposures.filter((exposure) => (erasedAt.get(exposure.unitKey) ?? -Infinity) < exposure.exposedAt);
}

function outcomeOf(exposure: Exposure): UnitOutcome {
  return { orders: 0, revenue: 0, impressions: 0, clicks: 0, preRevenue: exposure.preRevenue };
}

const FIELDS = Object.keys(EMPTY_TOTALS) as (keyof VariantTotals)[];
const COLUMN_OF = new Map(
  FIELDS.map((field) => [
    field,
    field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`) as TotalsColumn,
  ]),
);

function columnsOf(totals: VariantTotals): Record<TotalsColumn, number> {
  return Object.fromEntries(FIELDS.map((field) => [COLUMN_OF.get(field), totals[field]])) as Record<
    TotalsColumn,
    number
  >;
}

function totalsOf(row: Record<TotalsColumn, number>): VariantTotals {
  return Object.fromEntries(
    FIELDS.map((field) => [field, Number(row[COLUMN_OF.get(field) as TotalsColumn])]),
  ) as unknown as VariantTotals;
}

function scaled(totals: VariantTotals, factor: number): VariantTotals {
  return Object.fromEntries(
    FIELDS.map((field) => [field, totals[field] * factor]),
  ) as unknown as VariantTotals;
}

function toExperiment(row: VersionedTable): Experiment {
  const doc = readDocument<Omit<ExperimentDraft, 'id'>>(row.doc);
  return {
    id: row.id,
    ...doc,
    version: row.version,
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}
