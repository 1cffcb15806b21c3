import type { CustomerHistory } from './customer-history.js';

/** The rows EASE trains on: the most bought items (by distinct customers), and each customer's set of them. */
export interface EaseTrainingSet {
  readonly items: string[];
  readonly rows: Int32Array[];
}

/**
 * Picks the `maxItems` items bought by the most customers (the dense model's memory and time grow
 * with their square and cube) and writes each customer's purchases as indexes into them.
 */
export function easeTrainingSet(customers: Iterable<CustomerHistory>, maxItems: number): EaseTrainingSet {
  const histories = [...customers];
  const buyers = new Map<string, number>();
  for (const history of histories)
    for (const item of history.purchases.keys()) buyers.set(item, (buyers.get(item) ?? 0) + 1);
  const items = [...buyers]
    .filter(([, count]) => count >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxItems)
    .map(([item]) => item);
  const index = new Map(items.map((item, position) => [item, position]));
  const rows: Int32Array[] = [];
  // Plain loops into one scratch buffer: this runs on the event loop while requests wait.
  let scratch = new Int32Array(256);
  for (const history of histories) {
    if (scratch.length < history.purchases.size) scratch = new Int32Array(history.purchases.size);
    let length = 0;
    for (const item of history.purchases.keys()) {
      const position = index.get(item);
      if (position !== undefined) scratch[length++] = position;
    }
    if (length > 0) rows.push(scratch.slice(0, length));
  }
  return { items, rows };
}
