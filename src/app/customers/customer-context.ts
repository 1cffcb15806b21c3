import {
  effectiveConsent,
  type ConsentDefault,
  type LoyaltyProgram,
  type Profile,
} from '../../domain/profiles/index.js';
import type { PricingCustomer } from '../../domain/pricing/index.js';
import type { AppliedExperiments } from '../../domain/experiments/index.js';
import type { Identity } from '../../ports/store.js';
import type { CustomerTokens } from '../access/customer-tokens.js';
import type { ProfileService } from '../profiles/profile-service.js';
import type { SegmentRegistry } from '../segments/segment-registry.js';
import { segmentSubject } from '../segments/segment-subject.js';

/** The context a storefront sends with a request: channel, device, country, locale, page (docs/api.md). */
export interface RequestContext {
  readonly channel?: string;
  readonly device?: string;
  readonly country?: string;
  readonly locale?: string;
  readonly page?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

/** Who a request names, and what proves it. */
export interface CustomerRequest {
  readonly userId?: string;
  readonly anonymousId?: string;
  readonly context?: RequestContext;
  /** May the caller act as any customer (a secret key)? Otherwise only as the one the token names. */
  readonly trusted: boolean;
  readonly customerToken?: string;
}

/** The customer as every answer (prices, offers, decide) sees them. */
export interface CustomerContext {
  /** The profile, when one exists, the caller may act as the customer, and they consented to personalisation. */
  readonly profile?: Profile;
  /** The answer may use what Attune knows of the customer. */
  readonly personalized: boolean;
  readonly segments: readonly string[];
  readonly pricing: PricingCustomer;
  readonly loyaltyTier?: string;
  readonly loyaltyPerk?: { readonly tier: string; readonly percentOff: number };
  readonly context: RequestContext;
  /**
   * The experiment unit the request names, whatever the personalisation consent: its ids (the
   * customer's own id first: userId, else the anonymous id) and whether analytics may count it.
   * Absent when the request names no one.
   */
  readonly unit?: ExperimentUnitIds;
  /** What the viewer's experiment variants change (set once they are assigned; none before). */
  readonly experiments?: AppliedExperiments;
}

/** Who an experiment unit is: every id the caller may act as, the unit's own first. */
export interface ExperimentUnitIds {
  readonly ids: readonly Identity[];
  readonly analytics: boolean;
  /** The customer's profile, whether or not they consented to personalisation (its spend, segments). */
  readonly profile?: Profile;
}

export interface CustomerContextsDeps {
  readonly profiles: ProfileService;
  readonly tokens: CustomerTokens;
  readonly registry: SegmentRegistry;
  readonly program: () => LoyaltyProgram | undefined;
  readonly consentDefault: ConsentDefault;
  readonly now: () => number;
}

/**
 * Works out who is asking, safely: a publishable key names a known customer only with a valid
 * customer token for them (otherwise the request is anonymous, never someone else's contract
 * prices); without personalisation consent the answer is what an anonymous visitor in the same
 * context gets.
 */
export class CustomerContexts {
  constructor(private readonly deps: CustomerContextsDeps) {}

  async resolve(request: CustomerRequest): Promise<CustomerContext> {
    const context = request.context ?? {};
    const proven = await this.deps.tokens.proves(request);
    const profile = await this.#profileFor(request, proven);
    const consent = effectiveConsent(profile, this.deps.consentDefault);
    const consented = profile !== undefined && consent.personalization;
    const unit = unitOf(request, proven, profile, consent.analytics);
    const used = consented ? profile : undefined;
    const segments = this.#segments(used, context);
    const tier = used?.loyalty.tier;
    const perk = tier === undefined ? undefined : this.#perk(tier);
    const company = (used?.traits['company'] as { id?: unknown } | undefined)?.id;
    const country = context.country ?? (used?.traits['country'] as string | undefined);
    return {
      ...(used !== undefined && { profile: used }),
      personalized: used !== undefined,
      segments,
      pricing: {
        segments: new Set(segments),
        ...(used?.userId !== undefined && { userId: used.userId }),
        ...(typeof company === 'string' && { companyId: company }),
        ...(tier !== undefined && { loyaltyTier: tier }),
        ...(typeof context.channel === 'string' && { channel: context.channel.toLowerCase() }),
        ...(typeof country === 'string' && { country: country.toLowerCase() }),
      },
      ...(tier !== undefined && { loyaltyTier: tier }),
      ...(perk !== undefined && { loyaltyPerk: perk }),
      context,
      ...(unit !== undefined && { unit }),
    };
  }

  /** The profile the caller may act as: by a proven userId, else by an anonymous id not (yet) tied to another customer. */
  async #profileFor(request: CustomerRequest, proven: boolean): Promise<Profile | undefined> {
    if (request.userId !== undefined && proven) {
      const found = await this.deps.profiles.find(request.userId);
      if (found !== undefined && found.profile.userId === request.userId) return found.profile;
    }
    if (request.anonymousId === undefined) return undefined;
    const found = await this.deps.profiles.find(request.anonymousId);
    if (found === undefined || found.foundBy.kind !== 'anon') return undefined;
    const owner = found.profile.userId;
    return owner === undefined || (owner === request.userId && proven) || request.trusted
      ? found.profile
      : undefined;
  }

  /** Stored segments that still exist, plus contextual segments evaluated now with the request's context. */
  #segments(profile: Profile | undefined, context: RequestContext): string[] {
    const { registry } = this.deps;
    const stored = (profile?.segments ?? []).filter(
      (id) => registry.get(id) !== undefined && !registry.isContextual(id),
    );
    const members = new Set(stored);
    const contextual = registry.contextualInOrder();
    if (contextual.length === 0) return stored;
    const subject = segmentSubject(profile, {
      computed: (value, now) => this.deps.profiles.computedOf(value, now),
      isMember: (id) => members.has(id),
      now: this.deps.now(),
      context: flatContext(context),
    });
    for (const compiled of contextual) if (compiled.rule.test(subject)) members.add(compiled.segment.id);
    return [...members].sort();
  }

  #perk(tier: string): { tier: string; percentOff: number } | undefined {
    const percentOff = this.deps.program()?.tiers.find((candidate) => candidate.id === tier)?.perks[
      'percentOff'
    ];
    return typeof percentOff === 'number' && percentOff > 0 && percentOff <= 100
      ? { tier, percentOff }
      : undefined;
  }
}

/** The experiment unit: the ids the caller may act as (the profile's, else the request's proven ones). */
function unitOf(
  request: CustomerRequest,
  proven: boolean,
  profile: Profile | undefined,
  analytics: boolean,
): ExperimentUnitIds | undefined {
  const ids: Identity[] = [];
  const userId = profile?.userId ?? (request.userId !== undefined && proven ? request.userId : undefined);
  if (userId !== undefined) ids.push({ kind: 'user', value: userId });
  const anonymous = new Set([
    ...(request.anonymousId === undefined ? [] : [request.anonymousId]),
    ...(profile?.anonymousIds ?? []),
  ]);
  for (const value of anonymous) ids.push({ kind: 'anon', value });
  if (ids.length === 0) return undefined;
  return { ids, analytics, ...(profile !== undefined && { profile }) };
}

/** The customer as pricing sees them: who they are, and their loyalty perk when they have one. */
export function priceShopperOf(customer: CustomerContext): {
  customer: PricingCustomer;
  loyaltyPerk?: { readonly tier: string; readonly percentOff: number };
} {
  return customer.loyaltyPerk === undefined
    ? { customer: customer.pricing }
    : { customer: customer.pricing, loyaltyPerk: customer.loyaltyPerk };
}

/**
 * The device type a request's context names, as sent: a plain string, or Segment's
 * `context.device.type` (`{ "type": "mobile" }`); undefined when it names none.
 */
export function deviceTypeOf(context: RequestContext): string | undefined {
  const device = context.device as unknown;
  const type = typeof device === 'object' && device !== null ? (device as { type?: unknown }).type : device;
  return typeof type === 'string' ? type : undefined;
}

/** Context as rules read it: `device` is the device type, however it was sent. */
function flatContext(context: RequestContext): Record<string, unknown> {
  const device = deviceTypeOf(context);
  return { ...context, ...(device !== undefined && { device }) };
}
