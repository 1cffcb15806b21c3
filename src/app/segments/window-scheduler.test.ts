import { describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../adapters/clock/manual-clock.js';
import { WindowScheduler } from './window-scheduler.js';

function scheduler(recheck: (ids: readonly string[]) => Promise<void> = () => Promise.resolve()) {
  const clock = new ManualClock(0);
  const checked: string[][] = [];
  const errors: unknown[] = [];
  const windows = new WindowScheduler({
    clock,
    recheck: async (ids) => {
      checked.push([...ids]);
      await recheck(ids);
    },
    onError: (error) => errors.push(error),
  });
  return { clock, checked, errors, windows };
}

describe('WindowScheduler', () => {
  it('re-checks each profile at the moment it is due, earliest first, together when due together', async () => {
    const { clock, checked, windows } = scheduler();
    windows.schedule('late', 300);
    windows.schedule('early', 100);
    windows.schedule('also-early', 100);
    expect(windows.size).toBe(3);
    clock.set(99);
    await Promise.resolve();
    expect(checked).toEqual([]);
    clock.set(100);
    await vi.waitFor(() => expect(checked).toEqual([['early', 'also-early']]));
    clock.set(300);
    await vi.waitFor(() => expect(checked).toEqual([['early', 'also-early'], ['late']]));
    expect(windows.size).toBe(0);
  });

  it('keeps one entry per profile: a new time replaces the old, and null clears it', async () => {
    const { clock, checked, windows } = scheduler();
    windows.schedule('p', 100);
    windows.schedule('p', 200);
    windows.schedule('gone', 150);
    windows.schedule('gone', null);
    clock.set(150);
    await new Promise((resolve) => setImmediate(resolve));
    expect(checked).toEqual([]);
    clock.set(200);
    await vi.waitFor(() => expect(checked).toEqual([['p']]));
  });

  it('tries a failed re-check again a few seconds later', async () => {
    let failures = 1;
    const { clock, checked, errors, windows } = scheduler(() =>
      failures-- > 0 ? Promise.reject(new Error('store busy')) : Promise.resolve(),
    );
    windows.schedule('p', 10);
    clock.set(10);
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(windows.size).toBe(1);
    clock.advance(5_000);
    await vi.waitFor(() => expect(checked).toEqual([['p'], ['p']]));
    expect(windows.size).toBe(0);
  });

  it('does nothing once stopped', async () => {
    const { clock, checked, windows } = scheduler();
    windows.schedule('p', 10);
    windows.stop();
    clock.set(10);
    await new Promise((resolve) => setImmediate(resolve));
    expect(checked).toEqual([]);
  });
});
