import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ConsoleSessions } from '../../../app/access/console-sessions.js';
import { normaliseEmail } from '../../../app/access/console-users.js';
import { AppError } from '../../../app/errors.js';
import { ProblemSchema, commonProblems } from '../common-schemas.js';
import { HttpProblem } from '../problem.js';
import type { RateLimiter, SignInLimitClass } from '../rate-limits.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';
import { SessionView, SignInBody } from './schemas.js';
import {
  CSRF_HEADER,
  clearSessionCookie,
  liveSession,
  requireCsrfToken,
  sessionIdOf,
  setSessionCookie,
} from './session-auth.js';
import { userView } from './views.js';

/**
 * `/v1/sessions`: console sign-in with an email and a password, which sets an HttpOnly session cookie
 * and answers the CSRF token changes need; who is signed in; sign-out.
 */
export function registerSessionRoutes(
  parent: FastifyInstance,
  deps: { sessions: ConsoleSessions; limiter: RateLimiter<SignInLimitClass> },
): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  const { sessions, limiter } = deps;
  const tags = ['sessions'];

  app.post(
    '/v1/sessions',
    {
      config: { scope: 'public' },
      schema: {
        tags,
        summary: 'Sign in to the console: sets the session cookie and answers its CSRF token',
        security: [],
        body: SignInBody,
        response: { 201: SessionView, 400: ProblemSchema, 401: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      const email = normaliseEmail(request.body.email);
      // Every attempt costs its address. An email's budgets are spent by failures only, and the
      // strict one per address: a stranger's guesses never lock the owner out from their own.
      const failures: [SignInLimitClass, string][] = [
        ['sign-in-email', `${email} ${request.ip}`],
        ['sign-in-email-anywhere', email],
      ];
      await countAttempt(limiter, 'sign-in-address', request.ip, reply, 'take');
      for (const [limitClass, bucket] of failures)
        await countAttempt(limiter, limitClass, bucket, reply, 'peek');
      const signedIn = await sessions.signIn(email, request.body.password);
      if (signedIn === undefined) {
        for (const [limitClass, bucket] of failures)
          await countAttempt(limiter, limitClass, bucket, reply, 'take');
        throw new AppError('invalid_credentials', 'the email or the password is wrong', {
          pointer: '/password',
        });
      }
      setSessionCookie(reply, request, signedIn.sessionId, signedIn.expiresAt);
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({
          user: userView(signedIn.user),
          expiresAt: new Date(signedIn.expiresAt).toISOString(),
          csrf: { header: 'X-CSRF-Token', token: signedIn.csrfToken },
        });
    },
  );

  app.get(
    '/v1/sessions/current',
    {
      config: { scope: 'public' },
      schema: {
        tags,
        summary: "Who is signed in with this session cookie, and the session's CSRF token",
        security: [{ consoleSession: [] }],
        response: { 200: SessionView, 401: ProblemSchema },
      },
    },
    async (request, reply) => {
      const session = await liveSession(sessions, requiredSessionId(request));
      return reply.header('cache-control', 'no-store').send({
        user: userView(session.user),
        expiresAt: new Date(session.expiresAt).toISOString(),
        idleExpiresAt: new Date(session.idleExpiresAt).toISOString(),
        csrf: { header: 'X-CSRF-Token', token: session.csrfToken },
      });
    },
  );

  app.delete(
    '/v1/sessions/current',
    {
      config: { scope: 'public' },
      schema: {
        tags,
        summary: `Sign out: ends the session on every node (needs ${CSRF_HEADER})`,
        security: [{ consoleSession: [] }],
        response: { ...commonProblems },
      },
    },
    async (request, reply) => {
      const sessionId = requiredSessionId(request);
      requireCsrfToken(await liveSession(sessions, sessionId), request);
      await sessions.signOut(sessionId);
      clearSessionCookie(reply, request);
      return reply.code(204).send();
    },
  );
}

function requiredSessionId(request: FastifyRequest): string {
  const sessionId = sessionIdOf(request);
  if (sessionId !== undefined) return sessionId;
  throw new HttpProblem('unauthorized', 'no session cookie; sign in with POST /v1/sessions', {
    in: 'header',
    pointer: '/cookie',
  });
}

/** @throws HttpProblem `rate_limited` with `Retry-After` once the budget of `bucket` is spent. */
async function countAttempt(
  limiter: RateLimiter<SignInLimitClass>,
  limitClass: SignInLimitClass,
  bucket: string,
  reply: FastifyReply,
  /** `take` spends one attempt; `peek` only checks that one is left. */
  how: 'take' | 'peek',
): Promise<void> {
  const policy = limiter.policyOf(limitClass);
  if (policy === undefined) return;
  const verdict =
    how === 'take' ? await limiter.take(limitClass, bucket) : await limiter.peek(limitClass, bucket);
  // A failure that spends the last attempt is still answered as a wrong password.
  if (how === 'take' && limitClass !== 'sign-in-address') return;
  if (verdict.allowed) return;
  void reply.header('retry-after', String(verdict.resetSeconds));
  void reply.header('ratelimit-policy', `"${limitClass}";q=${policy.requests};w=${policy.windowSeconds}`);
  void reply.header('ratelimit', `"${limitClass}";r=0;t=${verdict.resetSeconds}`);
  throw new HttpProblem(
    'rate_limited',
    `over ${policy.requests} sign-in attempts in ${policy.windowSeconds} s; retry after ${verdict.resetSeconds} s`,
    { limitClass },
  );
}
