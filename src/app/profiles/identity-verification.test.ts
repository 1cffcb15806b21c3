import { describe, expect, it, vi } from 'vitest';
import type { Identity } from '../../ports/store.js';
import { useApps } from '../../../test/support/app-fixture.js';

const start = useApps();

describe('identity verification against a commit that overtakes it', () => {
  it('leaves out a browser event’s traits when the visitor became a known customer after its check', async () => {
    const app = await start();
    let release = () => {};
    const held = app.ingestion.exclusive(() => new Promise<void>((resolve) => (release = resolve)));
    // Noticed when the browser event's check has looked its visitor up (and found no one).
    const findProfileId = app.store.findProfileId.bind(app.store);
    let lookedUp = () => {};
    const looked = new Promise<void>((resolve) => (lookedUp = resolve));
    vi.spyOn(app.store, 'findProfileId').mockImplementation(async (identity: Identity) => {
      const found = await findProfileId(identity);
      lookedUp();
      return found;
    });

    // The merchant's server links visitor a1 to alice; it commits only once the queue moves on.
    const linked = app.ingestion.submit(
      [{ type: 'identify', userId: 'alice', anonymousId: 'a1', traits: { plan: 'pro' } }],
      { fromServer: true },
    );
    // Meanwhile, a browser names a1 with no token: a1 is nobody yet, so its check lets it through.
    const named = app.ingestion.submit([{ type: 'identify', anonymousId: 'a1', traits: { plan: 'evil' } }], {
      fromServer: false,
    });
    await looked;
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await held;

    await linked;
    const result = await named;
    expect(result.accepted).toBe(1);
    expect(result.ignored).toEqual([{ index: 0, reason: 'customer_token_required', pointer: '/traits' }]);
    expect((await app.profiles.get('alice')).profile.traits['plan']).toBe('pro');
  });
});
