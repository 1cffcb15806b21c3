import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PAUSE, type StateRecord } from '../../domain/recommendations/index.js';
import { FairSlices } from '../yield-to-requests.js';
import { decodeState, encodeState } from './snapshot-codec.js';

/** Records of about 10 MiB of JSON in all: ten parts or so. */
function manyRecords(): StateRecord[] {
  return Array.from({ length: 40_000 }, (_, index) => ['p', `item-${index}`, index * 7, 'x'.repeat(240)]);
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

  it('writes no pause, and gives way at one when its slice is spent', async () => {
    const records: StateRecord[] = [
      ['x', 1],
      ['p', 'all', []],
    ];
    let turns = 0;
    const slices = new FairSlices({ minMs: 0, maxMs: 0, yieldTo: async () => void (turns += 1) });
    const encoded = await encodeState(
      [PAUSE, PAUSE, records[0] as StateRecord, PAUSE, records[1] as StateRecord],
      {
        slices,
      },
    );
    expect(turns).toBe(5);
    expect(encoded.records).toBe(2);
    const read: StateRecord[] = [];
    await decodeState(each(encoded.parts), (record) => read.push(record));
    expect(read).toEqual(records);
  });

  it('lets the source go once the last record is read, while parts are still being compressed', async () => {
    const records = manyRecords();
    let taken = 0;
    function* counted(): Generator<StateRecord> {
      for (const record of records) {
        taken += 1;
        yield record;
      }
    }
    // Compression that finishes only when the test says so.
    const pending: (() => void)[] = [];
    let mostInFlight = 0;
    const compress = (text: string) =>
      new Promise<Uint8Array>((resolve) => {
        pending.push(() => resolve(gzipSync(text)));
        mostInFlight = Math.max(mostInFlight, pending.length);
      });
    const takenWhenRead: number[] = [];
    const compressingWhenRead: number[] = [];
    const encoding = encodeState(counted(), {
      compress,
      whenRead: () => {
        takenWhenRead.push(taken);
        compressingWhenRead.push(pending.length);
      },
    });
    // At most 3 parts are compressed at once: the reading waits for the oldest beyond that.
    const takenWhileFull: number[] = [];
    while (takenWhenRead.length === 0) {
      for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      takenWhileFull.push(taken);
      pending.shift()?.();
    }
    expect(mostInFlight).toBe(3);
    // While three were in flight the reading stood still: four parts' worth of records (~4,000 each)
    // before the first finished compression, then a part's worth at most before each next one.
    const steps = takenWhileFull.map((value, index) => value - (takenWhileFull[index - 1] ?? 0));
    expect(steps[0]).toBeLessThan(16_500);
    expect(Math.max(...steps.slice(1))).toBeLessThan(4_500);
    expect(takenWhenRead).toEqual([records.length]);
    expect(compressingWhenRead[0]).toBeGreaterThan(0);
    let settled = false;
    const encodedOrNot = encoding.finally(() => (settled = true));
    while (!settled) {
      await new Promise((resolve) => setImmediate(resolve));
      pending.shift()?.();
    }
    const encoded = await encodedOrNot;
    expect(encoded.records).toBe(records.length);
    const read: StateRecord[] = [];
    await decodeState(each(encoded.parts), (record) => read.push(record));
    expect(read).toEqual(records);
  });
});
