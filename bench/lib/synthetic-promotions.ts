import type { PromotionInput } from '../../src/domain/promotions/index.js';

/**
 * A large shop's promotions over products `p0`…, for benchmarks: six in ten name a handful of
 * products (vendor deals), one in ten a brand, one in ten a category (mostly a leaf, grouped so the
 * best deal of a category wins), one in fifty the whole order (spend tiers, free shipping), the rest
 * need a code. Six in ten of the automatic ones are for a segment (the shopper is in three of fifty).
 * Every kind of action appears.
 */
export function syntheticPromotions(
  count: number,
  productCount: number,
  categories: readonly string[],
): { id: string; input: PromotionInput }[] {
  const promotions: { id: string; input: PromotionInput }[] = [];
  for (let index = 0; index < count; index += 1) {
    const slot = index % 50;
    const audience = index % 10 < 6 ? { segments: [`segment-${index % 50}`] } : {};
    const products = Array.from(
      { length: 1 + (index % 5) },
      (_, offset) => `p${(index * 53 + offset * 7) % productCount}`,
    );
    if (slot === 0) {
      promotions.push({
        id: `promo-${index}`,
        input: {
          title: `order ${index}`,
          audience,
          conditions: { subtotal: { gte: 2_000 + (index % 7) * 1_000 } },
          action:
            index % 100 === 0
              ? { type: 'free_shipping' }
              : {
                  type: 'spend_tiers',
                  tiers: [
                    { gte: 5_000, amount: 500 },
                    { gte: 10_000, amount: 1_500 },
                  ],
                },
        },
      });
      continue;
    }
    if (slot >= 41) {
      promotions.push({
        id: `promo-${index}`,
        input: {
          title: `code ${index}`,
          coupon: { required: true, codes: [`CODE${index}`] },
          action: { type: 'percent_off', target: 'order', percent: 10 },
        },
      });
      continue;
    }
    const category = categories[index % categories.length] as string;
    const scope =
      slot <= 30
        ? { productIds: products }
        : slot <= 35
          ? { brands: [`brand-${index % 40}`] }
          : { categories: [index % 5 === 0 ? (category.split('/')[0] as string) : category] };
    const actions: PromotionInput['action'][] = [
      { type: 'percent_off', target: 'items', match: scope, percent: 5 + (index % 4) * 5, cap: 2_000 },
      { type: 'amount_off', target: 'items', match: scope, amount: 50 + (index % 5) * 25 },
      { type: 'fixed_price', match: scope, amount: 900 },
      {
        type: 'buy_x_get_y',
        buy: { match: scope, quantity: 2 },
        get: { match: scope, quantity: 1, percent: 50 },
      },
    ];
    promotions.push({
      id: `promo-${index}`,
      input: {
        title: `items ${index}`,
        audience,
        action: actions[index % actions.length] as PromotionInput['action'],
        stacking: {
          mode: index % 17 === 0 ? 'exclusive' : 'stackable',
          priority: index % 3,
          ...(slot > 35 && { group: `best-of-${category}` }),
        },
        ...(index % 13 === 0 && {
          limits: { budget: { amount: 1_000_000, currency: 'GBP' as const }, perCustomer: 3 },
        }),
      },
    });
  }
  return promotions;
}
