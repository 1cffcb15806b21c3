import { describe, expect, it } from 'vitest';
import type { ExperimentStore, ImpressionCount } from '../../ports/experiment-store.js';
import { ExposureLog } from './exposure-log.js';

describe('the exposure log', () => {
  it('writes a busy second’s impressions in parts of 100 units, every one of them once', async () => {
    const writes: ImpressionCount[][] = [];
    const store: Pick<ExperimentStore, 'recordExposures' | 'addImpressions'> = {
      addImpressions: (entries) => {
        writes.push([...entries]);
        return Promise.resolve();
      },
      recordExposures: () => Promise.resolve(0),
    };
    const log = new ExposureLog(store, (error) => {
      throw error;
    });
    for (let unit = 0; unit < 250; unit += 1) log.recordImpression('exp-1', [`k${unit}`]);
    log.recordImpression('exp-1', ['k0']);
    await log.close();
    expect(writes.map((entries) => entries.length)).toEqual([100, 100, 50]);
    const written = writes.flat();
    expect(new Set(written.map((entry) => entry.unitKeys[0])).size).toBe(250);
    expect(written.find((entry) => entry.unitKeys[0] === 'k0')?.impressions).toBe(2);
  });
});
