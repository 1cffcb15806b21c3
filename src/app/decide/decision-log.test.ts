import { describe, expect, it } from 'vitest';
import type { DecisionRecord, DecisionStore } from '../../ports/decision-store.js';
import { useApps } from '../../../test/support/app-fixture.js';
import { DecisionLog } from './decision-log.js';

const start = useApps();
const decision = (id: string): DecisionRecord => ({ id, profileId: null, at: 1, shown: '{}' });

describe('DecisionLog', () => {
  it('writes what it holds when flushed, and on close', async () => {
    const app = await start();
    const log = new DecisionLog(app.store, (error) => app.errors.push(error));
    log.record(decision('d1'));
    log.record(decision('d2'));
    await log.flush();
    expect(await app.store.getDecision('d1')).toEqual(decision('d1'));
    log.record(decision('d3'));
    await log.close();
    expect(await app.store.getDecision('d3')).toEqual(decision('d3'));
    expect(app.errors).toEqual([]);
  });

  it('writes a full batch of 500 at once, without waiting for the next flush', async () => {
    const batches: number[] = [];
    const store: DecisionStore = {
      insertDecisions: (records) => {
        batches.push(records.length);
        return Promise.resolve();
      },
      getDecision: () => Promise.resolve(undefined),
    };
    const log = new DecisionLog(store, (error) => {
      throw error;
    });
    for (let index = 0; index < 499; index += 1) log.record(decision(`d${index}`));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([]);
    log.record(decision('d499'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([500]);
    await log.close();
    expect(batches).toEqual([500]);
  });

  it('reports a failed write and keeps going', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const written: DecisionRecord[] = [];
    const store: DecisionStore = {
      insertDecisions: (records) => {
        if (fail) return Promise.reject(new Error('disk full'));
        written.push(...records);
        return Promise.resolve();
      },
      getDecision: () => Promise.resolve(undefined),
    };
    const log = new DecisionLog(store, (error) => errors.push(error));
    log.record(decision('lost'));
    await log.flush();
    expect(errors).toHaveLength(1);
    fail = false;
    log.record(decision('kept'));
    await log.close();
    expect(written.map((record) => record.id)).toEqual(['kept']);
  });

  it('loses only the decision the store refuses when a shared write fails', async () => {
    const errors: unknown[] = [];
    const written: string[] = [];
    const store: DecisionStore = {
      insertDecisions: (records) => {
        if (records.some((record) => record.id === 'refused')) return Promise.reject(new Error('refused'));
        written.push(...records.map((record) => record.id));
        return Promise.resolve();
      },
      getDecision: () => Promise.resolve(undefined),
    };
    const log = new DecisionLog(store, (error) => errors.push(error));
    for (const id of ['d1', 'refused', 'd2']) log.record(decision(id));
    await log.close();
    expect(written).toEqual(['d1', 'd2']);
    expect(errors).toHaveLength(2);
  });
});
