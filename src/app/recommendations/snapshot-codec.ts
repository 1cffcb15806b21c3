import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { StateRecordError, type StateRecord } from '../../domain/recommendations/index.js';

const compress = promisify(gzip);
const decompress = promisify(gunzip);

/** Characters of JSON lines per part before it is compressed: about a mebibyte. */
const PART_CHARS = 1 << 20;
/** Longest stretch of work on the event loop before requests get their turn, ms. */
const SLICE_MS = 8;

/** Lets requests waiting on the event loop go first. */
export const yieldToRequests = () => new Promise((resolve) => setImmediate(resolve));

/** A snapshot written as parts: each a gzip of JSON lines, one record a line. */
export interface EncodedState {
  readonly parts: Uint8Array[];
  readonly records: number;
  readonly bytes: number;
}

/**
 * Writes records as compressed parts, a few at a time: the event loop serves requests between
 * slices of serialisation, and compression runs off it (zlib's thread pool).
 */
export async function encodeState(records: Iterable<StateRecord>): Promise<EncodedState> {
  const parts: Uint8Array[] = [];
  let lines: string[] = [];
  let chars = 0;
  let count = 0;
  let bytes = 0;
  const flush = async () => {
    const part = await compress(lines.join('\n'));
    parts.push(part);
    bytes += part.byteLength;
    lines = [];
    chars = 0;
  };
  let slice = performance.now();
  for (const record of records) {
    const line = JSON.stringify(record);
    lines.push(line);
    chars += line.length + 1;
    count += 1;
    if (chars >= PART_CHARS) await flush();
    if (performance.now() - slice > SLICE_MS) {
      await yieldToRequests();
      slice = performance.now();
    }
  }
  if (lines.length > 0) await flush();
  return { parts, records: count, bytes };
}

/**
 * Reads the records of compressed parts and hands each to `apply`, in order, a slice at a time.
 * Resolves to how many there were; throws on a part that does not decompress or a line that is not
 * a record.
 */
export async function decodeState(
  parts: AsyncIterable<Uint8Array>,
  apply: (record: StateRecord) => void,
): Promise<number> {
  let count = 0;
  let slice = performance.now();
  for await (const part of parts) {
    const text = (await decompress(part)).toString('utf8');
    for (const line of text.split('\n')) {
      const record: unknown = JSON.parse(line);
      if (!Array.isArray(record)) throw new StateRecordError('a line is not a record');
      apply(record);
      count += 1;
      if (performance.now() - slice > SLICE_MS) {
        await yieldToRequests();
        slice = performance.now();
      }
    }
  }
  return count;
}
