import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SqliteDatabase from 'better-sqlite3';
import { TOTALS_COLUMNS } from '../../src/adapters/store/migrations/totals-columns.js';
import type { VariantTotals } from '../../src/domain/experiments/index.js';
import { CONTROL_MODEL, simulateArm, TREATMENT_MODEL } from './experiment-simulation.js';
import { startInProcessNode } from './in-process-node.js';
import { seededRandom } from './retail-data.js';

const UNITS = 1_000_000;
const KEY = 'sk_bench_experiments_0123456789abcdef';
const EXPERIMENT = 'million';

/** camelCase field of the totals for a snake_case column. */
const fieldOf = (column: string) =>
  column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()) as keyof VariantTotals;

/**
 * `GET /v1/experiments/{id}/results` of an experiment with 1,000,000 exposed units, through the
 * node's own HTTP handling (in-process, no socket), on the embedded store: the units' rows and their
 * variants' totals (simulated outcomes, seeded) are written straight into the tables, as a million
 * exposures would have left them. Returns each call's milliseconds.
 */
export async function timeMillionUnitResults(calls: number): Promise<number[]> {
  const { attune, dispose } = await startInProcessNode('experiments', KEY);
  try {
    const put = await attune.app.inject({
      method: 'PUT',
      url: `/v1/experiments/${EXPERIMENT}`,
      headers: { authorization: `Bearer ${KEY}` },
      payload: {
        name: 'A million units',
        status: 'running',
        metric: 'revenue_per_unit',
        variants: [
          { id: 'control', weight: 50, changes: {} },
          { id: 'treatment', weight: 50, changes: { recommendations: { home: { strategy: 'popular' } } } },
        ],
      },
    });
    if (put.statusCode >= 300) throw new Error(`experiment refused: ${put.body}`);
    writeMillionUnits(join(attune.config.dataDir, 'attune.db'));
    const times: number[] = [];
    for (let call = 0; call < calls; call += 1) {
      const started = performance.now();
      const response = await attune.app.inject({
        method: 'GET',
        url: `/v1/experiments/${EXPERIMENT}/results`,
        headers: { authorization: `Bearer ${KEY}` },
      });
      times.push(performance.now() - started);
      const units = response
        .json<{ variants: { units: number }[] }>()
        .variants.reduce((sum, variant) => sum + variant.units, 0);
      if (units !== UNITS) throw new Error(`results count ${units} units, not ${UNITS}`);
    }
    return times;
  } finally {
    await dispose();
  }
}

function writeMillionUnits(file: string): void {
  const db = new SqliteDatabase(file);
  try {
    const random = seededRandom(1_000_000);
    const arms = [
      ['control', simulateArm(CONTROL_MODEL, UNITS / 2, random)],
      ['treatment', simulateArm(TREATMENT_MODEL, UNITS / 2, random)],
    ] as const;
    db.transaction(() => {
      db.prepare(
        `insert into experiment_units (experiment_id, unit_key, variant, exposed_at, outcome)
         with recursive n(i) as (select 0 union all select i + 1 from n where i < ? - 1)
         select ?, printf('unit-%07d', i), case when i % 2 = 0 then 'control' else 'treatment' end, ?,
                '{"orders":0,"revenue":0,"impressions":1,"clicks":0}'
         from n`,
      ).run(UNITS, EXPERIMENT, Date.now());
      const insert = db.prepare(
        `insert into experiment_totals (experiment_id, variant, ${TOTALS_COLUMNS.join(', ')})
         values (?, ?, ${TOTALS_COLUMNS.map(() => '?').join(', ')})`,
      );
      for (const [variant, totals] of arms) {
        insert.run(EXPERIMENT, variant, ...TOTALS_COLUMNS.map((column) => totals[fieldOf(column)]));
      }
    })();
  } finally {
    db.close();
  }
}
