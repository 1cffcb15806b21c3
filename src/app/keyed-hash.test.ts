import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmacSha256Hex } from './keyed-hash.js';

describe('HMAC-SHA-256 from one-shot hashes', () => {
  it("gives RFC 4231's answers, a key longer than a block included", () => {
    expect(hmacSha256Hex(Buffer.alloc(20, 0x0b))('Hi There')).toBe(
      'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    );
    expect(hmacSha256Hex('Jefe')('what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(
      hmacSha256Hex(Buffer.alloc(131, 0xaa))('Test Using Larger Than Block-Size Key - Hash Key First'),
    ).toBe('60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54');
  });

  it('answers what createHmac does for a message longer than the buffer it has kept', () => {
    const keyed = hmacSha256Hex('salt');
    const expected = (message: string) => createHmac('sha256', 'salt').update(message, 'utf8').digest('hex');
    for (const message of ['user:a', 'user:é'.repeat(300), 'user:b'])
      expect(keyed(message)).toBe(expected(message));
  });

  it('answers what createHmac does for any key and any sequence of messages', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 100 }), fc.uint8Array({ maxLength: 100 })),
        // Long messages too: the reused buffer grows past its first size.
        fc.array(fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 400 })), { maxLength: 6 }),
        (key, messages) => {
          const keyed = hmacSha256Hex(key);
          for (const message of messages)
            expect(keyed(message)).toBe(createHmac('sha256', key).update(message, 'utf8').digest('hex'));
        },
      ),
    );
  });
});
