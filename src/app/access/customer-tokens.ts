import { SignJWT, jwtVerify } from 'jose';
import type { Clock } from '../../ports/clock.js';
import type { TokenRevocations } from './token-revocations.js';

export interface MintedToken {
  readonly token: string;
  /** ISO 8601. */
  readonly expiresAt: string;
}

/** Tokens live an hour unless the caller asks otherwise, and never more than 30 days. */
export const DEFAULT_TOKEN_TTL_SECONDS = 3_600;
export const MAX_TOKEN_TTL_SECONDS = 30 * 86_400;

/**
 * Customer tokens (docs/api.md): HS256 JWTs with `sub` = userId and `exp`, so a browser holding a
 * publishable key can act as its own customer and no other. Merchants' servers may mint them with
 * the same secret themselves.
 */
export class CustomerTokens {
  readonly #secret: Uint8Array;

  constructor(
    secret: string,
    private readonly clock: Clock,
    /** Without it, no token is ever revoked. */
    private readonly revocations?: TokenRevocations,
  ) {
    this.#secret = new TextEncoder().encode(secret);
  }

  async mint(userId: string, ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS): Promise<MintedToken> {
    const now = this.clock.now();
    const expiresAt = Math.floor(now / 1000) + ttlSeconds;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      // To the millisecond (RFC 7519 dates may have fractions), so a token minted just after a
      // revocation is told apart from one minted just before it.
      .setIssuedAt(now / 1000)
      .setExpirationTime(expiresAt)
      .sign(this.#secret);
    return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
  }

  /**
   * Whether a request may act as the customer it names: a trusted caller (a secret key) always may;
   * anyone else only with a valid token for that very userId. A request naming no userId proves nobody.
   */
  async proves(request: {
    readonly userId?: string;
    readonly trusted: boolean;
    readonly customerToken?: string;
  }): Promise<boolean> {
    if (request.userId === undefined) return false;
    return request.trusted || (await this.verify(request.customerToken)) === request.userId;
  }

  /** The userId a valid, unexpired, unrevoked token names; undefined for anything else. */
  async verify(token: string | undefined): Promise<string | undefined> {
    if (token === undefined || token === '') return undefined;
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.#secret, {
        algorithms: ['HS256'],
        currentDate: new Date(this.clock.now()),
        requiredClaims: ['sub', 'exp'],
      }));
    } catch {
      return undefined;
    }
    const { sub, iat } = payload;
    if (sub === undefined || this.revocations === undefined) return sub;
    const revokedBefore = await this.revocations.revokedBefore(sub);
    // A token without `iat` cannot show it came after a revocation.
    const issuedAt = iat === undefined ? -Infinity : Math.round(iat * 1000);
    return revokedBefore !== undefined && issuedAt < revokedBefore ? undefined : sub;
  }

  /** Revokes every token of `userId` issued before now; answers that instant (ISO 8601). */
  async revokeAll(userId: string): Promise<{ userId: string; revokedBefore: string }> {
    if (this.revocations === undefined) throw new Error('this node keeps no token revocations');
    const revokedBefore = await this.revocations.revoke(userId);
    return { userId, revokedBefore: new Date(revokedBefore).toISOString() };
  }
}
