import { describe, expect, it } from 'vitest';
import { Readiness } from './readiness.js';

describe('Readiness', () => {
  it('is ready with nothing tracked', () => {
    expect(new Readiness().blockers()).toEqual([]);
  });

  it('names each task in progress until it settles, and passes its value through', async () => {
    const readiness = new Readiness();
    let finish: (value: number) => void = () => undefined;
    const work = readiness.track('loading', new Promise<number>((resolve) => (finish = resolve)));
    const other = readiness.track('demo load', Promise.resolve('done'));
    expect(readiness.blockers()).toHaveLength(2);
    await expect(other).resolves.toBe('done');
    expect(readiness.blockers()).toHaveLength(1);
    finish(7);
    await expect(work).resolves.toBe(7);
    expect(readiness.blockers()).toEqual([]);
  });

  it('stays unready after a failed task, and the failure still reaches the caller', async () => {
    const readiness = new Readiness();
    const failure = new Error('store unreachable');
    await expect(readiness.track('migrations', Promise.reject(failure))).rejects.toBe(failure);
    expect(readiness.blockers()).toHaveLength(1);
    await readiness.track('later work', Promise.resolve());
    expect(readiness.blockers()).toHaveLength(1);
  });
});
