import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { PAUSE, StateRecordError, type Pause, type StateRecord } from '../../domain/recommendations/index.js';
import { FairSlices } from '../yield-to-requests.js';

/** Characters of JSON lines per part before it is compressed: about a mebibyte. */
const PART_CHARS = 1 << 20;
/**
 * zlib's output buffer: room for a whole part. zlib hands each full buffer back to the event loop
 * before it goes on, so with its default of 16 KiB a part took 20 to 70 turns of the loop; on a busy
 * node (a turn of 30 ms) a part took 0.6 s to compress and 2 s to decompress, against 0.07 s in one.
 */
const ZLIB_OPTIONS = { chunkSize: 2 * PART_CHARS };
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
const compress = (text: string) => gzipAsync(text, ZLIB_OPTIONS);
const decompress = (part: Uint8Array) => gunzipAsync(part, ZLIB_OPTIONS);

/** A snapshot written as parts: each a gzip of JSON lines, one record a line. */
export interface EncodedState {
  readonly parts: Uint8Array[];
  readonly records: number;
  readonly bytes: number;
}

/** Parts being compressed at once, at most: the thread pool also serves requests (gzip bodies, fs). */
const PARTS_IN_FLIGHT = 3;

export interface EncodeOptions {
  /**
   * Called once the last record is serialised, before the last parts are compressed: what the records
   * are read from is free again from then on. (Before that, the reading waits whenever
   * `PARTS_IN_FLIGHT` parts are being compressed.)
   */
  readonly whenRead?: () => void;
  /** Compresses a part's text (gzip off the event loop unless replaced). */
  readonly compress?: (text: string) => Promise<Uint8Array>;
  /** The turns the serialisation takes with requests (fair slices unless replaced). */
  readonly slices?: FairSlices;
}

/**
 * Writes records as compressed parts, a few at a time: the event loop serves requests between fair
 * slices of serialisation, and compression runs off it (zlib's thread pool), a few parts at once
 * while the next are serialised.
 */
export async function encodeState(
  records: Iterable<StateRecord | Pause>,
  options: EncodeOptions = {},
): Promise<EncodedState> {
  const compressText = options.compress ?? compress;
  const parts: Promise<Uint8Array>[] = [];
  let lines: string[] = [];
  let chars = 0;
  let count = 0;
  // The records' source (a model held still) waits for compression only when more than a few parts
  // are behind; a failure is met when the part is awaited.
  const compressLines = () => {
    const part = compressText(lines.join('\n'));
    part.catch(() => undefined);
    parts.push(part);
    lines = [];
    chars = 0;
  };
  // Before another part starts: the oldest of those in flight is done.
  const roomForAnother = () => parts[parts.length - PARTS_IN_FLIGHT];
  const slices = options.slices ?? new FairSlices();
  for (const record of records) {
    if (record === PAUSE) {
      if (slices.due) await slices.giveWay();
      continue;
    }
    const line = JSON.stringify(record);
    lines.push(line);
    chars += line.length + 1;
    count += 1;
    if (chars >= PART_CHARS) {
      await roomForAnother();
      compressLines();
    }
    if (slices.due) await slices.giveWay();
  }
  // Every record is serialised: the source is free before the last part waits for its turn.
  options.whenRead?.();
  if (lines.length > 0) {
    await roomForAnother();
    compressLines();
  }
  const compressed = await Promise.all(parts);
  return {
    parts: compressed,
    records: count,
    bytes: compressed.reduce((sum, part) => sum + part.byteLength, 0),
  };
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
  const slices = new FairSlices();
  for await (const part of parts) {
    const text = (await decompress(part)).toString('utf8');
    for (const line of text.split('\n')) {
      const record: unknown = JSON.parse(line);
      if (!Array.isArray(record)) throw new StateRecordError('a line is not a record');
      apply(record);
      count += 1;
      if (slices.due) await slices.giveWay();
    }
  }
  return count;
}
