import { createHmac, hash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../ports/clock.js';
import type { Store } from '../../ports/store.js';
import type { Principal } from './api-keys.js';
import type { ConsoleUser, ConsoleUsers } from './console-users.js';
import { roleAllows } from './roles.js';
import { SCOPES } from './scopes.js';

/** How long a session lives: `idleMs` without a request, `absoluteMs` at most whatever its activity. */
export interface SessionLifetime {
  readonly idleMs: number;
  readonly absoluteMs: number;
}

/** A session just signed in: the only moment its id and CSRF token are known in clear. */
export interface SignedIn {
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly user: ConsoleUser;
  /** Epoch ms: the absolute end (the idle end comes sooner without requests). */
  readonly expiresAt: number;
}

/** A session found by its id, still alive. */
export interface LiveSession {
  readonly principal: Principal;
  readonly user: ConsoleUser;
  readonly idleExpiresAt: number;
  readonly expiresAt: number;
  /** This session's CSRF token, for the page that holds the cookie (a reload loses what sign-in answered). */
  readonly csrfToken: string;
  /** True when `token` is this session's CSRF token (compared in constant time). */
  readonly hasCsrfToken: (token: string) => boolean;
}

/** A session's last activity is written at most this often: a request per page would write a row per page. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Console sign-in sessions, kept in the store by a hash of their id (so they hold across nodes and a
 * copy of the table signs nobody in) and ended by inactivity, by age, by sign-out or by deleting the user.
 */
export class ConsoleSessions {
  constructor(
    private readonly deps: {
      store: Pick<
        Store,
        'insertSession' | 'getSession' | 'touchSession' | 'deleteSession' | 'deleteEndedSessions'
      >;
      clock: Clock;
      users: ConsoleUsers;
      lifetime: SessionLifetime;
    },
  ) {}

  /** A new session for these credentials, or undefined when they are wrong. */
  async signIn(email: string, password: string): Promise<SignedIn | undefined> {
    const user = await this.deps.users.verify(email, password);
    if (user === undefined) return undefined;
    const now = this.deps.clock.now();
    const sessionId = randomBytes(32).toString('base64url');
    const csrfToken = csrfTokenOf(sessionId);
    await this.deps.store.deleteEndedSessions(now, now - this.deps.lifetime.idleMs);
    const expiresAt = now + this.deps.lifetime.absoluteMs;
    await this.deps.store.insertSession({
      idHash: digest(sessionId),
      userId: user.id,
      csrfHash: digest(csrfToken),
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    });
    return { sessionId, csrfToken, user, expiresAt };
  }

  /** The live session of this id, or undefined (unknown, signed out, idle too long or too old). */
  async authenticate(sessionId: string): Promise<LiveSession | undefined> {
    const idHash = digest(sessionId);
    const found = await this.deps.store.getSession(idHash);
    if (found === undefined) return undefined;
    const { session, user } = found;
    const now = this.deps.clock.now();
    if (now >= session.expiresAt || now >= session.lastSeenAt + this.deps.lifetime.idleMs) {
      await this.deps.store.deleteSession(idHash);
      return undefined;
    }
    if (now - session.lastSeenAt >= TOUCH_EVERY_MS) await this.deps.store.touchSession(idHash, now);
    const role = user.role;
    return {
      principal: {
        keyId: `user:${user.id}`,
        kind: 'secret',
        scopes: new Set(SCOPES.filter((scope) => roleAllows(role, scope, 'GET'))),
        user: { id: user.id, email: user.email, role },
      },
      user: { id: user.id, email: user.email, role, createdAt: user.createdAt },
      idleExpiresAt: Math.min(session.expiresAt, now + this.deps.lifetime.idleMs),
      expiresAt: session.expiresAt,
      csrfToken: csrfTokenOf(sessionId),
      hasCsrfToken: (token) => {
        const given = Buffer.from(digest(token), 'hex');
        const wanted = Buffer.from(session.csrfHash, 'hex');
        return given.length === wanted.length && timingSafeEqual(given, wanted);
      },
    };
  }

  /** Ends a session on every node at once (they all read sessions from the store). */
  async signOut(sessionId: string): Promise<boolean> {
    return this.deps.store.deleteSession(digest(sessionId));
  }
}

/**
 * A session's CSRF token, derived from its id, so a page reloaded with the cookie can ask for it
 * again (`GET /v1/sessions/current`) while the store keeps only hashes of both. Another site's page
 * can neither read that answer (no CORS with credentials) nor compute the token without the id.
 */
function csrfTokenOf(sessionId: string): string {
  return createHmac('sha256', sessionId).update('attune csrf token').digest('base64url');
}

/** Session ids and CSRF tokens are 256 random bits: one fast hash suffices, as for API keys. */
function digest(secret: string): string {
  return hash('sha256', secret, 'hex');
}
