import { BrowsingSignals, OnlineModel } from '../../src/domain/recommendations/index.js';
import type { R3Data } from '../lib/r3-data.js';
import { heapAfterGc } from '../lib/process-stats.js';

const MIB = 1024 * 1024;
const VIEWS = 1_000_000;
/** Each replay of the train sessions is dated a year later, so its visitors' sessions are new. */
const YEAR = 365 * 86_400_000;

/** What learning a million real views costs: time per view and heap kept, whole model and browsing alone. */
export interface BrowsingCost {
  readonly modelMicros: number;
  readonly browsingMicros: number;
  readonly modelMib: number;
  readonly browsingMib: number;
  readonly products: number;
}

/** The train sessions' views, replayed (as new visitors each round) until there are a million. */
function millionViews(data: R3Data): View[] {
  const views: View[] = [];
  for (let round = 0; views.length < VIEWS; round += 1) {
    for (const session of data.train) {
      for (const productId of session.products) {
        if (views.length === VIEWS) return views;
        views.push({ visitor: `${round}-${session.invoice}`, productId, at: session.at + round * YEAR });
      }
    }
  }
  return views;
}

/** Learns `views` with `learn` into what `make` builds: µs per view and MiB the result holds. */
function measure<T>(
  views: readonly View[],
  make: () => T,
  learn: (into: T, view: View) => void,
): { micros: number; mib: number; learnt: T } {
  const before = heapAfterGc();
  const learnt = make();
  const started = performance.now();
  for (const view of views) learn(learnt, view);
  const micros = ((performance.now() - started) * 1000) / views.length;
  return { micros, mib: (heapAfterGc() - before) / MIB, learnt };
}

interface View {
  readonly visitor: string;
  readonly productId: string;
  readonly at: number;
}

/**
 * Learns a million R3 views into a fresh online model (popularity, histories and browsing signals,
 * as a node does per event) and into browsing signals alone, timing each and measuring the heap
 * each holds afterwards (exact with `--expose-gc`, which `npm run bench` passes).
 */
export function browsingCost(data: R3Data): BrowsingCost {
  const views = millionViews(data);
  const browsing = measure(
    views,
    () => new BrowsingSignals(),
    (into, { visitor, productId, at }) => into.view(visitor, productId, at),
  );
  if (browsing.learnt.next.size === 0) throw new Error('nothing learnt');
  browsing.learnt.clear();
  const model = measure(
    views,
    () => new OnlineModel(),
    (into, { visitor, productId, at }) =>
      into.observe({ customer: visitor, productId, kind: 'view', quantity: 1, at }),
  );
  model.learnt.clear();
  return {
    modelMicros: model.micros,
    browsingMicros: browsing.micros,
    modelMib: model.mib,
    browsingMib: browsing.mib,
    products: data.titles.size,
  };
}
