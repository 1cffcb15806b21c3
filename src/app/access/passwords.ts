import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost: N = 2^logN, block size r, parallelism p. Stored with each hash, so it can rise later. */
export interface ScryptCost {
  readonly logN: number;
  readonly r: number;
  readonly p: number;
}

/**
 * OWASP's minimum for scrypt (Password Storage Cheat Sheet): N = 2^17, r = 8, p = 1, which takes
 * 128 MiB and a few hundred milliseconds per hash; it is what makes a stolen table slow to crack.
 */
export const DEFAULT_SCRYPT_COST: ScryptCost = { logN: 17, r: 8, p: 1 };

const SALT_BYTES = 16;
const HASH_BYTES = 32;
const FORMAT = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

/**
 * Password hashing with Node's own scrypt (memory-hard; no extra dependency), a random salt per
 * password and a constant-time comparison. At most `concurrency` hashes run at once: each holds
 * 128 MiB at the default cost, so a burst of sign-ins must queue rather than exhaust memory.
 */
export class PasswordHasher {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(
    private readonly cost: ScryptCost = DEFAULT_SCRYPT_COST,
    private readonly concurrency = 2,
  ) {}

  /** `scrypt$<logN>$<r>$<p>$<salt>$<hash>`, base64url. */
  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const derived = await this.#derive(password, salt, this.cost, HASH_BYTES);
    const { logN, r, p } = this.cost;
    return `scrypt$${logN}$${r}$${p}$${salt.toString('base64url')}$${derived.toString('base64url')}`;
  }

  /** True when `password` hashes to `stored`; false for a stored value that is not a hash of this format. */
  async verify(password: string, stored: string): Promise<boolean> {
    const parts = FORMAT.exec(stored);
    if (parts === null) return false;
    const [, logN, r, p, salt = '', expected = ''] = parts;
    const cost = { logN: Number(logN), r: Number(r), p: Number(p) };
    const wanted = Buffer.from(expected, 'base64url');
    if (cost.logN < 10 || cost.logN > 20 || wanted.length === 0) return false;
    const derived = await this.#derive(password, Buffer.from(salt, 'base64url'), cost, wanted.length);
    return timingSafeEqual(derived, wanted);
  }

  /** Spends the time a verification takes, for a sign-in whose email is unknown (no timing oracle). */
  async verifyNothing(password: string): Promise<void> {
    await this.#derive(password, randomBytes(SALT_BYTES), this.cost, HASH_BYTES);
  }

  async #derive(password: string, salt: Buffer, cost: ScryptCost, length: number): Promise<Buffer> {
    await this.#turn();
    try {
      const N = 2 ** cost.logN;
      const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r };
      return await new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize('NFC'), salt, length, options, (error, key) =>
          error === null ? resolve(key) : reject(error),
        ),
      );
    } finally {
      this.#release();
    }
  }

  /** Takes a slot, or waits for one to be handed over. */
  async #turn(): Promise<void> {
    if (this.#running < this.concurrency) {
      this.#running += 1;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  /** Hands the slot to the next in line, or frees it. */
  #release(): void {
    const next = this.#waiting.shift();
    if (next === undefined) this.#running -= 1;
    else next();
  }
}
