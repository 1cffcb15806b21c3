import type { PriceListInput } from '../../src/domain/pricing/index.js';

/**
 * A mix of price lists for benchmarks over products `p0`…: segment sales by category, contract
 * prices with quantity tiers for companies, country market overrides, loyalty-tier and channel sales.
 */
export function syntheticPriceLists(
  count: number,
  productCount: number,
): { id: string; input: PriceListInput }[] {
  const categories = [
    'home',
    'kitchen',
    'garden',
    'seasonal',
    'bags',
    'toys-games',
    'stationery',
    'jewellery',
  ];
  const lists: { id: string; input: PriceListInput }[] = [];
  for (let index = 0; index < count; index += 1) {
    const product = (offset: number) => `p${(index * 37 + offset) % productCount}`;
    let input: PriceListInput;
    switch (index % 5) {
      case 0:
        input = {
          type: 'sale',
          currency: 'GBP',
          audience: { segments: [`segment-${index % 20}`] },
          rule: {
            percentOff: 5 + (index % 20),
            match: { categories: [categories[index % categories.length] as string] },
          },
        };
        break;
      case 1:
        input = {
          type: 'override',
          currency: 'GBP',
          priority: index % 7,
          audience: { companies: [`company-${index % 10}`] },
          prices: Array.from({ length: 20 }, (_, offset) => ({
            productId: product(offset),
            tiers: [
              { minQuantity: 1, amount: 900 },
              { minQuantity: 12, amount: 800 },
              { minQuantity: 48, amount: 700 },
            ],
          })),
        };
        break;
      case 2:
        input = {
          type: 'override',
          currency: 'GBP',
          priority: 1,
          audience: { countries: [['GB', 'FR', 'DE'][index % 3] as string] },
          prices: Array.from({ length: 50 }, (_, offset) => ({ productId: product(offset), amount: 950 })),
        };
        break;
      case 3:
        input = {
          type: 'sale',
          currency: 'GBP',
          audience: { loyaltyTiers: ['gold'], channels: ['web'] },
          rule: {
            amountOff: 50,
            match: { categories: [categories[(index + 3) % categories.length] as string] },
          },
        };
        break;
      default:
        input = {
          type: 'sale',
          currency: 'GBP',
          startsAt: '2026-01-01T00:00:00Z',
          endsAt: '2027-01-01T00:00:00Z',
          audience: {},
          prices: Array.from({ length: 10 }, (_, offset) => ({ productId: product(offset), amount: 850 })),
        };
    }
    lists.push({ id: `list-${index}`, input });
  }
  return lists;
}
