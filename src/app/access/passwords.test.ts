import { describe, expect, it } from 'vitest';
import { PasswordHasher } from './passwords.js';

describe('password hashing', () => {
  const hasher = new PasswordHasher({ logN: 14, r: 8, p: 1 });

  it('verifies the password it hashed, and no other; two hashes of one password differ (salt)', async () => {
    const first = await hasher.hash('correct horse battery staple');
    const second = await hasher.hash('correct horse battery staple');
    expect(first).toMatch(/^scrypt\$14\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(first).not.toBe(second);
    expect(await hasher.verify('correct horse battery staple', first)).toBe(true);
    expect(await hasher.verify('correct horse battery stapl', first)).toBe(false);
    expect(await hasher.verify('', first)).toBe(false);
  });

  it('reads the cost from the stored hash, so a raised default still verifies older hashes', async () => {
    const older = await hasher.hash('an older password here');
    const stronger = new PasswordHasher({ logN: 15, r: 8, p: 1 });
    expect(await stronger.verify('an older password here', older)).toBe(true);
  });

  it('refuses stored values that are not its hashes, and costs out of bounds', async () => {
    for (const stored of ['', 'plain', 'scrypt$30$8$1$AAAA$AAAA', 'bcrypt$2b$10$abc']) {
      expect(await hasher.verify('anything at all', stored)).toBe(false);
    }
  });

  it('runs at most its concurrency at once and finishes every queued hash', async () => {
    const one = new PasswordHasher({ logN: 14, r: 8, p: 1 }, 1);
    const hashes = await Promise.all(
      ['aaaaaaaaaaaa', 'bbbbbbbbbbbb', 'cccccccccccc'].map((p) => one.hash(p)),
    );
    expect(new Set(hashes).size).toBe(3);
  });
});
