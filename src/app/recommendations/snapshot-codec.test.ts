import { describe, expect, it } from 'vitest';
import type { StateRecord } from '../../domain/recommendations/index.js';
import { decodeState, encodeState } from './snapshot-codec.js';

/** Records of about 3 MiB of JSON in all: several parts, compressed at once. */
function manyRecords(): StateRecord[] {
  return Array.from({ length: 12_000 }, (_, index) => ['p', `item-${index}`, index * 7, 'x'.repeat(240)]);
}

async function* each(parts: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* parts;
}

describe('snapshot codec', () => {
  it('reads back every record in order from parts compressed side by side', async () => {
    const records = manyRecords();
    const encoded = await encodeState(records);
    expect(encoded.parts.length).toBeGreaterThan(2);
    expect(encoded.records).toBe(records.length);
    expect(encoded.bytes).toBe(encoded.parts.reduce((sum, part) => sum + part.byteLength, 0));
    const read: StateRecord[] = [];
    expect(await decodeState(each(encoded.parts), (record) => read.push(record))).toBe(records.length);
    expect(read).toEqual(records);
  });

  it('says when the last record is read, before the compression is done', async () => {
    const records = manyRecords();
    let taken = 0;
    function* counted(): Generator<StateRecord> {
      for (const record of records) {
        taken += 1;
        yield record;
      }
    }
    const seen: number[] = [];
    let settled = false;
    const encoding = encodeState(counted(), () => seen.push(taken)).then((encoded) => {
      settled = true;
      return encoded;
    });
    await new Promise<void>((resolve) => {
      const look = () => (seen.length > 0 ? resolve() : setImmediate(look));
      look();
    });
    expect(seen).toEqual([records.length]);
    expect(settled).toBe(false);
    expect((await encoding).records).toBe(records.length);
    expect(seen).toEqual([records.length]);
  });
});
