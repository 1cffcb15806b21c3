import type { Store, TrackEventPage } from '../../ports/store.js';

/** How the log is read page by page: events a page, whether the next is asked for early, and profiles a read. */
export interface LogPaging {
  readonly events: number;
  readonly readAhead: boolean;
  /** Profiles whose whereabouts are read a query (a whole document parsed each, in one go). */
  readonly profiles: number;
}

/**
 * Paging for a store. On SQLite small pages, one at a time: a page is read and parsed in one go (it
 * answers synchronously) while requests wait. On a store reached over the network each page is a
 * round trip, so the next is asked for while one is learnt (one page at a time of 200 made a
 * PostgreSQL node's start a thousand round trips per 200k events); a page is parsed in one go when
 * it arrives, while requests wait, so pages stay at 1,000 events (3-4 ms of CPU; 5,000 took 15-27).
 * The profiles a page names are read a few at a time for the same reason: 200 of the demo's took
 * 28 ms in one read on SQLite; a round trip each 50 would slow a PostgreSQL read of millions.
 */
export function logPagingFor(storeKind: string): LogPaging {
  return storeKind === 'sqlite'
    ? { events: 200, readAhead: false, profiles: 50 }
    : { events: 1_000, readAhead: true, profiles: 250 };
}

/** The log's track events after position `after`, page by page, in order. */
export async function* trackEventPages(
  store: Pick<Store, 'scanTrackEvents'>,
  after: number,
  paging: Pick<LogPaging, 'events' | 'readAhead'>,
): AsyncGenerator<TrackEventPage> {
  const read = (from: number) => store.scanTrackEvents(from, paging.events);
  for (let page: TrackEventPage | undefined = await read(after); page !== undefined;) {
    const ahead: Promise<TrackEventPage> | undefined =
      paging.readAhead && page.next !== undefined ? read(page.next) : undefined;
    // A reader that stops early (its learning failed) lets the page read ahead go, rejected or not.
    void ahead?.catch(() => undefined);
    yield page;
    page = page.next === undefined ? undefined : await (ahead ?? read(page.next));
  }
}
