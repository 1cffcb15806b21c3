import { copyRecord, ownValue } from '../shared/index.js';
import { mergeAffinities } from './affinity.js';
import type { ActivityEntry } from './activity.js';
import type { CartLine, ConsentRecord, MoneyByCurrency, Profile } from './profile.js';

const MAX_RECENTLY_VIEWED = 20;

/**
 * Folds an anonymous visitor's profile into a known customer's (on identify). Counters and money add
 * up, affinities add with their decay, the anonymous session's recent views and cart come first (they
 * are the latest), held traits win over anonymous ones, and each consent answer keeps the newer of the two.
 */
export function mergeProfiles(target: Profile, source: Profile, now: string): Profile {
  const stats = target.stats;
  const other = source.stats;
  return {
    ...target,
    anonymousIds: [...new Set([...target.anonymousIds, ...source.anonymousIds])],
    traits: { ...source.traits, ...target.traits },
    consent: {
      ...pickNewer('personalization', target.consent, source.consent),
      ...pickNewer('analytics', target.consent, source.consent),
      ...pickNewer('marketing', target.consent, source.consent),
    },
    stats: {
      orderCount: stats.orderCount + other.orderCount,
      ordersByCurrency: addCounts(stats.ordersByCurrency, other.ordersByCurrency),
      lifetimeValue: addMoney(stats.lifetimeValue, other.lifetimeValue),
      ...optional('firstOrderAt', earliest(stats.firstOrderAt, other.firstOrderAt)),
      ...optional('lastOrderAt', latest(stats.lastOrderAt, other.lastOrderAt)),
      ...optional('firstSeenAt', earliest(stats.firstSeenAt, other.firstSeenAt)),
      ...optional('lastSeenAt', latest(stats.lastSeenAt, other.lastSeenAt)),
    },
    categoryAffinity: mergeAffinities(target.categoryAffinity, source.categoryAffinity),
    brandAffinity: mergeAffinities(target.brandAffinity, source.brandAffinity),
    recentlyViewed: [...new Set([...source.recentlyViewed, ...target.recentlyViewed])].slice(
      0,
      MAX_RECENTLY_VIEWED,
    ),
    cart: mergeCarts(source.cart, target.cart),
    channels: addCounts(target.channels, source.channels),
    devices: addCounts(target.devices, source.devices),
    activity: mergeActivity(target.activity, source.activity),
    loyalty: { ...target.loyalty, points: target.loyalty.points + source.loyalty.points },
    segments: [...new Set([...target.segments, ...source.segments])].sort(),
    createdAt: earliest(target.createdAt, source.createdAt) ?? target.createdAt,
    updatedAt: now,
  };
}

type Consent = Profile['consent'];

function pickNewer(
  purpose: keyof Consent,
  a: Consent,
  b: Consent,
): Partial<Record<keyof Consent, ConsentRecord>> {
  const left = a[purpose];
  const right = b[purpose];
  const newer = left === undefined ? right : right === undefined || left.at >= right.at ? left : right;
  return newer === undefined ? {} : { [purpose]: newer };
}

function mergeActivity(a: Profile['activity'], b: Profile['activity']): Profile['activity'] {
  const merged: Record<string, ActivityEntry[]> = copyRecord(
    Object.fromEntries(Object.entries(a).map(([name, entries]) => [name, [...entries]])),
  );
  for (const [name, entries] of Object.entries(b)) {
    merged[name] = [...(ownValue(merged, name) ?? []), ...entries].sort((x, y) => x.t - y.t);
  }
  return merged;
}

function mergeCarts(first: readonly CartLine[], second: readonly CartLine[]): CartLine[] {
  const quantities = new Map<string, number>();
  for (const line of [...first, ...second])
    quantities.set(line.productId, (quantities.get(line.productId) ?? 0) + line.quantity);
  return [...quantities].map(([productId, quantity]) => ({ productId, quantity }));
}

function addMoney(a: MoneyByCurrency, b: MoneyByCurrency): MoneyByCurrency {
  const sum: Record<string, number> = copyRecord(a);
  for (const [currency, amount] of Object.entries(b)) sum[currency] = (ownValue(sum, currency) ?? 0) + amount;
  return sum;
}

function addCounts(
  a: Readonly<Record<string, number>>,
  b: Readonly<Record<string, number>>,
): Record<string, number> {
  const sum: Record<string, number> = copyRecord(a);
  for (const [key, count] of Object.entries(b)) sum[key] = (ownValue(sum, key) ?? 0) + count;
  return sum;
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined || a <= b ? a : b;
}

function latest(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined || a >= b ? a : b;
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
