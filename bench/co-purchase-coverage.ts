/**
 * What EASE's co-purchase counts hold at a history size, without a node: the scale suite's shop's
 * orders, each customer's first purchase of an item counted against their items before it, as the
 * online model counts them. Prints the pairs kept, their memory (heap and typed arrays, after a full
 * collection), and how many of the `dense` items EASE would cover are the most bought of all.
 * With `launch` (a share of the history, 0.6 say), one product in a hundred (`p7`, `p107`, ...) is
 * launched there: its orders before are left out. Of the most bought, those launched and how many
 * EASE covers show whether a product that sells well from a late start gets in.
 * `node --expose-gc dist/bench/co-purchase-coverage.js <size> [pairs bound] [dense items] [launch]`.
 */
import { CoPurchaseCounts, MAX_CO_PURCHASE_PAIRS } from '../src/domain/recommendations/index.js';
import { SHOP_SIZES, shopBatches } from './lib/scale-shop.js';

interface ShopEvent {
  readonly userId: string;
  readonly event: string;
  readonly properties: { readonly products?: readonly { readonly product_id: string }[] };
}

const [sizeName = 'S', boundText, denseText = '2000', launchText] = process.argv.slice(2);
const size = SHOP_SIZES[sizeName];
if (size === undefined) throw new Error(`unknown size ${sizeName}`);
const bound = boundText === undefined ? MAX_CO_PURCHASE_PAIRS : Number(boundText);
const dense = Number(denseText);
const launchAt = launchText === undefined ? undefined : Number(launchText) * size.events;
const isLaunched = (item: string) => Number(item.slice(1)) % 100 === 7;
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const inUse = () => {
  collect();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

const before = inUse();
const counts = new CoPurchaseCounts(bound);
// Each customer's items in the order first bought, as a history holds them (a list that grows).
const bought = new Map<string, { seen: Set<string>; list: string[] }>();
const started = performance.now();
let slowestMs = 0;
let seen = 0;
for (const body of shopBatches(size, 400)) {
  for (const event of (JSON.parse(body) as { batch: ShopEvent[] }).batch) {
    seen += 1;
    if (event.event !== 'Order Completed') continue;
    const launched = launchAt === undefined || seen >= launchAt;
    let items = bought.get(event.userId);
    if (items === undefined) bought.set(event.userId, (items = { seen: new Set(), list: [] }));
    for (const { product_id: item } of event.properties.products ?? []) {
      if (items.seen.has(item) || (!launched && isLaunched(item))) continue;
      const before = performance.now();
      counts.addFirst(item, items.list);
      slowestMs = Math.max(slowestMs, performance.now() - before);
      items.seen.add(item);
      items.list.push(item);
    }
  }
}
const learntMs = performance.now() - started;
const products = new Set([...bought.values()].flatMap((items) => items.list));
bought.clear();
const bytes = inUse() - before;
const covered = counts.trainingSet(dense)?.items ?? [];
const mostBought = [...products]
  .filter((item) => counts.buyersOf(item) >= 2)
  .sort((a, b) => counts.buyersOf(b) - counts.buyersOf(a) || (a < b ? -1 : 1))
  .slice(0, dense);
const coveredSet = new Set(covered);
const launchedAmongMost = mostBought.filter(isLaunched);
console.log(
  JSON.stringify({
    size: size.name,
    bound,
    pairs: counts.pairs,
    mib: Math.round(bytes / 2 ** 20),
    bytesPerPair: Math.round(bytes / Math.max(1, counts.pairs)),
    covered: covered.length,
    amongMostBought: mostBought.filter((item) => coveredSet.has(item)).length,
    buyersOfLastMostBought: counts.buyersOf(mostBought.at(-1) ?? ''),
    buyersOfLastCovered: counts.buyersOf(covered.at(-1) ?? ''),
    ...(launchAt !== undefined && {
      launchedAmongMostBought: launchedAmongMost.length,
      launchedCovered: launchedAmongMost.filter((item) => coveredSet.has(item)).length,
    }),
    learntSeconds: Math.round(learntMs / 100) / 10,
    // A prune of the pairs runs inside the purchase that passes the bound: the longest stall.
    slowestPurchaseMs: Math.round(slowestMs),
  }),
);
