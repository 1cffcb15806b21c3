import { describe, expect, it } from 'vitest';
import type { MatchableProduct } from '../shared/index.js';
import { offerBadges, type Offer } from './offers.js';
import { draftPromotion, type PromotionInput } from './promotion.js';
import { PromotionIndex } from './promotion-index.js';

const promotions: Record<string, PromotionInput> = {
  'mugs-10': {
    title: '10% off mugs',
    action: { type: 'percent_off', target: 'items', match: { categories: ['home/mugs'] }, percent: 10 },
  },
  'acme-2': {
    title: '2.00 off Acme',
    action: { type: 'amount_off', target: 'items', match: { brands: ['acme'] }, amount: 200 },
  },
  'order-5': { title: '5% off', action: { type: 'percent_off', target: 'order', percent: 5 } },
};
const index = new PromotionIndex(
  Object.entries(promotions).map(([id, input]) => ({
    ...draftPromotion(id, input, 'GBP'),
    version: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
  })),
  () => false,
);
const offer = (promotionId: string): Offer => ({
  promotionId,
  title: promotionId,
  badge: `badge ${promotionId}`,
});
const product = (id: string, categories: string[], brand?: string): MatchableProduct => ({
  id,
  categories,
  brand,
  attributes: {},
});

describe('offerBadges', () => {
  it('badges a product with the open item promotions that take it in', () => {
    const badges = offerBadges(index, [offer('mugs-10'), offer('acme-2'), offer('order-5')], () => false);
    expect(badges(product('mug', ['home/mugs/tall'], 'Acme'))).toEqual([
      { promotionId: 'mugs-10', badge: 'badge mugs-10' },
      { promotionId: 'acme-2', badge: 'badge acme-2' },
    ]);
    expect(badges(product('lamp', ['home/lighting']))).toEqual([]);
  });

  it('shows no badge for a promotion not open to the shopper', () => {
    const badges = offerBadges(index, [offer('acme-2')], () => false);
    expect(badges(product('mug', ['home/mugs'], 'Acme'))).toEqual([
      { promotionId: 'acme-2', badge: 'badge acme-2' },
    ]);
    expect(offerBadges(index, [], () => false)(product('mug', ['home/mugs'], 'Acme'))).toEqual([]);
  });
});
