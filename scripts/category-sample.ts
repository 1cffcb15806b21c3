/**
 * Measures how often the demo catalogue's categories are ones a shopper would accept (issue 15).
 * Usage, after `npm run build`:
 *   node dist/scripts/category-sample.js draw [holdout]    writes a seeded sample of products to judge
 *   node dist/scripts/category-sample.js score [holdout]   compares a judged sample with the shipped catalogue
 * The sample is drawn with a fixed seed from the catalogue sorted by id, so it is the same 200 products
 * on every run. The rules were improved by looking at that sample's errors, so its "after" share flatters
 * them; the holdout sample (100 other products, drawn before the rules changed and not looked at while
 * changing them) measures the change on products the rules were not fitted to. A person judges each product's category by reading its title (docs/evaluation.md,
 * "Demo categories"); `score` records the current category of each sampled product as `after`, keeps
 * the verdict where the category did not change, and lists the ones that need judging again.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readNdjsonFile } from '../src/adapters/files/ndjson.js';
import { packageRoot } from '../src/adapters/files/package-root.js';
import { seededRandom } from '../bench/lib/retail-data.js';

const CATALOGUE = resolve(packageRoot(), 'demo/online-retail/catalogue.ndjson.gz');

interface Sample {
  readonly size: number;
  readonly seed: number;
  readonly file: string;
}
const MAIN: Sample = { size: 200, seed: 15, file: 'scripts/cases/category-judgements.json' };
const HOLDOUT: Sample = { size: 100, seed: 16, file: 'scripts/cases/category-judgements-holdout.json' };

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
function drawFrom(rows: readonly CatalogueRow[], size: number, seed: number): CatalogueRow[] {
  const pool = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const random = seededRandom(seed);
  for (let index = 0; index < size; index += 1) {
    const pick = index + Math.floor(random() * (pool.length - index));
    [pool[index], pool[pick]] = [pool[pick] as CatalogueRow, pool[index] as CatalogueRow];
  }
  return pool.slice(0, size);
}

/** The main sample, or the holdout: drawn the same way from the products the main sample left out. */
function drawSample(rows: readonly CatalogueRow[], sample: Sample): CatalogueRow[] {
  if (sample === MAIN) return drawFrom(rows, MAIN.size, MAIN.seed);
  const inMain = new Set(drawFrom(rows, MAIN.size, MAIN.seed).map((row) => row.id));
  return drawFrom(
    rows.filter((row) => !inMain.has(row.id)),
    sample.size,
    sample.seed,
  );
}

function share(verdicts: readonly (Verdict | null)[]): string {
  const right = verdicts.filter((verdict) => verdict === 'right').length;
  return `${right}/${verdicts.length} = ${((100 * right) / verdicts.length).toFixed(1)}%`;
}

async function main(): Promise<void> {
  const rows = await readNdjsonFile<CatalogueRow>(CATALOGUE);
  const mode = process.argv[2] ?? 'score';
  const sample = process.argv[3] === 'holdout' ? HOLDOUT : MAIN;
  const judgements = resolve(packageRoot(), sample.file);
  if (mode === 'draw') {
    if (existsSync(judgements)) throw new Error(`${judgements} exists; the sample is drawn once`);
    const drawn: CategoryJudgement[] = drawSample(rows, sample).map((row) => ({
      id: row.id,
      title: row.title,
      expected: '',
      before: { category: row.categories[0] ?? '', verdict: null },
    }));
    writeFileSync(judgements, `${JSON.stringify(drawn, null, 2)}\n`);
    console.log(`wrote ${drawn.length} products to judge to ${judgements}`);
    return;
  }
  if (mode !== 'score') throw new Error(`unknown mode ${mode}: draw or score`);
  const judged = JSON.parse(readFileSync(judgements, 'utf8')) as CategoryJudgement[];
  const drawn = drawSample(rows, sample).map((row) => row.id);
  if (drawn.join() !== judged.map((entry) => entry.id).join())
    throw new Error('the judged ids are not the seeded sample of this catalogue');
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const entry of judged) {
    const category = byId.get(entry.id)?.categories[0] ?? '';
    if (entry.after?.category === category) continue;
    const verdict = category === entry.before.category ? entry.before.verdict : null;
    entry.after = { category, verdict };
  }
  writeFileSync(judgements, `${JSON.stringify(judged, null, 2)}\n`);
  const unjudged = judged.filter((entry) => entry.after?.verdict === null);
  for (const entry of unjudged)
    console.log(`to judge: ${entry.id} ${entry.title} → ${entry.after?.category}`);
  console.log(`before: ${share(judged.map((entry) => entry.before.verdict))} right`);
  console.log(`after:  ${share(judged.map((entry) => entry.after?.verdict ?? null))} right`);
  const changed = judged.filter((entry) => entry.after?.category !== entry.before.category).length;
  console.log(`${changed} of ${judged.length} categories changed, ${unjudged.length} still to judge`);
}

await main();
