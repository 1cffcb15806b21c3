import { describe, expect, it, vi } from 'vitest';
import { useApps } from '../../../test/support/app-fixture.js';
import type { EventBus } from '../../ports/event-bus.js';
import { ApiKeyService, hashKey } from './api-keys.js';
import { PUBLISHABLE_SCOPES, SCOPES } from './scopes.js';

const start = useApps();

describe('ApiKeyService', () => {
  it('creates one key pair on the first start of an empty store, and none after', async () => {
    // The node's start ran ensureKeys on its empty store, as every node's start does.
    const app = await start();
    const created = app.createdKeys;
    expect(created.map((key) => key.record.kind).sort()).toEqual(['publishable', 'secret']);
    const secret = created.find((key) => key.record.kind === 'secret');
    expect(secret?.key).toMatch(/^sk_/);
    expect(await app.keys.ensureKeys({}, app.nodeId)).toEqual([]);
    // A second node starting on the same store makes none either.
    const second = await start({ sharedWith: app });
    expect(await second.keys.ensureKeys({}, second.nodeId)).toEqual([]);
  });

  it('stores secret keys only as hashes, and keeps publishable keys readable for the demo pages', async () => {
    const app = await start();
    const secret = await app.keys.create('secret', 'back office');
    const publishable = await app.keys.create('publishable', 'storefront');
    const stored = await app.store.listKeys();
    expect(JSON.stringify(stored)).not.toContain(secret.key);
    const made = [...app.createdKeys.map((created) => created.key), secret.key, publishable.key];
    expect(stored.map((record) => record.hash).sort()).toEqual(made.map(hashKey).sort());
    const publishableKeys = made.filter((key) => key.startsWith('pk_'));
    expect(publishableKeys).toContain(await app.keys.anyPublishableKey());
  });

  it('hashes a key to its SHA-256 in hex, as stored keys were hashed, so they keep authenticating', () => {
    expect(hashKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('gives a secret key every scope and a publishable key only the storefront scopes', async () => {
    const app = await start();
    const [secret, publishable] = await Promise.all([
      app.keys.create('secret', 's'),
      app.keys.create('publishable', 'p'),
    ]);
    const asSecret = await app.keys.authenticate(secret.key);
    const asPublishable = await app.keys.authenticate(publishable.key);
    expect(asSecret?.kind).toBe('secret');
    expect([...(asSecret?.scopes ?? [])].sort()).toEqual([...SCOPES].sort());
    expect([...(asPublishable?.scopes ?? [])].sort()).toEqual([...PUBLISHABLE_SCOPES].sort());
    expect(await app.keys.authenticate('sk_made_up')).toBeUndefined();
  });

  it('accepts the configured fixed keys', async () => {
    const app = await start();
    const configured = { secretKey: 'sk_configured_0123456789', publishableKey: 'pk_configured_0123456789' };
    await app.keys.ensureKeys(configured, app.nodeId);
    expect((await app.keys.authenticate(configured.secretKey))?.kind).toBe('secret');
    expect((await app.keys.authenticate(configured.publishableKey))?.kind).toBe('publishable');
    expect(await app.keys.ensureKeys({}, app.nodeId)).toEqual([]);
  });

  it("learns another node's new key over the bus", async () => {
    const app = await start();
    const other = await start({ sharedWith: app });
    const created = await other.keys.create('secret', 'made elsewhere');
    expect(app.published('keys')).toContainEqual({ keyId: created.record.id });
    await vi.waitFor(async () => expect(await app.keys.authenticate(created.key)).toBeDefined());
  });

  it('finds a key written by another process (the CLI) once the reload interval has passed', async () => {
    const app = await start();
    // A service that never announces: as the CLI writing to the store from elsewhere.
    const silent: EventBus = {
      publish: () => Promise.resolve(),
      subscribe: () => Promise.resolve({ unsubscribe: () => Promise.resolve() }),
      ping: () => Promise.resolve(),
      close: () => Promise.resolve(),
    };
    const cli = new ApiKeyService({
      store: app.store,
      bus: silent,
      clock: app.clock,
      reportUnloadable: () => {},
    });
    await app.keys.authenticate('sk_unknown'); // a reload just now
    const created = await cli.create('secret', 'from the CLI');
    expect(await app.keys.authenticate(created.key)).toBeUndefined();
    app.clock.advance(5_000);
    expect((await app.keys.authenticate(created.key))?.kind).toBe('secret');
  });
});
