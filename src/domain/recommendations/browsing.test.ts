import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BrowsingSignals,
  ContentSimilarity,
  DEFAULT_BLEND,
  OnlineModel,
  recommend,
  suggestFromSession,
  type DescribedProduct,
  type Models,
  type RecommendableProduct,
  type RecommendationRequest,
} from './index.js';

const MINUTE = 60_000;
const NOW = Date.parse('2026-06-15T12:00:00Z');

/** Plays sessions as views, one minute apart, each session its own visitor. */
function browse(
  model: OnlineModel,
  sessions: readonly (readonly string[])[],
  start = NOW - 60 * MINUTE,
): void {
  sessions.forEach((session, index) =>
    session.forEach((productId, position) =>
      model.observe({
        customer: `visitor-${index}`,
        productId,
        kind: 'view',
        quantity: 1,
        at: start + position * MINUTE,
      }),
    ),
  );
}

const described = (id: string, title: string, categories: string[] = ['all']): DescribedProduct => ({
  id,
  title,
  categories,
  attributes: {},
});
const factsOf = (products: readonly DescribedProduct[]) =>
  new Map<string, RecommendableProduct>(
    products.map((product) => [product.id, { ...product, price: 100, sellable: true }]),
  );

function ask(
  request: Omit<RecommendationRequest, 'now' | 'limit'>,
  models: Models,
  facts: Map<string, RecommendableProduct>,
) {
  return recommend(
    { limit: 5, now: NOW, ...request },
    { models, product: (id) => facts.get(id), merchandising: {}, blend: DEFAULT_BLEND },
  );
}
const ids = (answer: { items: readonly { productId: string }[] }) =>
  answer.items.map((item) => item.productId);

describe('browsing signals', () => {
  it('learn what is viewed next, before and after a view, nearer views and closer times counting more', () => {
    const signals = new BrowsingSignals();
    signals.view('v', 'a', 0);
    signals.view('v', 'b', MINUTE);
    signals.view('v', 'c', 2 * MINUTE);
    expect(signals.next.neighbours('a', 5).map(([item]) => item)).toEqual(['b', 'c']);
    expect(signals.previous.neighbours('c', 5).map(([item]) => item)).toEqual(['b', 'a']);
    const [[, soon] = ['', 0]] = signals.next.neighbours('b', 1);
    signals.view('w', 'b', 0);
    signals.view('w', 'd', 30 * MINUTE - 1);
    const [, late = 0] = signals.next.neighbours('b', 5).find(([item]) => item === 'd') ?? [];
    expect(late).toBeLessThan(soon);
    expect(late).toBeGreaterThan(0);
  });

  it('count a cart or a purchase as a conversion of the views before it in the session', () => {
    const signals = new BrowsingSignals();
    signals.view('v', 'a', 0);
    signals.view('v', 'b', MINUTE);
    signals.convert('v', 'c', 2 * MINUTE, 3);
    expect(signals.conversions.neighbours('b', 5)).toEqual([['c', expect.any(Number)]]);
    expect(signals.conversions.neighbours('a', 5).map(([item]) => item)).toEqual(['c']);
    signals.convert('stranger', 'd', 2 * MINUTE, 3);
    expect(signals.conversions.neighbours('d', 5)).toEqual([]);
  });

  it('stay bounded per product, whatever the sessions (memory linear in the catalogue)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 12 }), {
          maxLength: 60,
        }),
        fc.integer({ min: 1, max: 5 }),
        (sessions, keep) => {
          const model = new OnlineModel({ browsing: { keep } });
          browse(
            model,
            sessions.map((session) => session.map((item) => `p${item}`)),
          );
          const { browsing } = model;
          for (let item = 0; item <= 60; item += 1) {
            for (const list of [browsing.next, browsing.previous, browsing.conversions])
              expect(list.neighbours(`p${item}`, Number.POSITIVE_INFINITY).length).toBeLessThanOrEqual(
                3 * keep,
              );
          }
          expect(browsing.sessions.size).toBeLessThanOrEqual(browsing.sessions.settings.maxVisitors);
        },
      ),
    );
  });
});

describe('similar from browsing and content', () => {
  it('gives a product with generic text its co-viewed neighbours first', () => {
    const products = ['shoe', 'sock', 'lace', 'hat', 'scarf', 'glove'].map((id, index) =>
      described(id, `Item ${index + 100}`),
    );
    const model = new OnlineModel();
    browse(model, [
      ['shoe', 'sock', 'lace'],
      ['shoe', 'sock'],
      ['hat', 'scarf', 'glove'],
    ]);
    const content = ContentSimilarity.of(products);
    expect(content.informativeness('shoe')).toBe(0);
    const answer = ask(
      { strategy: 'similar', productId: 'shoe' },
      { online: model, content },
      factsOf(products),
    );
    expect(ids(answer).slice(0, 2)).toEqual(['sock', 'lace']);
    expect(answer.items[0]?.reason).toBe('viewed with shoe');
  });

  it('lets content lead for a product nobody has viewed yet', () => {
    const products = [
      described('red-mug', 'Red enamel mug', ['home/kitchen/mugs']),
      described('blue-mug', 'Blue enamel mug', ['home/kitchen/mugs']),
      described('tote', 'Canvas tote bag', ['bags']),
      described('bag', 'Leather bag', ['bags']),
    ];
    const model = new OnlineModel();
    browse(model, [['tote', 'bag']]);
    const content = ContentSimilarity.of(products);
    expect(content.informativeness('red-mug')).toBeGreaterThan(0.5);
    const answer = ask(
      { strategy: 'similar', productId: 'red-mug' },
      { online: model, content },
      factsOf(products),
    );
    expect(answer.items[0]).toMatchObject({ productId: 'blue-mug', reason: 'similar to red-mug' });
  });
});

describe('for-you from the session', () => {
  const products = ['a', 'b', 'c', 'x', 'y', 'z', 'p'].map((id) => described(id, `Item ${id}`));
  const facts = factsOf(products);
  const trained = () => {
    const model = new OnlineModel();
    browse(model, [['a', 'b'], ['a', 'b'], ['x', 'y'], ['x', 'y'], ['x', 'z'], ['p'], ['p'], ['p'], ['p']]);
    return model;
  };

  it('follows the latest view, names it in the reason and leaves out what was just viewed', () => {
    const model = trained();
    const first = ask(
      { strategy: 'for-you', customer: 'me', session: { viewed: ['a'], lastSeenAt: NOW } },
      { online: model },
      facts,
    );
    expect(first.items[0]).toMatchObject({ productId: 'b', reason: 'because you looked at a' });
    const second = ask(
      { strategy: 'for-you', customer: 'me', session: { viewed: ['x', 'a'], lastSeenAt: NOW } },
      { online: model },
      facts,
    );
    expect(second.items[0]).toMatchObject({ productId: 'y', reason: 'because you looked at x' });
    expect(ids(second)).not.toContain('x');
    expect(ids(second)).not.toContain('a');
  });

  it('weighs a session less as it goes quiet', () => {
    const model = trained();
    const live = suggestFromSession({ viewed: ['a'], lastSeenAt: NOW }, model.browsing, NOW);
    const old = suggestFromSession(
      { viewed: ['a'], lastSeenAt: NOW - 24 * 60 * MINUTE },
      model.browsing,
      NOW,
    );
    expect(live.liveness).toBe(1);
    expect(old.liveness).toBeLessThan(0.01);
    expect([...live.scores.keys()]).toEqual(['b']);
  });

  it('still answers from the views the model holds when the request brings no session', () => {
    const model = trained();
    browse(model, [['x']], NOW);
    const answer = ask({ strategy: 'for-you', customer: 'visitor-0' }, { online: model }, facts);
    expect(answer.items[0]).toMatchObject({ productId: 'y', reason: 'because you looked at x' });
  });
});
