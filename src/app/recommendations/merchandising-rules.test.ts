import { describe, expect, it, vi } from 'vitest';
import { orderCompleted, useApps, type AppFixture } from '../../../test/support/app-fixture.js';

const start = useApps();

async function shop(app: AppFixture) {
  await app.addProducts({ id: 'mug' }, { id: 'plate' }, { id: 'bowl' }, { id: 'lamp' });
  await app.track(
    orderCompleted('c1', 'o1', ['mug', 'plate']),
    orderCompleted('c2', 'o2', ['mug', 'plate']),
    orderCompleted('c3', 'o3', ['bowl']),
  );
}
const popular = async (app: AppFixture) =>
  (await app.recommendations.recommend({ strategy: 'popular', limit: 4 }, await app.customer({}))).items.map(
    (item) => item.productId,
  );

describe('merchandising rules for recommendations', () => {
  it('stores the rules, announces them and applies them to the next answer', async () => {
    const app = await start();
    await shop(app);
    expect(await popular(app)).not.toEqual(expect.arrayContaining(['lamp']));
    const rules = { pins: [{ productId: 'lamp', position: 1, strategies: ['popular' as const] }] };
    expect(await app.recommendations.putRules(rules)).toEqual(rules);
    expect(app.recommendations.rules()).toEqual(rules);
    expect(JSON.parse((await app.store.getSetting('recommendations.rules')) ?? '{}')).toEqual(rules);
    expect(app.published('recommendations')).toEqual([{ origin: app.nodeId }]);
    expect((await popular(app))[0]).toBe('lamp');
  });

  it("follows another node's rules, and reads them on start", async () => {
    const app = await start();
    await shop(app);
    const other = await start({ sharedWith: app });
    await other.recommendations.putRules({ pins: [{ productId: 'lamp', position: 1 }] });
    await vi.waitFor(async () => expect((await popular(app))[0]).toBe('lamp'));
    const restarted = await start({ sharedWith: app });
    expect(restarted.recommendations.rules()).toEqual({ pins: [{ productId: 'lamp', position: 1 }] });
  });
});
