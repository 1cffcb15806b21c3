/** The settings of journeys: marketing consent by default, how often and when customers hear from them. */
import type { FrequencyCap } from './config.js';
import type { Parsed } from './parsers.js';

const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

function parseCap(raw: string): Parsed<FrequencyCap> {
  const match = /^(\d{1,4})\/(\d{1,4})([hdw])$/.exec(raw);
  const count = Number(match?.[1]);
  const windowMs = Number(match?.[2]) * UNIT_MS[(match?.[3] ?? 'd') as keyof typeof UNIT_MS];
  return match !== null && count >= 1 && windowMs > 0
    ? { value: { count, windowMs } }
    : { problem: 'must be messages/window such as 2/7d (window in h, d or w)' };
}

function parseQuietHours(raw: string): Parsed<{ from: number; to: number } | undefined> {
  if (raw === 'off') return { value: undefined };
  const match = /^(\d{1,2})-(\d{1,2})$/.exec(raw);
  const [from, to] = [Number(match?.[1]), Number(match?.[2])];
  return match !== null && from <= 23 && to <= 23 && from !== to
    ? { value: { from, to } }
    : { problem: 'must be from-to local hours such as 21-8, or off' };
}

/** Read by `SETTINGS` in schema.ts, which lists them with the others. */
export const JOURNEY_SETTINGS = [
  {
    env: 'ATTUNE_MARKETING_CONSENT_DEFAULT',
    key: 'marketingConsentDefault',
    description: 'marketing consent (journey messages) of a customer who has not answered: granted or denied',
    defaultText: 'denied',
    parse: (raw = 'denied'): Parsed<'granted' | 'denied'> =>
      raw === 'granted' || raw === 'denied' ? { value: raw } : { problem: 'must be granted or denied' },
  },
  {
    env: 'ATTUNE_JOURNEY_FREQUENCY_CAP',
    key: 'journeyFrequencyCap',
    description: 'journey messages one customer may get in a window, across journeys (messages/window)',
    defaultText: '2/7d',
    parse: (raw = '2/7d') => parseCap(raw),
  },
  {
    env: 'ATTUNE_JOURNEY_QUIET_HOURS',
    key: 'journeyQuietHours',
    description:
      'local hours in which no journey message is sent to a customer whose time zone is known (traits.timezone), from-to; off: none',
    defaultText: '21-8',
    parse: (raw = '21-8') => parseQuietHours(raw),
  },
] as const;
