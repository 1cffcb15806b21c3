import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';

/** One row of an import file: the record it holds, or why it could not be read. */
export type FileRow =
  | { readonly line: number; readonly record: Record<string, unknown> }
  | {
      readonly line: number;
      readonly error: { readonly code: 'invalid_json' | 'invalid_value'; readonly detail: string };
    };

export interface ProductFile {
  readonly rows: AsyncIterable<FileRow>;
  /** Bytes of the file read so far and in all (compressed bytes for .gz files). */
  progress(): { readonly done: number; readonly total: number };
}

/**
 * Streams the rows of a product file: NDJSON (`.ndjson`, `.jsonl`), each line a product as the API takes
 * it (`{ "id", "title", "price": { "amount", "currency" }, ... }`), or CSV with a header row, columns
 * `id,title,description,groupId,categories,brand,price,cost,currency,status,attributes,handle,images`
 * (categories and image URLs separated by `|`, price and cost in integer minor units, attributes as
 * a JSON object, and any `attr.<name>` column as one attribute). Either may be gzip-compressed (`.gz`).
 */
export function openProductFile(path: string, defaultCurrency: string): ProductFile {
  const total = statSync(path).size;
  let done = 0;
  // Counted inside the pipe rather than by a 'data' listener, which would start the file flowing
  // before anyone reads the rows and lose what it read.
  const counted = createReadStream(path).pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        done += chunk.length;
        callback(null, chunk);
      },
    }),
  );
  const plain = path.endsWith('.gz') ? counted.pipe(createGunzip()) : counted;
  const name = path.replace(/\.gz$/, '').toLowerCase();
  const rows = name.endsWith('.csv') ? csvRows(plain, defaultCurrency) : ndjsonRows(plain);
  return { rows, progress: () => ({ done, total }) };
}

async function* ndjsonRows(input: Readable): AsyncIterable<FileRow> {
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    line += 1;
    if (text.trim() === '') continue;
    try {
      const record = JSON.parse(text) as unknown;
      if (typeof record !== 'object' || record === null || Array.isArray(record)) {
        yield { line, error: { code: 'invalid_value', detail: 'each line must be a JSON object' } };
      } else {
        yield { line, record: record as Record<string, unknown> };
      }
    } catch (error) {
      yield { line, error: { code: 'invalid_json', detail: (error as Error).message } };
    }
  }
}

async function* csvRows(input: Readable, defaultCurrency: string): AsyncIterable<FileRow> {
  const parser = input.pipe(
    parse({ columns: true, info: true, skip_empty_lines: true, trim: true, bom: true }),
  );
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    try {
      yield { line: info.lines, record: productFromCsv(record, defaultCurrency) };
    } catch (error) {
      yield { line: info.lines, error: { code: 'invalid_value', detail: (error as Error).message } };
    }
  }
}

/** Turns a CSV record into the API's product shape; leaves odd values as text for validation to report. */
function productFromCsv(row: Record<string, string>, defaultCurrency: string): Record<string, unknown> {
  const currency = row['currency'] || defaultCurrency;
  const attributes: Record<string, unknown> = row['attributes']
    ? (JSON.parse(row['attributes']) as Record<string, unknown>)
    : {};
  for (const [column, value] of Object.entries(row)) {
    if (column.startsWith('attr.') && value !== '') attributes[column.slice(5)] = value;
  }
  const present = (column: string) => row[column] !== undefined && row[column] !== '';
  return {
    id: row['id'],
    title: row['title'],
    ...(present('description') && { description: row['description'] }),
    ...(present('groupId') && { groupId: row['groupId'] }),
    ...(present('categories') && { categories: (row['categories'] as string).split('|') }),
    ...(present('brand') && { brand: row['brand'] }),
    ...(Object.keys(attributes).length > 0 && { attributes }),
    ...(present('price') && { price: { amount: numberOrText(row['price'] as string), currency } }),
    ...(present('cost') && { cost: { amount: numberOrText(row['cost'] as string), currency } }),
    ...(present('status') && { status: row['status'] }),
    ...(present('handle') && { handle: row['handle'] }),
    // Image URLs separated by `|`, the first the main one; each described by the title.
    ...(present('images') && {
      images: (row['images'] as string).split('|').map((url) => ({ url: url.trim() })),
    }),
  };
}

function numberOrText(value: string): number | string {
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}
