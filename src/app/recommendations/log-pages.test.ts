import { describe, expect, it } from 'vitest';
import type { StoredEvent, TrackEventPage } from '../../ports/store.js';
import { trackEventPages, type LogPaging } from './log-pages.js';

/** A log of `length` track events at positions 1..length, and the reads asked of it, in order. */
function logOf(length: number, failAfter?: number) {
  const reads: number[] = [];
  const store = {
    scanTrackEvents(after: number, limit: number): Promise<TrackEventPage> {
      reads.push(after);
      if (failAfter !== undefined && after >= failAfter) return Promise.reject(new Error('connection lost'));
      const events: StoredEvent[] = [];
      for (let seq = after + 1; seq <= Math.min(length, after + limit); seq += 1)
        events.push({
          seq,
          profileId: `p${seq}`,
          event: { type: 'track', event: 'Product Viewed' } as never,
        });
      const last = events[events.length - 1];
      return Promise.resolve({
        events,
        next: events.length < limit || last === undefined ? undefined : last.seq,
      });
    },
  };
  return { store, reads };
}

async function positionsRead(
  store: ReturnType<typeof logOf>['store'],
  after: number,
  paging: Pick<LogPaging, 'events' | 'readAhead'>,
) {
  const seen: number[] = [];
  for await (const page of trackEventPages(store, after, paging)) seen.push(...page.events.map((e) => e.seq));
  return seen;
}

describe('reading the log page by page', () => {
  it.each([
    { events: 3, readAhead: false },
    { events: 3, readAhead: true },
  ])('gives every event after the start once, in order (%o)', async (paging) => {
    const { store } = logOf(10);
    expect(await positionsRead(store, 0, paging)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await positionsRead(store, 7, paging)).toEqual([8, 9, 10]);
    expect(await positionsRead(logOf(9).store, 0, paging)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('asks for the next page while one is being learnt only when reading ahead', async () => {
    for (const readAhead of [false, true]) {
      const { store, reads } = logOf(10);
      const pages = trackEventPages(store, 0, { events: 3, readAhead });
      await pages.next();
      // The first page is in hand and not yet learnt: has the second been asked for?
      expect(reads).toEqual(readAhead ? [0, 3] : [0]);
      await pages.return(undefined);
    }
  });

  it('lets a failed read ahead go when the reader stops early, and reports a failed read it waits for', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { store } = logOf(10, 3);
      const pages = trackEventPages(store, 0, { events: 3, readAhead: true });
      await pages.next();
      await pages.return(undefined);
      await expect(positionsRead(logOf(10, 3).store, 0, { events: 3, readAhead: true })).rejects.toThrow(
        'connection lost',
      );
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
