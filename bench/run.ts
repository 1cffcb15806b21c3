/**
 * `npm run bench [-- --only catalogue] [--runs 3] [--sample 10] [--size S,M] [--stores sqlite,postgres]`: runs the benchmark suites and prints one table of
 * measured figures beside their references. Benchmarks are never part of the test run.
 */
import { parseArgs } from 'node:util';
import { printTable, type BenchRow } from './lib/report.js';
import { catalogueSuite } from './suites/catalogue.js';
import { ingestionSuite } from './suites/ingestion.js';
import { historyMemorySuite } from './suites/history-memory.js';
import { profileMemorySuite } from './suites/profile-memory.js';
import { segmentsSuite } from './suites/segments.js';
import { pricingSuite } from './suites/pricing.js';
import { promotionsSuite } from './suites/promotions.js';
import { completeJourneySuite } from './suites/complete-journey.js';
import { r1Suite, r2Suite } from './suites/recommendations-quality.js';
import { r3Suite } from './suites/browsing-quality.js';
import { recommendationServingSuite } from './suites/recommendations-serving.js';
import { decideExperimentSuite } from './suites/decide-experiment.js';
import { decideScalingSuite, decideSuite } from './suites/decide.js';
import { abuseSuite } from './suites/abuse.js';
import { scaleSuite } from './suites/scale.js';
import { importSuite } from './suites/import.js';
import { experimentsSuite } from './suites/experiments.js';
import { journeysSuite } from './suites/journeys.js';
import { faultsSuite } from './suites/faults.js';
import { soakSuite } from './suites/soak.js';

/**
 * Options a suite may read: `sample` runs a quality suite on every n-th case only (while tuning);
 * `size` and `stores` pick the scale suite's histories (`S,M,L`) and stores (`sqlite,postgres`).
 */
interface SuiteOptions {
  readonly sample?: number;
  readonly size?: string;
  readonly stores?: string;
}

const SUITES: Record<string, (runs: number, options: SuiteOptions) => Promise<BenchRow[]>> = {
  catalogue: catalogueSuite,
  ingestion: ingestionSuite,
  profiles: profileMemorySuite,
  histories: historyMemorySuite,
  segments: segmentsSuite,
  pricing: pricingSuite,
  promotions: promotionsSuite,
  p1: completeJourneySuite,
  r1: r1Suite,
  r2: r2Suite,
  r3: r3Suite,
  recs: recommendationServingSuite,
  decide: async (runs) => [...(await decideSuite(runs)), ...(await decideExperimentSuite(runs))],
  'decide-scaling': decideScalingSuite,
  abuse: abuseSuite,
  scale: scaleSuite,
  import: importSuite,
  experiments: experimentsSuite,
  journeys: journeysSuite,
  faults: faultsSuite,
  soak: soakSuite,
};

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    runs: { type: 'string', default: '3' },
    sample: { type: 'string' },
    size: { type: 'string' },
    stores: { type: 'string' },
  },
});
const selected = values.only === undefined ? Object.keys(SUITES) : values.only.split(',');
const unknown = selected.filter((name) => !(name in SUITES));
if (unknown.length > 0) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
  process.exit(1);
}
const runs = Math.max(1, Number(values.runs));
const options: SuiteOptions = {
  ...(values.sample !== undefined && { sample: Math.max(1, Math.floor(Number(values.sample))) }),
  ...(values.size !== undefined && { size: values.size }),
  ...(values.stores !== undefined && { stores: values.stores }),
};
const rows: BenchRow[] = [];
for (const name of selected) {
  console.error(`running ${name} (${runs} runs)...`);
  rows.push(
    ...(await (SUITES[name] as (runs: number, options: SuiteOptions) => Promise<BenchRow[]>)(runs, options)),
  );
}
printTable(rows);
