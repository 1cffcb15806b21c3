import { describe, expect, it } from 'vitest';
import { compileAudience } from './audience.js';
import { withCustomerErased } from './erase-customer.js';

describe('erasing a customer from a price list’s audience', () => {
  const erin = { userId: 'erin', segments: new Set<string>() };

  it('replaces their userId with the stand-in, so the list no longer prices for them', () => {
    const list = { audience: { customers: ['erin', 'frank'], countries: ['GB'] } };
    const erased = withCustomerErased(list, 'erin', 'erased:abc');
    expect(erased.audience).toEqual({ customers: ['erased:abc', 'frank'], countries: ['GB'] });
    expect(compileAudience(erased.audience).match({ ...erin, country: 'gb' })).toBeUndefined();
    expect(
      compileAudience(erased.audience).match({ userId: 'frank', segments: new Set(), country: 'gb' }),
    ).toEqual(['customer frank', 'country gb']);
  });

  it('keeps a list for that customer alone closed to everyone, never opens it to all', () => {
    const erased = withCustomerErased({ audience: { customers: ['erin'] } }, 'erin', 'erased:abc');
    const audience = compileAudience(erased.audience);
    expect(audience.everyone).toBe(false);
    expect(audience.match(erin)).toBeUndefined();
    expect(audience.match({ segments: new Set() })).toBeUndefined();
  });

  it('answers the same list when its audience does not name them', () => {
    const list = { audience: { customers: ['frank'] } };
    expect(withCustomerErased(list, 'erin', 'erased:abc')).toBe(list);
    const everyone = { audience: {} };
    expect(withCustomerErased(everyone, 'erin', 'erased:abc')).toBe(everyone);
  });
});
