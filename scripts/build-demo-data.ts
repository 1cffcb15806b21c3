/**
 * Builds the demo store's compact extract of the UCI Online Retail data set (CC BY 4.0; Chen, Sain &
 * Guo 2012) from the original CSV. Usage:
 *   npm run demo:data -- [path/to/online_retail.csv.gz]   (default: online-retail/online_retail.csv.gz
 *   in the data sets folder, docs/evaluation.md)
 * Writes demo/online-retail/catalogue.ndjson.gz: every product with its most recent unit price in GBP,
 * its most common description as title, a category and colour/pattern attributes; and
 * demo/online-retail/orders.ndjson.gz: every invoice of a known customer (cancellations, whose number
 * starts with C, included) with its lines as [stockCode, quantity, unit price in pence].
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { parse } from 'csv-parse';
import { majorToMinorUnits } from '../src/domain/shared/index.js';
import { packageRoot } from '../src/adapters/files/package-root.js';
import { dataSetFile } from '../bench/lib/data-sets.js';
import { attributesOf, categoryOf, titleOf } from './online-retail-categories.js';

const PRODUCT_CODE = /^\d{5}[A-Z]*$/;

/** One invoice of a known customer, as the demo replays it. */
interface Invoice {
  invoice: string;
  customer: string;
  country?: string;
  countryName: string;
  at: string;
  lines: [string, number, number][];
}

interface ProductStats {
  latestAt: string;
  latestPrice: number;
  descriptions: Map<string, number>;
}

async function main(): Promise<void> {
  const source = resolve(process.argv[2] ?? dataSetFile('online-retail/online_retail.csv.gz'));
  const stats = new Map<string, ProductStats>();
  const invoices = new Map<string, Invoice>();
  const rows = createReadStream(source)
    .pipe(createGunzip())
    .pipe(parse({ columns: true }));
  for await (const row of rows as AsyncIterable<Record<string, string>>) {
    collectInvoiceLine(invoices, row);
    const code = (row['StockCode'] ?? '').trim().toUpperCase();
    const quantity = Number(row['Quantity']);
    const unitPrice = Number(row['UnitPrice']);
    if (
      !PRODUCT_CODE.test(code) ||
      (row['InvoiceNo'] ?? '').startsWith('C') ||
      !(quantity > 0) ||
      !(unitPrice > 0)
    )
      continue;
    const at = row['InvoiceDate'] ?? '';
    let entry = stats.get(code);
    if (entry === undefined)
      stats.set(code, (entry = { latestAt: '', latestPrice: 0, descriptions: new Map() }));
    // Dates are "YYYY-MM-DD HH:MM:SS", so text order is time order; a later line replaces an equal time.
    if (at >= entry.latestAt) {
      entry.latestAt = at;
      entry.latestPrice = unitPrice;
    }
    const description = (row['Description'] ?? '').trim();
    if (description !== '')
      entry.descriptions.set(description, (entry.descriptions.get(description) ?? 0) + 1);
  }

  const products = [...stats.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([id, entry]) => {
      const description = mostCommon(entry.descriptions);
      const amount = majorToMinorUnits(entry.latestPrice, 'GBP');
      if (description === undefined || amount === undefined || amount === 0) return [];
      return [
        {
          id,
          title: titleOf(description),
          categories: [categoryOf(description)],
          attributes: attributesOf(description),
          price: { amount, currency: 'GBP' },
        },
      ];
    });
  const target = resolve(packageRoot(), 'demo/online-retail/catalogue.ndjson.gz');
  const lines = products.map((product) => `${JSON.stringify(product)}\n`);
  await pipeline(Readable.from(lines), createGzip({ level: 9 }), createWriteStream(target));
  const orders = [...invoices.values()].map((invoice) => `${JSON.stringify(invoice)}\n`);
  const ordersTarget = resolve(packageRoot(), 'demo/online-retail/orders.ndjson.gz');
  await pipeline(Readable.from(orders), createGzip({ level: 9 }), createWriteStream(ordersTarget));
  console.log(`wrote ${orders.length} invoices to ${ordersTarget}`);
  const byCategory = new Map<string, number>();
  for (const product of products)
    byCategory.set(
      product.categories[0] as string,
      (byCategory.get(product.categories[0] as string) ?? 0) + 1,
    );
  console.log(`wrote ${products.length} products to ${target}`);
  console.log(
    [...byCategory.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `${c}: ${n}`)
      .join('\n'),
  );
}

/** Adds a CSV line to its invoice, for lines of known customers; the file lists each invoice's lines together. */
function collectInvoiceLine(invoices: Map<string, Invoice>, row: Record<string, string>): void {
  const customer = (row['CustomerID'] ?? '').replace(/\.0$/, '');
  if (customer === '') return;
  const number = row['InvoiceNo'] ?? '';
  const unitPence = majorToMinorUnits(Number(row['UnitPrice']), 'GBP');
  if (unitPence === undefined) throw new Error(`invoice ${number}: unreadable price ${row['UnitPrice']}`);
  let invoice = invoices.get(number);
  if (invoice === undefined) {
    const countryName = row['Country'] ?? '';
    const country = COUNTRY_CODES[countryName];
    // Invoice times carry no zone; the shop is in the UK, and the demo shifts them all anyway.
    const at = `${(row['InvoiceDate'] ?? '').replace(' ', 'T')}Z`;
    invoice = {
      invoice: number,
      customer,
      ...(country !== undefined && { country }),
      countryName,
      at,
      lines: [],
    };
    invoices.set(number, invoice);
  }
  invoice.lines.push([
    (row['StockCode'] ?? '').trim().toUpperCase(),
    Math.abs(Number(row['Quantity'])),
    unitPence,
  ]);
}

/** ISO 3166 codes of the data set's countries; Channel Islands, European Community and Unspecified have none. */
const COUNTRY_CODES: Readonly<Record<string, string>> = {
  'United Kingdom': 'GB',
  Germany: 'DE',
  France: 'FR',
  EIRE: 'IE',
  Spain: 'ES',
  Netherlands: 'NL',
  Belgium: 'BE',
  Switzerland: 'CH',
  Portugal: 'PT',
  Australia: 'AU',
  Norway: 'NO',
  Italy: 'IT',
  Finland: 'FI',
  Cyprus: 'CY',
  Sweden: 'SE',
  Austria: 'AT',
  Denmark: 'DK',
  Japan: 'JP',
  Poland: 'PL',
  USA: 'US',
  Israel: 'IL',
  Singapore: 'SG',
  Iceland: 'IS',
  Canada: 'CA',
  Greece: 'GR',
  Malta: 'MT',
  'United Arab Emirates': 'AE',
  RSA: 'ZA',
  Lebanon: 'LB',
  Lithuania: 'LT',
  Brazil: 'BR',
  'Czech Republic': 'CZ',
  Bahrain: 'BH',
  'Saudi Arabia': 'SA',
};

function mostCommon(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

await main();
