import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import type { Interaction } from '../../src/domain/recommendations/index.js';
import { dataSetFile } from './data-sets.js';

/** One cleaned Online Retail line (R1's cleaning rules, docs/evaluation.md). */
export interface RetailLine {
  readonly invoice: string;
  readonly productId: string;
  readonly title: string;
  readonly quantity: number;
  /** Minor units (pence). */
  readonly unitPrice: number;
  readonly at: number;
  readonly customer: string;
  readonly country: string;
}

/**
 * R1's cleaning: no cancellations (`C…`), no lines with quantity or price ≤ 0 or without a customer,
 * only product codes (`^\d{5}[A-Za-z]*$`, upper-cased). Dates are read as UTC.
 */
export function onlineRetailLines(): RetailLine[] {
  const rows = parse<Record<string, string>>(
    gunzipSync(readFileSync(dataSetFile('online-retail/online_retail.csv.gz'))),
    {
      columns: true,
    },
  );
  const lines: RetailLine[] = [];
  for (const row of rows) {
    const invoice = row['InvoiceNo'] ?? '';
    const quantity = Number(row['Quantity']);
    const price = Number(row['UnitPrice']);
    const customerId = row['CustomerID'] ?? '';
    const code = (row['StockCode'] ?? '').toUpperCase();
    if (
      invoice.startsWith('C') ||
      !(quantity > 0) ||
      !(price > 0) ||
      customerId === '' ||
      !/^\d{5}[A-Z]*$/.test(code)
    )
      continue;
    lines.push({
      invoice,
      productId: code,
      title: row['Description'] ?? code,
      quantity,
      unitPrice: Math.round(price * 100),
      at: Date.parse(`${(row['InvoiceDate'] ?? '').replace(' ', 'T')}Z`),
      customer: String(Math.trunc(Number(customerId))),
      country: (row['Country'] ?? '').toLowerCase(),
    });
  }
  return lines.sort((a, b) => a.at - b.at);
}

/** One invoice read as one anonymous visitor's browsing session (R3). */
export interface RetailSession {
  readonly invoice: string;
  /** The invoice's time (epoch ms, UTC). */
  readonly at: number;
  /** Its products in file order, each once. */
  readonly products: readonly string[];
}

/**
 * R3's sessions: every invoice in file order, its lines as views without repeats. Cleaning as in R1
 * (no cancellations, quantity and price above 0, product codes only) except that lines without a
 * customer stay: visitors are anonymous. Also each product's first description, for its title.
 */
export function onlineRetailSessions(): { sessions: RetailSession[]; titles: Map<string, string> } {
  const rows = parse<Record<string, string>>(
    gunzipSync(readFileSync(dataSetFile('online-retail/online_retail.csv.gz'))),
    { columns: true },
  );
  const byInvoice = new Map<string, { at: number; products: string[] }>();
  const titles = new Map<string, string>();
  for (const row of rows) {
    const invoice = row['InvoiceNo'] ?? '';
    const code = (row['StockCode'] ?? '').toUpperCase();
    if (
      invoice.startsWith('C') ||
      !(Number(row['Quantity']) > 0) ||
      !(Number(row['UnitPrice']) > 0) ||
      !/^\d{5}[A-Z]*$/.test(code)
    )
      continue;
    if (!titles.has(code)) titles.set(code, (row['Description'] ?? '').trim());
    let session = byInvoice.get(invoice);
    if (session === undefined) {
      session = { at: Date.parse(`${(row['InvoiceDate'] ?? '').replace(' ', 'T')}Z`), products: [] };
      byInvoice.set(invoice, session);
    }
    if (!session.products.includes(code)) session.products.push(code);
  }
  const sessions = [...byInvoice].map(([invoice, session]) => ({ invoice, ...session }));
  return { sessions, titles };
}

export function purchaseOf(line: RetailLine): Interaction {
  return {
    customer: line.customer,
    productId: line.productId,
    kind: 'purchase',
    quantity: line.quantity,
    at: line.at,
    basket: line.invoice,
    country: line.country,
  };
}

/** The Groceries baskets, one a line. */
export function groceryBaskets(): string[][] {
  return readFileSync(dataSetFile('groceries/groceries.csv'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => [...new Set(line.split(',').map((item) => item.trim()))]);
}

/** A small seeded generator (mulberry32), so splits are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ranking metrics at k with binary gain. */
export function scoreList(
  recommended: readonly string[],
  target: ReadonlySet<string>,
  k = 10,
): { hit: number; recall: number; ndcg: number } {
  const top = recommended.slice(0, k);
  let hits = 0;
  let dcg = 0;
  top.forEach((item, rank) => {
    if (target.has(item)) {
      hits += 1;
      dcg += 1 / Math.log2(rank + 2);
    }
  });
  let ideal = 0;
  for (let rank = 0; rank < Math.min(k, target.size); rank += 1) ideal += 1 / Math.log2(rank + 2);
  return {
    hit: hits > 0 ? 1 : 0,
    recall: hits / Math.min(k, target.size),
    ndcg: ideal === 0 ? 0 : dcg / ideal,
  };
}

/** Top-10 metrics averaged over the lists scored, and the catalogue coverage of what was recommended. */
export interface ListMetrics {
  readonly hr: number;
  readonly recall: number;
  readonly ndcg: number;
  readonly coverage: number;
  /** Lists scored. */
  readonly customers: number;
}

/** Adds up {@link scoreList} over many lists. */
export class Scorecard {
  readonly #seen = new Set<string>();
  #hr = 0;
  #recall = 0;
  #ndcg = 0;
  #lists = 0;

  add(recommended: readonly string[], target: ReadonlySet<string>): void {
    recommended.forEach((item) => this.#seen.add(item));
    const scored = scoreList(recommended, target);
    this.#hr += scored.hit;
    this.#recall += scored.recall;
    this.#ndcg += scored.ndcg;
    this.#lists += 1;
  }

  /** The averages, with coverage over a catalogue of `catalogueSize` products. */
  metrics(catalogueSize: number): ListMetrics {
    return {
      hr: this.#hr / this.#lists,
      recall: this.#recall / this.#lists,
      ndcg: this.#ndcg / this.#lists,
      coverage: this.#seen.size / catalogueSize,
      customers: this.#lists,
    };
  }
}
