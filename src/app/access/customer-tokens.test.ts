import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../adapters/clock/manual-clock.js';
import { CustomerTokens, DEFAULT_TOKEN_TTL_SECONDS } from './customer-tokens.js';

describe('CustomerTokens', () => {
  it('verifies a token it minted as the customer it names', async () => {
    const tokens = new CustomerTokens('secret', new ManualClock('2026-01-01T00:00:00.000Z'));
    const minted = await tokens.mint('17850');
    expect(minted.expiresAt).toBe(new Date(Date.parse('2026-01-01T01:00:00.000Z')).toISOString());
    expect(await tokens.verify(minted.token)).toBe('17850');
  });

  it('refuses a token once it has expired', async () => {
    const clock = new ManualClock();
    const tokens = new CustomerTokens('secret', clock);
    const { token } = await tokens.mint('17850', 60);
    clock.advance(59_000);
    expect(await tokens.verify(token)).toBe('17850');
    clock.advance(DEFAULT_TOKEN_TTL_SECONDS * 1000);
    expect(await tokens.verify(token)).toBeUndefined();
  });

  it('refuses a token signed with another secret, a tampered one, and no token at all', async () => {
    const clock = new ManualClock();
    const ours = new CustomerTokens('secret', clock);
    const theirs = new CustomerTokens('another secret', clock);
    const { token } = await theirs.mint('17850');
    expect(await ours.verify(token)).toBeUndefined();
    const [header, , signature] = (await ours.mint('1')).token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: '17850', exp: 4_000_000_000 })).toString('base64url');
    expect(await ours.verify(`${header}.${forged}.${signature}`)).toBeUndefined();
    expect(await ours.verify(undefined)).toBeUndefined();
    expect(await ours.verify('')).toBeUndefined();
  });
});
