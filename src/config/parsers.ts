/** Readers of the settings' raw text, each answering a value or the problem to report. */
import type { Config, RequestBudget } from './config.js';

/** A setting's value, or why its raw text is refused. */
export type Parsed<T> = { readonly value: T } | { readonly problem: string };

/** An optional text setting that must match `pattern` when set (`rule` says how). */
export const optional =
  (pattern: RegExp, rule: string) =>
  (raw: string | undefined): Parsed<string | undefined> =>
    raw === undefined || raw === ''
      ? { value: undefined }
      : pattern.test(raw)
        ? { value: raw }
        : { problem: rule };

/** A switch: `true` or `false`, else refused. */
export function parseTrueFalse(raw: string): Parsed<boolean> {
  return raw === 'true' || raw === 'false' ? { value: raw === 'true' } : { problem: 'must be true or false' };
}

export function parseBudget(raw: string): Parsed<RequestBudget | undefined> {
  if (raw === 'off') return { value: undefined };
  const match = /^(\d{1,9})\/(\d{1,6})s$/.exec(raw);
  const requests = Number(match?.[1]);
  const windowSeconds = Number(match?.[2]);
  return match !== null && requests >= 1 && windowSeconds >= 1
    ? { value: { requests, windowSeconds } }
    : { problem: 'must be <requests>/<seconds>s (such as 3000/60s) or off' };
}

export function parseTrustProxy(raw: string): Parsed<boolean | number | readonly string[]> {
  if (raw === 'true' || raw === 'false') return { value: raw === 'true' };
  if (/^\d{1,2}$/.test(raw)) return { value: Number(raw) };
  const proxies = raw.split(',').map((part) => part.trim());
  return proxies.every((proxy) => /^[0-9A-Fa-f.:]+(\/\d{1,3})?$/.test(proxy))
    ? { value: proxies }
    : { problem: 'must be true, false, a hop count, or addresses/CIDRs separated by commas' };
}

export function streamCount(raw: string): Parsed<number | undefined> {
  if (raw === 'off') return { value: undefined };
  return /^\d{1,7}$/.test(raw) && Number(raw) >= 1
    ? { value: Number(raw) }
    : { problem: 'must be a whole number of streams, at least 1, or off' };
}

export function seconds(raw: string, min: number, max: number): Parsed<number> {
  return /^\d{1,5}$/.test(raw) && Number(raw) >= min && Number(raw) <= max
    ? { value: Number(raw) }
    : { problem: `must be a whole number of seconds from ${min} to ${max}` };
}

/** `view=1,cart=3,purchase=8`: every kind named once, each a number from 0 to 1000. */
export function parseEventWeights(raw: string): Parsed<Config['recsEventWeights']> {
  const weights: Record<string, number> = {};
  for (const part of raw.split(',')) {
    const [kind, value] = part.split('=').map((text) => text.trim());
    if (
      (kind !== 'view' && kind !== 'cart' && kind !== 'purchase') ||
      value === undefined ||
      !/^\d+(\.\d+)?$/.test(value) ||
      Number(value) > 1000 ||
      kind in weights
    ) {
      return { problem: 'must be view=<n>,cart=<n>,purchase=<n> with numbers from 0 to 1000' };
    }
    weights[kind] = Number(value);
  }
  const { view, cart, purchase } = weights;
  return view === undefined || cart === undefined || purchase === undefined
    ? { problem: 'must name view, cart and purchase' }
    : { value: { view, cart, purchase } };
}

/** A Redis key namespace: a plain name, so it cannot reach into another namespace's keys or patterns. */
export function parseRedisPrefix(raw: string | undefined): Parsed<string> {
  if (raw === undefined || raw === '') return { value: 'attune' };
  return /^[A-Za-z0-9._-]{1,64}$/.test(raw)
    ? { value: raw }
    : { problem: 'must be 1-64 characters of A-Z a-z 0-9 . _ -' };
}
