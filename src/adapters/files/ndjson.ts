import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

/** Reads a whole NDJSON file (gzip-compressed when it ends in .gz) into memory, one value per line. */
export async function readNdjsonFile<T>(path: string): Promise<T[]> {
  const raw = createReadStream(path);
  const input = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const values: T[] = [];
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line.trim() !== '') values.push(JSON.parse(line) as T);
  }
  return values;
}
