import { copyRecord, divideHalfEven, ownValue } from '../shared/index.js';
import { topAffinities } from './affinity.js';
import type { LoyaltyStatus } from './loyalty.js';
import type { MoneyByCurrency, Profile } from './profile.js';
import { rfmScore, type RfmScore, type RfmThresholds } from './rfm.js';

/** What a visitor who never answered is taken to have said (`ATTUNE_CONSENT_DEFAULT`). */
export type ConsentDefault = 'granted' | 'denied';

export interface EffectiveConsent {
  readonly personalization: boolean;
  readonly analytics: boolean;
}

/** The consent that applies now: each purpose's explicit answer, else the store default. */
export function effectiveConsent(
  profile: Pick<Profile, 'consent'> | undefined,
  fallback: ConsentDefault,
): EffectiveConsent {
  const granted = fallback === 'granted';
  return {
    personalization: profile?.consent.personalization?.granted ?? granted,
    analytics: profile?.consent.analytics?.granted ?? granted,
  };
}

/** The profile as `GET /v1/profiles/{id}` answers it: fields may grow, none is renamed. */
export interface ProfileView {
  readonly userId: string | null;
  readonly anonymousIds: readonly string[];
  readonly traits: Readonly<Record<string, unknown>>;
  readonly computed: {
    readonly orderCount: number;
    readonly lifetimeValue: MoneyByCurrency;
    readonly averageOrderValue: MoneyByCurrency;
    readonly firstOrderAt: string | null;
    readonly lastOrderAt: string | null;
    readonly firstSeenAt: string | null;
    readonly lastSeenAt: string | null;
    readonly rfm: RfmScore | null;
    readonly affinities: {
      readonly categories: readonly { key: string; score: number }[];
      readonly brands: readonly { key: string; score: number }[];
    };
    readonly recentlyViewed: readonly string[];
    readonly cart: { readonly items: readonly { productId: string; quantity: number }[] };
    readonly preferredChannel: string | null;
    readonly preferredDevice: string | null;
  };
  readonly segments: readonly string[];
  readonly loyalty: {
    readonly points: number;
    readonly tier: string | null;
    readonly next: LoyaltyStatus['next'];
  };
  readonly consent: EffectiveConsent;
}

export interface ViewOptions {
  readonly now: number;
  readonly currency: string;
  readonly rfm: RfmThresholds;
  readonly consentDefault: ConsentDefault;
  readonly segments?: readonly string[];
  /** The customer's standing in the loyalty program, when the store runs one. */
  readonly loyalty?: LoyaltyStatus;
}

/**
 * The computed fields of a profile, each worked out only when first read: rules read one or two
 * fields per evaluation, and sorting affinities for a rule that reads the order count is waste.
 */
export function lazyComputed(profile: Profile, options: ViewOptions): ProfileView['computed'] {
  const { stats } = profile;
  const fields: { [K in keyof ProfileView['computed']]: () => ProfileView['computed'][K] } = {
    orderCount: () => stats.orderCount,
    lifetimeValue: () => stats.lifetimeValue,
    averageOrderValue: () => averageOrderValues(profile),
    firstOrderAt: () => stats.firstOrderAt ?? null,
    lastOrderAt: () => stats.lastOrderAt ?? null,
    firstSeenAt: () => stats.firstSeenAt ?? null,
    lastSeenAt: () => stats.lastSeenAt ?? null,
    rfm: () => rfmScore(profile, options.rfm, options.currency, options.now) ?? null,
    affinities: () => ({
      categories: topAffinities(profile.categoryAffinity, options.now),
      brands: topAffinities(profile.brandAffinity, options.now),
    }),
    recentlyViewed: () => profile.recentlyViewed,
    cart: () => ({ items: profile.cart }),
    preferredChannel: () => mostFrequent(profile.channels),
    preferredDevice: () => mostFrequent(profile.devices),
  };
  const computed = {} as Record<string, unknown>;
  for (const [key, compute] of Object.entries(fields)) {
    Object.defineProperty(computed, key, {
      enumerable: true,
      get: () => {
        const value = (compute as () => unknown)();
        Object.defineProperty(computed, key, { value, enumerable: true });
        return value;
      },
      configurable: true,
    });
  }
  return computed as unknown as ProfileView['computed'];
}

function averageOrderValues(profile: Profile): Record<string, number> {
  const averages: Record<string, number> = copyRecord();
  for (const [currency, amount] of Object.entries(profile.stats.lifetimeValue)) {
    const orders = ownValue(profile.stats.ordersByCurrency, currency) ?? 0;
    if (orders > 0) averages[currency] = divideHalfEven(amount, orders);
  }
  return averages;
}

export function viewProfile(profile: Profile, options: ViewOptions): ProfileView {
  const { stats } = profile;
  const averageOrderValue = averageOrderValues(profile);
  return {
    userId: profile.userId ?? null,
    anonymousIds: profile.anonymousIds,
    traits: profile.traits,
    computed: {
      orderCount: stats.orderCount,
      lifetimeValue: stats.lifetimeValue,
      averageOrderValue,
      firstOrderAt: stats.firstOrderAt ?? null,
      lastOrderAt: stats.lastOrderAt ?? null,
      firstSeenAt: stats.firstSeenAt ?? null,
      lastSeenAt: stats.lastSeenAt ?? null,
      rfm: rfmScore(profile, options.rfm, options.currency, options.now) ?? null,
      affinities: {
        categories: topAffinities(profile.categoryAffinity, options.now),
        brands: topAffinities(profile.brandAffinity, options.now),
      },
      recentlyViewed: profile.recentlyViewed,
      cart: { items: profile.cart },
      preferredChannel: mostFrequent(profile.channels),
      preferredDevice: mostFrequent(profile.devices),
    },
    segments: options.segments ?? [],
    loyalty: {
      points: profile.loyalty.points,
      tier: options.loyalty?.tier ?? null,
      next: options.loyalty?.next ?? null,
    },
    consent: effectiveConsent(profile, options.consentDefault),
  };
}

function mostFrequent(counts: Readonly<Record<string, number>>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [key, count] of Object.entries(counts)) {
    if (count > bestCount || (count === bestCount && best !== null && key < best)) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}
