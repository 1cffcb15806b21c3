import { describe, expect, it, vi } from 'vitest';
import { trainEase } from '../../domain/recommendations/index.js';
import type { ModelTrainer } from '../../ports/model-trainer.js';
import { orderCompleted, useApps, type AppFixture } from '../../../test/support/app-fixture.js';

const start = useApps();

/** A trainer that holds each training until the test lets it go: a rebuild's slow part, on demand. */
function gatedTrainer() {
  const held: (() => void)[] = [];
  const trainer: ModelTrainer = {
    async trainEase(set, lambda) {
      await new Promise<void>((resolve) => held.push(resolve));
      return trainEase(set, lambda);
    },
  };
  return {
    trainer,
    /** Resolves once a training is held. */
    training: () => vi.waitFor(() => expect(held.length).toBeGreaterThan(0)),
    release: () => held.splice(0).forEach((resolve) => resolve()),
  };
}

const customersOf = (app: AppFixture) => app.recommendations.models.online.customers;
const profileIdOf = async (app: AppFixture, id: string) => (await app.profiles.get(id)).profile.id;

async function history(app: AppFixture): Promise<void> {
  await app.addProducts({ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' });
  await app.track(
    orderCompleted('u1', 'o1', ['a', 'b']),
    orderCompleted('u2', 'o2', ['a', 'b', 'c']),
    orderCompleted('u3', 'o3', ['b', 'c']),
  );
}

describe('rebuilding the recommendation models', () => {
  it('rebuilds every model from the store and reports what it built', async () => {
    const app = await start();
    await history(app);
    const report = await app.recommendations.rebuild();
    expect(report).toMatchObject({
      customers: 3,
      interactions: 7,
      describedProducts: 4,
      builtAt: new Date(app.clock.now()).toISOString(),
    });
    expect(report.denseItems).toBeGreaterThanOrEqual(2);
    expect(app.recommendations.models.ease?.size).toBe(report.denseItems);
  });

  it('builds the models from the store when a node starts', async () => {
    const app = await start();
    await history(app);
    const restarted = await start({ sharedWith: app });
    expect(customersOf(restarted).size).toBe(3);
    const answer = await restarted.recommendations.recommend(
      { strategy: 'bought-together', productId: 'c', limit: 5 },
      await restarted.customer({}),
    );
    expect(answer.items[0]?.productId).toBe('b');
    await vi.waitFor(() => expect(restarted.recommendations.models.ease).toBeDefined());
  });

  it('reads a log and a customer base longer than a page of the store, to the end', async () => {
    const app = await start();
    await app.addProducts({ id: 'a' }, { id: 'b' }, { id: 'c' });
    // 450 views by 150 customers: more events and more profiles than one page of either.
    const views = Array.from({ length: 450 }, (_, index) => ({
      type: 'track',
      userId: `viewer-${index % 150}`,
      messageId: `view-${index}`,
      event: 'Product Viewed',
      properties: { product_id: ['a', 'b', 'c'][index % 3] as string },
    }));
    for (let first = 0; first < views.length; first += 100)
      await app.track(...views.slice(first, first + 100));
    const report = await app.recommendations.rebuild();
    expect(report).toMatchObject({ customers: 150, interactions: 450 });
  });

  it('keeps popularity per country from the profiles the log names, read a page at a time', async () => {
    const app = await start();
    await history(app);
    await app.track({ type: 'identify', userId: 'u-fr', traits: { country: 'FR' } });
    await app.track(orderCompleted('u-fr', 'o-fr', ['d']));
    await app.recommendations.rebuild();
    const inFrance = app.recommendations.models.online.popularity.top(
      'country:fr',
      'popular',
      app.clock.now(),
      5,
    );
    expect(inFrance.map(([item]) => item)).toEqual(['d']);
  });

  it('keeps what is committed, merged or erased while a rebuild reads and trains', async () => {
    const gate = gatedTrainer();
    const app = await start({ trainer: gate.trainer });
    gate.release(); // nothing to train at start
    await history(app);
    const rebuilt = app.recommendations.rebuild();
    await gate.training();
    await app.track(orderCompleted('late', 'o4', ['c', 'd']));
    await app.track({
      type: 'track',
      anonymousId: 'anon',
      event: 'Product Viewed',
      properties: { product_id: 'd' },
    });
    await app.track({ type: 'identify', userId: 'known', anonymousId: 'anon' });
    const erased = await profileIdOf(app, 'u2');
    await app.profiles.erase('u2');
    gate.release();
    await rebuilt;
    expect(
      customersOf(app)
        .get(await profileIdOf(app, 'late'))
        ?.purchases.has('d'),
    ).toBe(true);
    expect(customersOf(app).get(await profileIdOf(app, 'known'))?.viewed).toEqual(['d']);
    expect(customersOf(app).has(erased)).toBe(false);
  });

  it('learns what customers it let go of bought during a rebuild as first purchases or not, keeping the counts exact', async () => {
    const gate = gatedTrainer();
    // Histories get half: about four customers'; the rebuild reads with a quarter of it, about one.
    const app = await start({ trainer: gate.trainer, config: { customerCacheMib: 7_600 / (1024 * 1024) } });
    gate.release(); // nothing to train at start
    await history(app);
    const rebuilt = app.recommendations.rebuild();
    await gate.training();
    await app.track(orderCompleted('u1', 'o5', ['a', 'd']));
    gate.release();
    await rebuilt;
    const { online } = app.recommendations.models;
    expect(online.coPurchases.exact).toBe(true);
    const u1 = online.customers.get(await profileIdOf(app, 'u1'));
    expect([u1?.purchases.get('a')?.orders, u1?.purchases.get('d')?.orders]).toEqual([2, 1]);
    expect(online.coPurchases.buyersOf('a')).toBe(2);
    expect(online.coPurchases.buyersOf('d')).toBe(1);
  });

  it('shares one more rebuild among the calls made during a rebuild', async () => {
    const gate = gatedTrainer();
    const app = await start({ trainer: gate.trainer });
    await history(app);
    gate.release();
    const first = app.recommendations.rebuild();
    await gate.training();
    const [second, third] = [app.recommendations.rebuild(), app.recommendations.rebuild()];
    expect(second).toBe(third);
    gate.release();
    await first;
    await gate.training();
    gate.release();
    expect((await second).customers).toBe(3);
  });

  it('trains the heavier models on what the online state learnt, without reading the log', async () => {
    const app = await start({ config: { recsDenseItems: 100 } });
    await history(app);
    expect(app.recommendations.models.ease).toBeUndefined();
    const report = await app.recommendations.trainOnWhatIsLearnt();
    expect(report).toMatchObject({ customers: 3, describedProducts: 4 });
    expect(app.recommendations.models.ease?.size).toBe(report.denseItems);
  });

  it('retrains on schedule from what is learnt, reading no log and copying no customer', async () => {
    const app = await start({ config: { recsDenseItems: 100 } });
    await history(app);
    const inService = app.recommendations.models.online;
    const read = vi.spyOn(app.store, 'scanTrackEvents');
    const report = await app.recommendations.refreshOnSchedule();
    expect(read).not.toHaveBeenCalled();
    expect(report).toMatchObject({ customers: 3, describedProducts: 4 });
    expect(app.recommendations.models.online).toBe(inService);
    expect(app.recommendations.models.ease?.size).toBe(report.denseItems);
  });

  it('lets a scheduled retraining wait for a rebuild under way rather than add one', async () => {
    const gate = gatedTrainer();
    const app = await start({ trainer: gate.trainer });
    await history(app);
    gate.release();
    const rebuilding = app.recommendations.rebuild();
    await gate.training();
    expect(app.recommendations.refreshOnSchedule()).toBe(rebuilding);
    gate.release();
    expect((await rebuilding).customers).toBe(3);
  });

  it('reads the log on schedule while an erasure still waits for it', async () => {
    const app = await start();
    await history(app);
    const erased = await profileIdOf(app, 'u2');
    await app.profiles.erase('u2');
    const read = vi.spyOn(app.store, 'scanTrackEvents');
    const report = await app.recommendations.refreshOnSchedule();
    expect(read).toHaveBeenCalled();
    expect(report.customers).toBe(2);
    expect(customersOf(app).has(erased)).toBe(false);
    // u2 alone bought a with c: that pair leaves the shared counts with the read.
    const answer = await app.recommendations.recommend(
      { strategy: 'bought-together', productId: 'c', limit: 5 },
      await app.customer({}),
    );
    expect(answer.items.find((item) => item.productId === 'a')?.reason).not.toMatch(/bought with/);
  });

  it('describes new products for similar items soon after a burst of catalogue writes', async () => {
    const app = await start();
    await app.addProducts(
      { id: 'red-mug', title: 'Red ceramic mug', categories: ['home/kitchen/mugs'] },
      { id: 'lamp', title: 'Brass desk lamp', categories: ['home/lighting'] },
    );
    await app.recommendations.rebuild();
    await app.addProducts({ id: 'blue-mug', title: 'Blue ceramic mug', categories: ['home/kitchen/mugs'] });
    const similar = async () =>
      app.recommendations.recommend(
        { strategy: 'similar', productId: 'red-mug', limit: 5 },
        await app.customer({}),
      );
    await vi.waitFor(async () => expect((await similar()).items[0]?.productId).toBe('blue-mug'), {
      timeout: 5_000,
    });
  });

  it('describes products changed on another node, or while a rebuild trains, in the model that serves', async () => {
    const gate = gatedTrainer();
    const app = await start({ trainer: gate.trainer });
    gate.release(); // nothing to train at start
    const other = await start({ sharedWith: app });
    await history(app);
    await app.addProducts(
      { id: 'red-mug', title: 'Red ceramic mug', categories: ['home/kitchen/mugs'] },
      { id: 'lamp', title: 'Brass desk lamp', categories: ['home/lighting'] },
    );
    const similarTo = async (productId: string) =>
      (
        await app.recommendations.recommend(
          { strategy: 'similar', productId, limit: 5 },
          await app.customer({}),
        )
      ).items.map((item) => item.productId);
    const rebuilt = app.recommendations.rebuild();
    await gate.training();
    // The rebuild described the catalogue before these: it must not serve without them.
    await other.catalog.putProducts([
      {
        id: 'blue-mug',
        title: 'Blue ceramic mug',
        categories: ['home/kitchen/mugs'],
        attributes: {},
        price: { amount: 900, currency: 'GBP' },
      },
    ]);
    await vi.waitFor(() => expect(app.catalog.catalog.getProduct('blue-mug')).toBeDefined());
    await app.catalog.deleteProduct('lamp');
    gate.release();
    await rebuilt;
    await vi.waitFor(async () => expect((await similarTo('red-mug'))[0]).toBe('blue-mug'));
    expect(app.recommendations.models.content?.size).toBe(6);
    expect(app.recommendations.models.content?.similar('lamp', 5)).toEqual([]);
  });
});
