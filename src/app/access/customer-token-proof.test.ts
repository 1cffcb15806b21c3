import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../adapters/clock/manual-clock.js';
import { CustomerTokens } from './customer-tokens.js';

const SECRET = 'a test secret that is long enough';
const now = '2026-06-15T12:00:00.000Z';
const tokens = new CustomerTokens(SECRET, new ManualClock(now));

describe('CustomerTokens.proves', () => {
  it('lets a trusted caller act as the customer it names, and anyone with a token for them', async () => {
    const { token } = await tokens.mint('u1');
    expect(await tokens.proves({ userId: 'u1', trusted: true })).toBe(true);
    expect(await tokens.proves({ userId: 'u1', trusted: false, customerToken: token })).toBe(true);
  });

  it('refuses a token for someone else, a forged or expired one, none, and a request naming nobody', async () => {
    const { token } = await tokens.mint('u2');
    const expired = await new CustomerTokens(SECRET, new ManualClock('2026-06-15T10:00:00.000Z')).mint('u1');
    const forged = await new CustomerTokens(
      'another secret entirely, just as long',
      new ManualClock(now),
    ).mint('u1');
    expect(await tokens.proves({ userId: 'u1', trusted: false, customerToken: token })).toBe(false);
    expect(await tokens.proves({ userId: 'u1', trusted: false, customerToken: expired.token })).toBe(false);
    expect(await tokens.proves({ userId: 'u1', trusted: false, customerToken: forged.token })).toBe(false);
    expect(await tokens.proves({ userId: 'u1', trusted: false })).toBe(false);
    expect(await tokens.proves({ trusted: true })).toBe(false);
    expect(await tokens.proves({ trusted: false, customerToken: token })).toBe(false);
  });
});
