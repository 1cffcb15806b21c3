/**
 * Measures how often the demo catalogue's categories are ones a shopper would accept (issue 15).
 * Usage, after `npm run build`:
 *   node dist/scripts/category-sample.js draw    writes a seeded sample of 200 products to judge
 *   node dist/scripts/category-sample.js score   compares the judged sample with the shipped catalogue
 * The sample is drawn with a fixed seed from the catalogue sorted by id, so it is the same 200 products
 * on every run. A person judges each product's category by reading its title (docs/evaluation.md,
 * "Demo categories"); `score` records the current category of each sampled product as `after`, keeps
 * the verdict where the category did not change, and lists the ones that need judging again.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readNdjsonFile } from '../src/adapters/files/ndjson.js';
import { packageRoot } from '../src/adapters/files/package-root.js';
import { seededRandom } from '../bench/lib/retail-data.js';

const SAMPLE_SIZE = 200;
const SEED = 15;
const CATALOGUE = resolve(packageRoot(), 'demo/online-retail/catalogue.ndjson.gz');
const JUDGEMENTS = resolve(packageRoot(), 'scripts/cases/category-judgements.json');

type Verdict = 'right' | 'wrong';

/** One sampled product: the category it was given and whether a shopper would accept it. */
export interface CategoryJudgement {
  id: string;
  title: string;
  /** The category the judge would have given it. */
  expected: string;
  before: { category: string; verdict: Verdict | null };
  after?: { category: string; verdict: Verdict | null };
}

interface CatalogueRow {
  id: string;
  title: string;
  categories: string[];
}

/** A partial Fisher–Yates shuffle of the catalogue in id order, so the same seed draws the same ids. */
function drawSample(rows: readonly CatalogueRow[]): CatalogueRow[] {
  const pool = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const random = seededRandom(SEED);
  for (let index = 0; index < SAMPLE_SIZE; index += 1) {
    const pick = index + Math.floor(random() * (pool.length - index));
    [pool[index], pool[pick]] = [pool[pick] as CatalogueRow, pool[index] as CatalogueRow];
  }
  return pool.slice(0, SAMPLE_SIZE);
}

function share(verdicts: readonly (Verdict | null)[]): string {
  const right = verdicts.filter((verdict) => verdict === 'right').length;
  return `${right}/${verdicts.length} = ${((100 * right) / verdicts.length).toFixed(1)}%`;
}

async function main(): Promise<void> {
  const rows = await readNdjsonFile<CatalogueRow>(CATALOGUE);
  const mode = process.argv[2] ?? 'score';
  if (mode === 'draw') {
    if (existsSync(JUDGEMENTS)) throw new Error(`${JUDGEMENTS} exists; the sample is drawn once`);
    const sample: CategoryJudgement[] = drawSample(rows).map((row) => ({
      id: row.id,
      title: row.title,
      expected: '',
      before: { category: row.categories[0] ?? '', verdict: null },
    }));
    writeFileSync(JUDGEMENTS, `${JSON.stringify(sample, null, 2)}\n`);
    console.log(`wrote ${sample.length} products to judge to ${JUDGEMENTS}`);
    return;
  }
  if (mode !== 'score') throw new Error(`unknown mode ${mode}: draw or score`);
  const judged = JSON.parse(readFileSync(JUDGEMENTS, 'utf8')) as CategoryJudgement[];
  const drawn = drawSample(rows).map((row) => row.id);
  if (drawn.join() !== judged.map((entry) => entry.id).join())
    throw new Error('the judged ids are not the seeded sample of this catalogue');
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const entry of judged) {
    const category = byId.get(entry.id)?.categories[0] ?? '';
    if (entry.after?.category === category) continue;
    const verdict = category === entry.before.category ? entry.before.verdict : null;
    entry.after = { category, verdict };
  }
  writeFileSync(JUDGEMENTS, `${JSON.stringify(judged, null, 2)}\n`);
  const unjudged = judged.filter((entry) => entry.after?.verdict === null);
  for (const entry of unjudged)
    console.log(`to judge: ${entry.id} ${entry.title} → ${entry.after?.category}`);
  console.log(`before: ${share(judged.map((entry) => entry.before.verdict))} right`);
  console.log(`after:  ${share(judged.map((entry) => entry.after?.verdict ?? null))} right`);
  const changed = judged.filter((entry) => entry.after?.category !== entry.before.category).length;
  console.log(`${changed} of ${judged.length} categories changed, ${unjudged.length} still to judge`);
}

await main();
