import {
  CustomerHistories,
  historyFrom,
  recordInHistory,
  type CustomerHistory,
} from '../../src/domain/recommendations/index.js';
import { formatNumber, type BenchRow } from '../lib/report.js';
import { shopBatches, SHOP_SIZES } from '../lib/scale-shop.js';
import { heapAfterGc } from '../lib/process-stats.js';

/** Events of the XL shop read: 1M customers, so most histories are a few events long, as at scale. */
const XL_EVENTS = 1_200_000;

/**
 * Heap taken by customers' recommendation histories against what the cache's estimate says, the
 * estimate its budget is kept by: histories of the XL shop's first events (its batches parsed as a
 * node parses them), and histories of fixed shapes. A ratio near 1 keeps
 * `ATTUNE_CUSTOMER_CACHE_MIB` honest.
 */
export async function historyMemorySuite(): Promise<BenchRow[]> {
  if ((globalThis as { gc?: unknown }).gc === undefined)
    throw new Error('run the benchmarks with node --expose-gc');
  const rows = [row('the XL shop', measure(scaleShopHistories))];
  for (const [views, purchases] of [
    [1, 0],
    [20, 0],
    [0, 1],
    [0, 3],
    [3, 2],
    [0, 100],
  ] as const) {
    rows.push(
      row(
        `${plural(views, 'view')}, ${plural(purchases, 'order')}`,
        measure((histories) => shaped(histories, views, purchases)),
      ),
    );
    await Promise.resolve();
  }
  return rows;
}

function row(
  what: string,
  { bytes, estimate, held }: { bytes: number; estimate: number; held: number },
): BenchRow {
  return {
    suite: 'histories',
    name: `heap per customer history, ${what}`,
    measured: `${formatNumber(bytes / held)} bytes`,
    note: `estimated at ${formatNumber(estimate / held)} (heap ÷ estimate ${(bytes / estimate).toFixed(2)}), ${formatNumber(held)} histories`,
  };
}

function measure(fill: (histories: CustomerHistories) => void): {
  bytes: number;
  estimate: number;
  held: number;
} {
  const before = heapAfterGc();
  const histories = new CustomerHistories();
  fill(histories);
  return { bytes: heapAfterGc() - before, estimate: histories.bytes, held: histories.size };
}

/** Every customer's history from the XL shop's first events, learnt as the online model learns them. */
function scaleShopHistories(histories: CustomerHistories): void {
  for (const body of shopBatches(
    { ...(SHOP_SIZES['XL'] as (typeof SHOP_SIZES)[string]), events: XL_EVENTS },
    400,
  )) {
    for (const event of (JSON.parse(body) as { batch: ShopEvent[] }).batch) {
      const at = Date.parse(event.timestamp);
      const history = historyOf(histories, event.userId);
      if (event.event === 'Order Completed')
        for (const line of event.properties.products ?? [])
          recordInHistory(history, {
            kind: 'purchase',
            productId: line.product_id,
            quantity: line.quantity,
            at,
            basket: event.properties.order_id,
          });
      else
        recordInHistory(history, {
          kind: event.event === 'Product Viewed' ? 'view' : 'cart',
          productId: event.properties.product_id as string,
          quantity: 1,
          at,
        });
      histories.resize(event.userId);
    }
  }
}

interface ShopEvent {
  userId: string;
  timestamp: string;
  event: string;
  properties: {
    product_id?: string;
    order_id: string;
    products?: { product_id: string; quantity: number }[];
  };
}

/** 100,000 histories of `views` views and `purchases` one-line orders, ids parsed from JSON. */
function shaped(histories: CustomerHistories, views: number, purchases: number): void {
  const at = Date.parse('2026-06-01T00:00:00Z');
  for (let customer = 0; customer < 100_000; customer += 1) {
    const history = historyOf(histories, `c${customer}`);
    for (let view = 0; view < views; view += 1)
      recordInHistory(history, {
        kind: 'view',
        productId: parsed(`p${(customer * 7 + view * 13) % 50_000}`),
        quantity: 1,
        at,
      });
    for (let order = 0; order < purchases; order += 1)
      recordInHistory(history, {
        kind: 'purchase',
        productId: parsed(`p${(customer * 11 + order * 17) % 50_000}`),
        quantity: 1,
        at: at + order,
        basket: parsed(`order-${customer}-${order}`),
      });
    histories.resize(`c${customer}`);
  }
}

function historyOf(histories: CustomerHistories, customer: string): CustomerHistory {
  const held = histories.get(customer);
  if (held !== undefined) return held;
  const history = historyFrom([]);
  histories.set(customer, history);
  return history;
}

/** A string as a node gets it from a request body (V8 shares short ones it parses). */
function parsed(text: string): string {
  return JSON.parse(`"${text}"`) as string;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
