import { matchAudienceField, type Match } from '../shared/index.js';
import type { Shopper } from './cart.js';
import type { Promotion, PromotionAction } from './promotion.js';

/** A promotion made ready to evaluate: its window as epoch ms, its audience as sets, what it can touch. */
export interface CompiledPromotion {
  readonly promotion: Promotion;
  readonly from: number;
  readonly to: number;
  /**
   * The lines the promotion can discount, or undefined when it acts on the whole order (or on every
   * line): the index files a promotion under this, so a cart only meets the promotions it can touch.
   */
  readonly scope: Match | undefined;
  /** Why the shopper is in the audience (`segment vip`, `first order`), or undefined when they are not. */
  audience(shopper: Shopper): readonly string[] | undefined;
}

const EVERYONE: readonly string[] = Object.freeze([]);

export function compilePromotion(promotion: Promotion): CompiledPromotion {
  const { audience } = promotion;
  const exact = (values: readonly string[] | undefined) =>
    values === undefined || values.length === 0 ? undefined : new Set(values);
  const lower = (values: readonly string[] | undefined) =>
    values === undefined || values.length === 0
      ? undefined
      : new Set(values.map((value) => value.toLowerCase()));
  const segments = exact(audience.segments);
  const tiers = exact(audience.loyaltyTiers);
  const channels = lower(audience.channels);
  const countries = lower(audience.countries);
  const devices = lower(audience.devices);
  const firstOrderOnly = audience.firstOrderOnly === true;
  const everyone =
    [segments, tiers, channels, countries, devices].every((set) => set === undefined) && !firstOrderOnly;
  return {
    promotion,
    from: promotion.startsAt === undefined ? -Infinity : Date.parse(promotion.startsAt),
    to: promotion.endsAt === undefined ? Infinity : Date.parse(promotion.endsAt),
    scope: scopeOf(promotion.action),
    audience(shopper) {
      if (everyone) return EVERYONE;
      const reasons: string[] = [];
      if (segments !== undefined) {
        const hit = [...segments].filter((id) => shopper.segments.has(id));
        if (hit.length === 0) return undefined;
        reasons.push(...hit.map((id) => `segment ${id}`));
      }
      if (!matchAudienceField(tiers, shopper.loyaltyTier, 'loyalty tier', reasons)) return undefined;
      if (!matchAudienceField(channels, shopper.channel, 'channel', reasons)) return undefined;
      if (!matchAudienceField(countries, shopper.country, 'country', reasons)) return undefined;
      if (!matchAudienceField(devices, shopper.device, 'device', reasons)) return undefined;
      if (firstOrderOnly) {
        if (!shopper.isFirstOrder) return undefined;
        reasons.push('first order');
      }
      return reasons;
    },
  };
}

/** What an action can discount: item actions name their match; order-wide ones have no scope. */
function scopeOf(action: PromotionAction): Match | undefined {
  switch (action.type) {
    case 'percent_off':
    case 'amount_off':
      return action.target === 'items' ? action.match : undefined;
    case 'fixed_price':
      return action.match;
    case 'buy_x_get_y':
      return action.buy.match;
    default:
      return undefined;
  }
}
