import { matchAudienceField } from '../shared/index.js';
import type { PriceAudience } from './price-list.js';

/** What pricing knows of who is asking: from their profile (when consented and proven) and the request. */
export interface PricingCustomer {
  readonly userId?: string;
  readonly segments: ReadonlySet<string>;
  readonly companyId?: string;
  readonly loyaltyTier?: string;
  /** Lower-case. */
  readonly channel?: string;
  /** Lower-case. */
  readonly country?: string;
  /** Price lists an experiment variant switches on (whatever their audience) or off for this customer. */
  readonly priceLists?: { readonly enable: ReadonlySet<string>; readonly disable: ReadonlySet<string> };
}

/** The anonymous customer: public prices only. */
export const ANONYMOUS: PricingCustomer = { segments: new Set() };

/** An audience made ready to test: values lower-cased where they match case-insensitively. */
export interface CompiledAudience {
  /** True when the audience is everyone. */
  readonly everyone: boolean;
  /** The reasons it matched (`segment vip`, `country gb`), or undefined when it does not. */
  match(customer: PricingCustomer): readonly string[] | undefined;
  /**
   * The same as one explanation (`segment vip, country gb`), remembered per customer object: a
   * request prices many lines for one customer, and each list's answer is the same for all of them.
   */
  reason(customer: PricingCustomer): string | undefined;
}

const EVERYONE: readonly string[] = Object.freeze(['everyone']);

export function compileAudience(written: PriceAudience): CompiledAudience {
  const lower = (values: readonly string[] | undefined) =>
    values === undefined || values.length === 0
      ? undefined
      : new Set(values.map((value) => value.toLowerCase()));
  const exact = (values: readonly string[] | undefined) =>
    values === undefined || values.length === 0 ? undefined : new Set(values);
  const segments = exact(written.segments);
  const customers = exact(written.customers);
  const companies = exact(written.companies);
  const tiers = exact(written.loyaltyTiers);
  const channels = lower(written.channels);
  const countries = lower(written.countries);
  const everyone = [segments, customers, companies, tiers, channels, countries].every(
    (set) => set === undefined,
  );
  const reasons = new WeakMap<PricingCustomer, string | null>();
  const audience: CompiledAudience = {
    everyone,
    reason(customer) {
      if (everyone) return 'everyone';
      let reason = reasons.get(customer);
      if (reason === undefined) {
        reason = audience.match(customer)?.join(', ') ?? null;
        reasons.set(customer, reason);
      }
      return reason ?? undefined;
    },
    match(customer) {
      if (everyone) return EVERYONE;
      const reasons: string[] = [];
      if (segments !== undefined) {
        const hit = [...segments].filter((id) => customer.segments.has(id));
        if (hit.length === 0) return undefined;
        reasons.push(...hit.map((id) => `segment ${id}`));
      }
      if (!matchAudienceField(customers, customer.userId, 'customer', reasons)) return undefined;
      if (!matchAudienceField(companies, customer.companyId, 'company', reasons)) return undefined;
      if (!matchAudienceField(tiers, customer.loyaltyTier, 'loyalty tier', reasons)) return undefined;
      if (!matchAudienceField(channels, customer.channel, 'channel', reasons)) return undefined;
      if (!matchAudienceField(countries, customer.country, 'country', reasons)) return undefined;
      return reasons;
    },
  };
  return audience;
}
