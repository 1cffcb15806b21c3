/**
 * `npm run bench [-- --only catalogue] [--runs 3]`: runs the benchmark suites and prints one table of
 * measured figures beside their references. Benchmarks are never part of the test run.
 */
import { parseArgs } from 'node:util';
import { printTable, type BenchRow } from './lib/report.js';
import { catalogueSuite } from './suites/catalogue.js';
import { ingestionSuite } from './suites/ingestion.js';
import { profileMemorySuite } from './suites/profile-memory.js';
import { segmentsSuite } from './suites/segments.js';
import { pricingSuite } from './suites/pricing.js';
import { promotionsSuite } from './suites/promotions.js';
import { completeJourneySuite } from './suites/complete-journey.js';
import { r1Suite, r2Suite } from './suites/recommendations-quality.js';
import { recommendationServingSuite } from './suites/recommendations-serving.js';
import { decideScalingSuite, decideSuite } from './suites/decide.js';

const SUITES: Record<string, (runs: number) => Promise<BenchRow[]>> = {
  catalogue: catalogueSuite,
  ingestion: ingestionSuite,
  profiles: profileMemorySuite,
  segments: segmentsSuite,
  pricing: pricingSuite,
  promotions: promotionsSuite,
  p1: completeJourneySuite,
  r1: r1Suite,
  r2: r2Suite,
  recs: recommendationServingSuite,
  decide: decideSuite,
  'decide-scaling': decideScalingSuite,
};

const { values } = parseArgs({
  options: { only: { type: 'string' }, runs: { type: 'string', default: '3' } },
});
const selected = values.only === undefined ? Object.keys(SUITES) : values.only.split(',');
const unknown = selected.filter((name) => !(name in SUITES));
if (unknown.length > 0) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
  process.exit(1);
}
const runs = Math.max(1, Number(values.runs));
const rows: BenchRow[] = [];
for (const name of selected) {
  console.error(`running ${name} (${runs} runs)...`);
  rows.push(...(await (SUITES[name] as (runs: number) => Promise<BenchRow[]>)(runs)));
}
printTable(rows);
