import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createIdHasher } from './id-hasher.js';

const hmac = (salt: string, text: string) => createHmac('sha256', salt).update(text).digest('hex');

describe('createIdHasher', () => {
  it('answers the HMAC of kind and value under the salt, the first time and again', () => {
    const hash = createIdHasher('salt-1');
    expect(hash({ kind: 'user', value: 'u1' })).toBe(hmac('salt-1', 'user:u1'));
    expect(hash({ kind: 'user', value: 'u1' })).toBe(hmac('salt-1', 'user:u1'));
    expect(hash({ kind: 'anon', value: 'u1' })).toBe(hmac('salt-1', 'anon:u1'));
  });

  it('keeps each hasher to its own salt', () => {
    const one = createIdHasher('salt-1');
    const two = createIdHasher('salt-2');
    expect(one({ kind: 'user', value: 'u1' })).not.toBe(two({ kind: 'user', value: 'u1' }));
  });

  it('still answers right for ids hashed long ago, after many others', () => {
    const hash = createIdHasher('salt-1');
    for (let index = 0; index < 12_000; index += 1) hash({ kind: 'user', value: `u${index}` });
    expect(hash({ kind: 'user', value: 'u0' })).toBe(hmac('salt-1', 'user:u0'));
    expect(hash({ kind: 'user', value: 'u11999' })).toBe(hmac('salt-1', 'user:u11999'));
  });
});
