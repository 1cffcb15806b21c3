import type { CurrencyCode } from '../shared/index.js';
import type { Activity } from './activity.js';

/** Amounts per currency, in minor units (`{ GBP: 512345 }`). */
export type MoneyByCurrency = Readonly<Record<CurrencyCode, number>>;

/** A decayed score: `score` as it stood at `at` (epoch ms); it halves every half-life after. */
export interface DecayedScore {
  readonly score: number;
  readonly at: number;
}

/** One purpose's consent answer and when it was given. */
export interface ConsentRecord {
  readonly granted: boolean;
  /** ISO 8601. */
  readonly at: string;
}

export interface CartLine {
  readonly productId: string;
  readonly quantity: number;
}

/** Order and activity counters, kept current on every event. */
export interface ProfileStats {
  readonly orderCount: number;
  /** Orders per currency, for average order values. */
  readonly ordersByCurrency: Readonly<Record<CurrencyCode, number>>;
  /** Net of refunds, per currency. */
  readonly lifetimeValue: MoneyByCurrency;
  readonly firstOrderAt?: string;
  readonly lastOrderAt?: string;
  readonly firstSeenAt?: string;
  readonly lastSeenAt?: string;
}

/**
 * One customer, known or anonymous: everything Attune keeps about them, as stored. Computed views
 * (normalised affinities, RFM scores) are derived from it at read time.
 */
export interface Profile {
  /** Attune's own id for the profile; never shown to clients, who use userId or anonymousIds. */
  readonly id: string;
  readonly userId?: string;
  readonly anonymousIds: readonly string[];
  readonly traits: Readonly<Record<string, unknown>>;
  readonly consent: {
    readonly personalization?: ConsentRecord;
    readonly analytics?: ConsentRecord;
    /** Messages a journey sends (e-mail, push); its default is a setting of its own. */
    readonly marketing?: ConsentRecord;
  };
  readonly stats: ProfileStats;
  readonly categoryAffinity: Readonly<Record<string, DecayedScore>>;
  readonly brandAffinity: Readonly<Record<string, DecayedScore>>;
  /** Most recent first, bounded. */
  readonly recentlyViewed: readonly string[];
  readonly cart: readonly CartLine[];
  /** How often each channel and device type was seen, for the preferred one. */
  readonly channels: Readonly<Record<string, number>>;
  readonly devices: Readonly<Record<string, number>>;
  /** Recent events that rules over time windows count, as the rules in use ask (see ActivitySpec). */
  readonly activity: Activity;
  /** Loyalty points, and the tier last announced (computed with the segments). */
  readonly loyalty: { readonly points: number; readonly tier?: string };
  /** Ids of the (stored) segments the customer is in, sorted. */
  readonly segments: readonly string[];
  /** When the passing of time alone could next change a segment or tier (epoch ms). */
  readonly nextCheckAt?: number;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function createProfile(
  id: string,
  now: string,
  ids: { userId?: string; anonymousId?: string } = {},
): Profile {
  return {
    id,
    ...(ids.userId !== undefined && { userId: ids.userId }),
    anonymousIds: ids.anonymousId === undefined ? [] : [ids.anonymousId],
    traits: {},
    consent: {},
    stats: { orderCount: 0, ordersByCurrency: {}, lifetimeValue: {} },
    categoryAffinity: {},
    brandAffinity: {},
    recentlyViewed: [],
    cart: [],
    channels: {},
    devices: {},
    activity: {},
    loyalty: { points: 0 },
    segments: [],
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Brings a profile stored by an earlier version up to the current shape, filling fields added since
 * with their empty values. Stored documents are never rewritten for this; they upgrade as they are read.
 */
export function upgradeProfile(stored: Profile): Profile {
  const partial = stored as Partial<Profile> & Pick<Profile, 'id' | 'createdAt'>;
  return {
    ...createProfile(partial.id, partial.createdAt),
    ...stored,
    activity: partial.activity ?? {},
    loyalty: partial.loyalty ?? { points: 0 },
    segments: partial.segments ?? [],
  };
}
