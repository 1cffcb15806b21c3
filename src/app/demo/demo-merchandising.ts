import type { ContentSlotInput } from '../../domain/content/index.js';
import type { PriceListInput } from '../../domain/pricing/index.js';
import type { PromotionInput } from '../../domain/promotions/index.js';
import type { ContentService } from '../content/content-service.js';
import type { PricingService } from '../pricing/pricing-service.js';
import type { PromotionService } from '../promotions/promotion-service.js';
import type { SegmentService } from '../segments/segment-service.js';

/**
 * Real customers of the demo history, each with a distinct taste, for the demo storefront's
 * customer picker: their listings and recommendations differ visibly.
 */
export const DEMO_CUSTOMERS: readonly { readonly userId: string; readonly label: string }[] = [
  { userId: '17850', label: 'Customer 17850, 35 orders, home decor and mugs' },
  { userId: '13094', label: 'Customer 13094, buys glass T-light holders' },
  { userId: '14560', label: 'Customer 14560, bakes' },
  { userId: '15769', label: 'Customer 15769, buys bags' },
  { userId: '16928', label: 'Customer 16928, buys home storage' },
  { userId: '12584', label: 'Customer 12584, in Italy, kitchen storage' },
];

export interface DemoMerchandisingDeps {
  readonly segments: SegmentService;
  readonly pricing: PricingService;
  readonly promotions: PromotionService;
  readonly content: ContentService;
  readonly currency: string;
}

const REGULARS = 'regulars';

/**
 * What a merchant would set up, so the demo shows every part at work: a segment of regular
 * customers with their own prices on home decor, an order promotion with a threshold (so the cart
 * shows a nudge, then the offer unlocking), and a home banner that greets regulars differently.
 * Written through the same services as the API, so the demo exercises the real paths.
 */
export async function setUpDemoMerchandising(deps: DemoMerchandisingDeps): Promise<void> {
  await deps.segments.put(REGULARS, {
    name: 'Regular customers',
    description: 'ten orders or more',
    rule: { trait: 'computed.orderCount', op: 'gte', value: 10 },
  });
  const regularsPrices: PriceListInput = {
    type: 'sale',
    currency: deps.currency,
    audience: { segments: [REGULARS] },
    rule: { percentOff: 5, match: { categories: ['home/decor'] } },
  };
  await deps.pricing.put('regulars-home-decor', regularsPrices);
  const spendPromotion: PromotionInput = {
    title: '10% off orders of £25 or more',
    badge: '10% off over £25',
    conditions: { subtotal: { gte: 2_500 } },
    action: { type: 'percent_off', target: 'order', percent: 10 },
  };
  await deps.promotions.put('spend-25', spendPromotion);
  const hero: ContentSlotInput = {
    variants: [
      {
        id: 'welcome',
        payload: {
          title: 'Gifts and homeware, chosen for you',
          text: 'Browse a category to see your listing.',
        },
      },
      {
        id: 'regulars',
        audience: { segments: [REGULARS] },
        priority: 10,
        payload: { title: 'Welcome back', text: 'As a regular you pay 5% less on home decor.' },
      },
    ],
  };
  await deps.content.put('home-hero', hero);
}
