import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../../app/access/api-keys.js';
import type { ConsoleSessions, LiveSession } from '../../../app/access/console-sessions.js';
import { isUnsafeMethod, roleAllows } from '../../../app/access/roles.js';
import type { Scope } from '../../../app/access/scopes.js';
import { HttpProblem } from '../problem.js';

/** The session cookie's name. */
export const SESSION_COOKIE = 'attune_session';
/** The header a change made with a session must carry its CSRF token in (the sign-in answer names it too). */
export const CSRF_HEADER = 'x-csrf-token';

/** The session id a request's cookie carries, unchecked. */
export function sessionIdOf(request: FastifyRequest): string | undefined {
  const value = request.cookies[SESSION_COOKIE];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The principal of a session cookie, for a route that needs `scope`.
 * @throws HttpProblem `unauthorized` (no live session), `forbidden` (the role may not),
 *   `csrf_token_required` (a change without the session's CSRF token).
 */
export async function authorizeSession(
  sessions: ConsoleSessions,
  sessionId: string,
  scope: Scope,
  request: FastifyRequest,
): Promise<Principal> {
  const session = await liveSession(sessions, sessionId);
  const role = session.user.role;
  if (!roleAllows(role, scope, request.method)) {
    throw new HttpProblem('forbidden', `the ${role} role may not do this (${scope})`, { scope, role });
  }
  requireCsrfToken(session, request);
  return session.principal;
}

/** @throws HttpProblem `unauthorized` when the session is unknown or has ended. */
export async function liveSession(sessions: ConsoleSessions, sessionId: string): Promise<LiveSession> {
  const session = await sessions.authenticate(sessionId);
  if (session === undefined) {
    throw new HttpProblem('unauthorized', 'the session has ended or is unknown; sign in again', {
      in: 'header',
      pointer: '/cookie',
    });
  }
  return session;
}

/**
 * A change made with a session must carry the session's CSRF token in a header: a page of another
 * site can make a browser send the cookie, but cannot read the token. SameSite=Strict is the first wall.
 * @throws HttpProblem `csrf_token_required`.
 */
export function requireCsrfToken(session: LiveSession, request: FastifyRequest): void {
  if (!isUnsafeMethod(request.method)) return;
  const token = request.headers[CSRF_HEADER];
  if (typeof token === 'string' && token !== '' && session.hasCsrfToken(token)) return;
  throw new HttpProblem('csrf_token_required', `send the session's CSRF token in ${CSRF_HEADER}`, {
    in: 'header',
    pointer: `/${CSRF_HEADER}`,
  });
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Secure whenever the request came over HTTPS. */
export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  sessionId: string,
  expiresAt: number,
): void {
  void reply.setCookie(SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply, request: FastifyRequest): void {
  void reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
  });
}
