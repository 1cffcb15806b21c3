import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { InProcessEventBus } from '../../adapters/bus/in-process-event-bus.js';
import { ManualClock } from '../../adapters/clock/manual-clock.js';
import type { SettingsStore } from '../../ports/key-store.js';
import { CustomerTokens } from './customer-tokens.js';
import { TokenRevocations } from './token-revocations.js';

/** The settings store several nodes share (as PostgreSQL would be). */
function sharedSettings(): SettingsStore & { readonly values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    getSetting: async (key) => values.get(key),
    setSetting: async (key, value) => void values.set(key, value),
    setSettingOnce: async (key, value) => values.get(key) ?? (values.set(key, value), value),
  };
}

async function node(store: SettingsStore, bus: InProcessEventBus, clock: ManualClock, nodeId: string) {
  const revocations = new TokenRevocations({ store, bus, clock, nodeId });
  await revocations.start();
  return new CustomerTokens('a secret of at least thirty-two characters', clock, revocations);
}

describe('revoking customer tokens', () => {
  it('refuses tokens issued before the revocation, to the millisecond, and no one else’s', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00.500Z');
    const tokens = await node(sharedSettings(), new InProcessEventBus(), clock, 'a');
    const before = await tokens.mint('u1');
    const other = await tokens.mint('u2');
    clock.advance(1);
    const { revokedBefore } = await tokens.revokeAll('u1');
    expect(revokedBefore).toBe('2026-03-01T10:00:00.501Z');
    const sameMillisecondAfter = await tokens.mint('u1');
    expect(await tokens.verify(before.token)).toBeUndefined();
    expect(await tokens.verify(sameMillisecondAfter.token)).toBe('u1');
    expect(await tokens.verify(other.token)).toBe('u2');
  });

  it('refuses a token the merchant minted without iat once its customer is revoked', async () => {
    const clock = new ManualClock();
    const secret = 'a secret of at least thirty-two characters';
    const tokens = await node(sharedSettings(), new InProcessEventBus(), clock, 'a');
    const withoutIat = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .setExpirationTime(Math.floor(clock.now() / 1000) + 600)
      .sign(new TextEncoder().encode(secret));
    expect(await tokens.verify(withoutIat)).toBe('u1');
    await tokens.revokeAll('u1');
    expect(await tokens.verify(withoutIat)).toBeUndefined();
  });

  it('reaches a node that had already seen the customer, over the bus', async () => {
    const clock = new ManualClock();
    const [store, bus] = [sharedSettings(), new InProcessEventBus()];
    const [a, b] = [await node(store, bus, clock, 'a'), await node(store, bus, clock, 'b')];
    const { token } = await a.mint('u1');
    expect(await b.verify(token)).toBe('u1');
    // B now remembers "never revoked"; only the bus can tell it otherwise.
    store.values.clear();
    clock.advance(5);
    await a.revokeAll('u1');
    await expect.poll(() => b.verify(token)).toBeUndefined();
  });

  it('keeps the revocation in the store, keyed without the customer id in clear', async () => {
    const clock = new ManualClock();
    const store = sharedSettings();
    const first = await node(store, new InProcessEventBus(), clock, 'a');
    const { token } = await first.mint('customer-17850');
    clock.advance(1);
    await first.revokeAll('customer-17850');
    expect([...store.values.keys()].join()).not.toContain('17850');
    const restarted = await node(store, new InProcessEventBus(), clock, 'b');
    expect(await restarted.verify(token)).toBeUndefined();
  });

  it('refuses every token of a customer whose stored revocation does not read, until revoked anew', async () => {
    const clock = new ManualClock();
    const settings = sharedSettings();
    const tokens = await node(settings, new InProcessEventBus(), clock, 'a');
    const minted = await tokens.mint('u-torn');
    const subject = createHash('sha256').update('u-torn', 'utf8').digest('hex');
    settings.values.set(`customer-tokens.revoked-before.${subject}`, 'not an instant');
    expect(await tokens.verify(minted.token)).toBeUndefined();

    const fresh = await node(settings, new InProcessEventBus(), clock, 'b');
    await fresh.revokeAll('u-torn');
    clock.advance(1);
    expect(await fresh.verify((await fresh.mint('u-torn')).token)).toBe('u-torn');
  });
});
