import { divideHalfEven } from '../shared/index.js';
import { topAffinities } from './affinity.js';
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

/** The profile as `GET /v1/profiles/{id}` answers it (DESIGN.md §3): fields may grow, none is renamed. */
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
  readonly consent: EffectiveConsent;
}

export interface ViewOptions {
  readonly now: number;
  readonly currency: string;
  readonly rfm: RfmThresholds;
  readonly consentDefault: ConsentDefault;
  readonly segments?: readonly string[];
}

export function viewProfile(profile: Profile, options: ViewOptions): ProfileView {
  const { stats } = profile;
  const averageOrderValue: Record<string, number> = {};
  for (const [currency, amount] of Object.entries(stats.lifetimeValue)) {
    const orders = stats.ordersByCurrency[currency] ?? 0;
    if (orders > 0) averageOrderValue[currency] = divideHalfEven(amount, orders);
  }
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
