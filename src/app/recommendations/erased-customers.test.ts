import { describe, expect, it, vi } from 'vitest';
import { orderCompleted, useApps, type AppFixture } from '../../../test/support/app-fixture.js';

const start = useApps();

async function shop(app: AppFixture) {
  await app.addProducts({ id: 'a' }, { id: 'b' }, { id: 'd' });
  await app.track(
    orderCompleted('x1', 'o1', ['a', 'b']),
    orderCompleted('gone', 'o2', ['a', 'd']),
    orderCompleted('gone', 'o3', ['b']),
  );
}
const boughtWithD = async (app: AppFixture) =>
  (
    await app.recommendations.recommend(
      { strategy: 'bought-together', productId: 'd', limit: 5 },
      await app.customer({}),
    )
  ).items
    .filter((item) => item.reason === 'bought with d')
    .map((item) => item.productId);

describe('erased customers in the recommendation models', () => {
  it("forgets an erased customer's history at once, and their part in shared counts with the next rebuild", async () => {
    const app = await start();
    await shop(app);
    const profileId = (await app.profiles.get('gone')).profile.id;
    expect(await boughtWithD(app)).toContain('a');
    await app.profiles.erase('gone');
    expect(app.recommendations.models.online.customers.has(profileId)).toBe(false);
    await app.recommendations.rebuild();
    expect(await boughtWithD(app)).not.toContain('a');
  });

  it('forgets a customer erased on another node', async () => {
    const app = await start();
    const other = await start({ sharedWith: app });
    await shop(app);
    const profileId = (await app.profiles.get('gone')).profile.id;
    await vi.waitFor(() => expect(other.recommendations.models.online.customers.has(profileId)).toBe(true));
    await app.profiles.erase('gone');
    await vi.waitFor(() => expect(other.recommendations.models.online.customers.has(profileId)).toBe(false));
  });
});
