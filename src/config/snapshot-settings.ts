/**
 * The settings of the recommendation state's memory and snapshots (a restart replays the event log
 * only after one).
 */
import type { Parsed } from './parsers.js';

const wholeNumber =
  (max: number, unit: string) =>
  (raw: string): Parsed<number> =>
    /^\d{1,9}$/.test(raw) && Number(raw) <= max
      ? { value: Number(raw) }
      : { problem: `must be a whole number of ${unit} from 0 to ${max}` };

/** Read by `SETTINGS` in schema.ts, which lists them with the others. */
export const SNAPSHOT_SETTINGS = [
  {
    env: 'ATTUNE_CUSTOMER_CACHE_MIB',
    key: 'customerCacheMib',
    description:
      'memory for the state of active customers on each node, MiB (an estimate): half for profiles and their ids, half for the histories recommendations learn from; the least recently used leave first and load back from the store when needed',
    defaultText: '256',
    parse: (raw = '256', env: Readonly<Record<string, string | undefined>> = {}): Parsed<number> =>
      // The profiles' own budget it replaced must not be ignored without a word.
      env['ATTUNE_PROFILE_CACHE_MIB'] !== undefined
        ? {
            problem:
              'now bounds profiles and histories together; ATTUNE_PROFILE_CACHE_MIB is no longer read: unset it and set this to the total',
          }
        : /^\d{1,7}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 1_000_000
          ? { value: Number(raw) }
          : { problem: 'must be a whole number of MiB from 1 to 1000000' },
  },
  {
    env: 'ATTUNE_SNAPSHOTS',
    key: 'snapshots',
    description:
      'snapshots of the recommendation state in the store, so a restart replays only the events after the newest: on or off (off: the whole log is replayed)',
    defaultText: 'on',
    parse: (raw = 'on'): Parsed<boolean> =>
      raw === 'on' || raw === 'off' ? { value: raw === 'on' } : { problem: 'must be on or off' },
  },
  {
    env: 'ATTUNE_SNAPSHOT_MINUTES',
    key: 'snapshotMinutes',
    description:
      'minutes between snapshots, when anything was learnt, logged or erased since the last (and one on every graceful stop); 0: none on a schedule',
    defaultText: '15',
    parse: (raw = '15') => wholeNumber(10_080, 'minutes')(raw),
  },
  {
    env: 'ATTUNE_SNAPSHOT_EVENTS',
    key: 'snapshotEvents',
    description: 'a snapshot also once this many events have been learnt since the last; 0: none by count',
    defaultText: '100000',
    parse: (raw = '100000') => wholeNumber(1_000_000_000, 'events')(raw),
  },
] as const;
