import { describe, expect, it } from 'vitest';
import { strongestWith } from './strategies.js';
import {
  ContentSimilarity,
  DEFAULT_BLEND,
  EaseModel,
  OnlineModel,
  easeTrainingSet,
  invertSymmetricPositiveDefinite,
  recommend,
  trainEase,
  type Interaction,
  type Merchandising,
  type Models,
  type RecommendableProduct,
  type RecommendationRequest,
} from './index.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-15T00:00:00Z');

const CATALOGUE: RecommendableProduct[] = [
  ['mug', 'home/kitchen', 'Acme', 900],
  ['cup', 'home/kitchen', 'Acme', 700],
  ['plate', 'home/kitchen', 'Acme', 600],
  ['bowl', 'home/kitchen', 'Potter', 800],
  ['lamp', 'home/lighting', 'Lumo', 5000],
  ['candle', 'home/candles', 'Lumo', 300],
  ['tote', 'bags', 'Carry', 1200],
  ['gone', 'bags', 'Carry', 1100],
].map(([id, category, brand, price]) => ({
  id: id as string,
  title: `${id as string} ${category as string}`,
  categories: [category as string],
  brand: brand as string,
  attributes: {},
  price: price as number,
  sellable: id !== 'gone',
}));
const facts = new Map(CATALOGUE.map((product) => [product.id, product]));

function purchase(customer: string, basket: string, productId: string, at = NOW - DAY): Interaction {
  return { customer, productId, kind: 'purchase', quantity: 1, at, basket };
}

function trained(): OnlineModel {
  const model = new OnlineModel();
  const orders: [string, string, string[]][] = [
    ['c1', 'o1', ['mug', 'plate']],
    ['c2', 'o2', ['mug', 'plate', 'bowl']],
    ['c3', 'o3', ['mug', 'bowl', 'gone']],
    ['c4', 'o4', ['lamp', 'candle']],
    ['c5', 'o5', ['mug', 'plate', 'tote']],
  ];
  for (const [customer, basket, items] of orders)
    for (const item of items) model.observe(purchase(customer, basket, item));
  return model;
}

function ask(
  request: Omit<RecommendationRequest, 'now' | 'limit'> & { limit?: number },
  models: Models = { online: trained() },
  merchandising: Merchandising = {},
) {
  return recommend(
    { limit: 5, now: NOW, ...request },
    { models, product: (id) => facts.get(id), merchandising, blend: DEFAULT_BLEND },
  );
}
const ids = (answer: { items: readonly { productId: string }[] }) =>
  answer.items.map((item) => item.productId);

describe('the online model', () => {
  it('counts products bought together in one order, each order once per product', () => {
    const model = trained();
    model.observe(purchase('c1', 'o1', 'mug'));
    expect(model.boughtTogether.neighbours('mug', 5)[0]).toEqual(['plate', 3]);
    expect(model.customers.get('c1')?.purchases.get('mug')).toMatchObject({ orders: 1, quantity: 2 });
  });

  it('moves a merged profile’s history and forgets an erased one', () => {
    const model = trained();
    model.merge({ from: 'c4', into: 'c1' });
    expect([...(model.customers.get('c1')?.purchases.keys() ?? [])].sort()).toEqual([
      'candle',
      'lamp',
      'mug',
      'plate',
    ]);
    expect(model.customers.has('c4')).toBe(false);
    model.forget('c1');
    expect(model.customers.has('c1')).toBe(false);
  });

  it('keeps popularity per country and lets trending favour what sells now over a steady seller', () => {
    const model = new OnlineModel();
    for (let day = 60; day > 0; day -= 1)
      model.observe({ ...purchase(`s${day}`, `s${day}`, 'steady', NOW - day * DAY), country: 'gb' });
    for (let index = 0; index < 6; index += 1)
      model.observe({ ...purchase(`n${index}`, `n${index}`, 'new', NOW - DAY / 2), country: 'fr' });
    expect(model.popularity.top('all', 'popular', NOW, 1)[0]?.[0]).toBe('steady');
    expect(model.popularity.top('all', 'trending', NOW, 1)[0]?.[0]).toBe('new');
    expect(model.popularity.top('country:fr', 'popular', NOW, 5).map(([item]) => item)).toEqual(['new']);
  });
});

describe('EASE', () => {
  it('inverts a symmetric positive definite matrix', () => {
    const n = 4;
    const a = Float64Array.from([4, 1, 0, 2, 1, 5, 1, 0, 0, 1, 3, 1, 2, 0, 1, 6]);
    const inverse = invertSymmetricPositiveDefinite(Float64Array.from(a), n);
    for (let i = 0; i < n; i += 1) {
      for (let j = 0; j < n; j += 1) {
        let sum = 0;
        for (let k = 0; k < n; k += 1) sum += (a[i * n + k] as number) * (inverse[k * n + j] as number);
        expect(sum).toBeCloseTo(i === j ? 1 : 0, 10);
      }
    }
  });

  it('learns item-to-item weights with a zero diagonal and scores what goes with the evidence', () => {
    const set = easeTrainingSet(trained().customers.values(), 10);
    expect(set.items.sort()).toEqual(['bowl', 'mug', 'plate']);
    const ease = new EaseModel(trainEase(set, 1));
    const mug = ease.index.get('mug') as number;
    expect(ease.trained.weights[mug * ease.size + mug]).toBe(0);
    const scores = ease.score([['bowl', 1]]);
    const score = (item: string) => scores[ease.index.get(item) as number] as number;
    expect(score('mug')).toBeGreaterThan(score('plate'));
  });
});

describe('content similarity', () => {
  it('finds products sharing category, brand and title words, best first', () => {
    const content = ContentSimilarity.of(CATALOGUE);
    const similar = content.similar('mug', 3).map(([id]) => id);
    expect(similar[0]).toBe('cup');
    expect(similar).not.toContain('mug');
    expect(content.similar('unknown', 3)).toEqual([]);
  });
});

describe('recommend', () => {
  it('never answers an unsellable product, the product asked about, or what is in the cart', () => {
    expect(ids(ask({ strategy: 'bought-together', productId: 'bowl' }))).not.toContain('gone');
    expect(ids(ask({ strategy: 'bought-together', productId: 'mug' }))).not.toContain('mug');
    expect(ids(ask({ strategy: 'cart-complements', cart: ['mug', 'plate'] }))).not.toEqual(
      expect.arrayContaining(['mug']),
    );
  });

  it('leaves what the customer bought out of non-repeat strategies, and out of for-you in discovery', () => {
    expect(ids(ask({ strategy: 'popular', customer: 'c1', limit: 10 }))).not.toContain('mug');
    expect(ids(ask({ strategy: 'for-you', customer: 'c1', limit: 10 }))).toContain('mug');
    const discovery = ask({ strategy: 'for-you', customer: 'c1', filter: { excludePurchased: true } });
    expect(ids(discovery)).not.toContain('mug');
    expect(ids(discovery)[0]).toBe('bowl');
    expect(discovery.items[0]?.reason).toBe('because you bought mug');
    const repeats: Merchandising = { repeatStrategies: ['popular'] };
    expect(ids(ask({ strategy: 'popular', customer: 'c1' }, undefined, repeats))).toContain('mug');
    expect(ids(ask({ strategy: 'for-you', customer: 'c1', limit: 10 }, undefined, repeats))).not.toContain(
      'mug',
    );
  });

  it('falls back to popular products, below the strategy’s own, and says why in each reason', () => {
    const unknown = ask({ strategy: 'similar', productId: 'new-thing' });
    expect(unknown.fallback).toBe('popular');
    expect(unknown.items[0]).toMatchObject({
      productId: 'mug',
      reason: 'popular (nothing known about this product yet)',
    });
    const short = ask({ strategy: 'bought-together', productId: 'lamp', limit: 3 });
    expect(short.items[0]).toMatchObject({ productId: 'candle', reason: 'bought with lamp' });
    expect(short.items[1]?.reason).toBe('popular (more to choose from)');
    const scores = short.items.map((item) => item.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(ask({ strategy: 'buy-again', customer: 'nobody' })).toEqual({ strategy: 'buy-again', items: [] });
  });

  it('applies filters, boosts, diversity and pins', () => {
    expect(ids(ask({ strategy: 'popular', filter: { brands: ['lumo'] } })).sort()).toEqual([
      'candle',
      'lamp',
    ]);
    const cheap = ids(ask({ strategy: 'popular', filter: { price: { lte: 700 } } }));
    expect(cheap.sort()).toEqual(['candle', 'plate']);
    expect(ids(ask({ strategy: 'popular', filter: { categories: ['bags'] } }))).toEqual(['tote']);
    const merchandising: Merchandising = {
      boosts: [{ match: { brands: ['Carry'] }, factor: 10 }],
      maxPerCategory: 2,
      pins: [{ productId: 'candle', position: 2 }],
    };
    const answer = ids(ask({ strategy: 'popular', limit: 4 }, undefined, merchandising));
    expect(answer[0]).toBe('tote');
    expect(answer[1]).toBe('candle');
    // Diversity holds for what the strategy chose; a pin is the merchant's explicit word on top.
    const chosenHomes = answer.filter(
      (id) => id !== 'candle' && facts.get(id)?.categories[0]?.startsWith('home'),
    );
    expect(chosenHomes).toHaveLength(2);
  });

  it('shows a product pinned twice once, at its first pin', () => {
    const merchandising: Merchandising = {
      pins: [
        { productId: 'tote', position: 1 },
        { productId: 'tote', position: 3 },
      ],
    };
    const answer = ids(ask({ strategy: 'popular', limit: 4 }, undefined, merchandising));
    expect(answer[0]).toBe('tote');
    expect(answer.filter((id) => id === 'tote')).toHaveLength(1);
  });
});

describe('a cart-complements reason', () => {
  const lists: [string, number][][] = [
    [
      ['plate', 4],
      ['candle', 1],
      ['bowl', 2],
    ],
    [
      ['candle', 3],
      ['bowl', 2],
    ],
  ];

  it('names the cart item bought with the candidate most often, the first of equals', () => {
    expect(strongestWith('candle', ['mug', 'lamp'], lists)).toBe('lamp');
    expect(strongestWith('plate', ['mug', 'lamp'], lists)).toBe('mug');
    expect(strongestWith('bowl', ['mug', 'lamp'], lists)).toBe('mug');
    expect(strongestWith('tote', ['mug', 'lamp'], lists)).toBeUndefined();
  });
});
