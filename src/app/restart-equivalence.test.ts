import { describe, expect, it, vi } from 'vitest';
import { useApps } from '../../test/support/app-fixture.js';
import { answers, shop } from '../../test/support/restart-shop.js';

const start = useApps();

describe('a restarted node', () => {
  it('gives the same recommendations, segments and loyalty answers as before the restart', async () => {
    const app = await start();
    await shop(app);
    // The node that ran all along has learnt online; its heavier models come from a rebuild.
    await app.recommendations.rebuild();
    const before = await answers(app);
    expect((before['u4'] as { segments: string[] }).segments).toEqual(['buyers', 'browsers'].sort());
    expect(before['u4']).toMatchObject({ loyalty: { tier: 'gold' } });
    // Personal answers that a lost history would change, not empty lists that match anyway.
    for (const userId of ['u2', 'u4'])
      expect((before[userId] as { forYou: unknown[] }).forYou.length).toBeGreaterThan(2);
    expect((before['a'] as string[][])[1]?.length).toBeGreaterThan(1);

    const restarted = await start({ sharedWith: app });
    await vi.waitFor(() => expect(restarted.recommendations.models.ease).toBeDefined());
    expect(await answers(restarted)).toEqual(before);
  });
});
