import { SignJWT, jwtVerify } from 'jose';
import type { Clock } from '../../ports/clock.js';

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
  ) {
    this.#secret = new TextEncoder().encode(secret);
  }

  async mint(userId: string, ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS): Promise<MintedToken> {
    const issuedAt = Math.floor(this.clock.now() / 1000);
    const expiresAt = issuedAt + ttlSeconds;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuedAt(issuedAt)
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

  /** The userId a valid, unexpired token names; undefined for anything else. */
  async verify(token: string | undefined): Promise<string | undefined> {
    if (token === undefined || token === '') return undefined;
    try {
      const { payload } = await jwtVerify(token, this.#secret, {
        algorithms: ['HS256'],
        currentDate: new Date(this.clock.now()),
        requiredClaims: ['sub', 'exp'],
      });
      return payload.sub;
    } catch {
      return undefined;
    }
  }
}
