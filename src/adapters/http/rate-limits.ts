import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKeyService } from '../../app/access/api-keys.js';
import { presentedKeyOf } from './auth.js';
import { HttpProblem } from './problem.js';

/**
 * Who a request is counted against. A secret key is a merchant's server: counted per key. A
 * publishable key sits in every shopper's page: counted per client address. Anything else (no key,
 * an unknown key, public routes): counted per client address.
 */
export type LimitClass = 'secret' | 'publishable' | 'keyless';

/** A budget: `requests` per `windowSeconds`. */
export interface RateLimit {
  readonly requests: number;
  readonly windowSeconds: number;
}

/** What taking one request from a budget left. */
export interface RateVerdict {
  readonly allowed: boolean;
  readonly remaining: number;
  /** Seconds until the budget is whole again (at least 1 when refused). */
  readonly resetSeconds: number;
}

/** Counts requests against budgets; in-process on one node, shared through Redis across nodes. */
export interface RateLimiter<C extends string = LimitClass> {
  /** The budget of `limitClass`, or undefined when it is unlimited. */
  policyOf(limitClass: C): RateLimit | undefined;
  /** Takes one request from `bucket`'s budget in `limitClass` (which must have a policy). */
  take(limitClass: C, bucket: string): Promise<RateVerdict>;
  /** Whether `bucket` has budget left in `limitClass`, taking none (for budgets spent only on failure). */
  peek(limitClass: C, bucket: string): Promise<RateVerdict>;
}

/**
 * Console sign-in attempts: failures per email from one address (so a stranger cannot lock the
 * owner out from elsewhere), failures per email from anywhere (a ceiling on distributed guessing),
 * and every attempt per client address.
 */
export type SignInLimitClass = 'sign-in-email' | 'sign-in-email-anywhere' | 'sign-in-address';

/** The sign-in budgets the settings give (an unset one is unlimited). */
export function signInPolicies(config: {
  readonly signInLimitPerEmail: RateLimit | undefined;
  readonly signInLimitPerEmailAnywhere: RateLimit | undefined;
  readonly signInLimitPerAddress: RateLimit | undefined;
}): Partial<Record<SignInLimitClass, RateLimit>> {
  return {
    ...(config.signInLimitPerEmail !== undefined && { 'sign-in-email': config.signInLimitPerEmail }),
    ...(config.signInLimitPerEmailAnywhere !== undefined && {
      'sign-in-email-anywhere': config.signInLimitPerEmailAnywhere,
    }),
    ...(config.signInLimitPerAddress !== undefined && { 'sign-in-address': config.signInLimitPerAddress }),
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set once the request has been counted, so no later hook counts it twice. */
    rateCounted: boolean;
  }
}

/**
 * Rate limits at the edge, before any body is read: requests without a valid key are counted before the
 * key check, requests with one right after it, and events whose key is inside their (small, at most
 * 64 KiB) body once it is read. Over budget: `429 rate_limited` with `Retry-After`; every counted
 * answer carries the IETF draft `RateLimit` and `RateLimit-Policy` headers.
 * Install before auth: the keyless count runs first, the rest after auth's hooks.
 */
export function installRateLimits(app: FastifyInstance, limiter: RateLimiter, keys: ApiKeyService): void {
  app.decorateRequest('rateCounted', false);
  app.addHook('onRequest', async (request, reply) => {
    const { scope, keyInBody, keyInQuery } = request.routeOptions.config;
    const needsKey = scope !== undefined && scope !== 'public';
    const key = needsKey ? presentedKeyOf(request, keyInQuery === true) : undefined;
    if (needsKey && key === undefined && keyInBody === true) return;
    // A key nobody knows counts as no key: guessing keys costs the guesser's address its budget.
    if (key !== undefined && (await keys.authenticate(key)) !== undefined) return;
    await count(limiter, 'keyless', request, reply);
  });
  // After every onRequest hook, so after auth: the key is known, and no body has been read yet.
  app.addHook('preParsing', async (request, reply) => {
    if (request.principal !== undefined) await count(limiter, request.principal.kind, request, reply);
  });
  app.addHook('preHandler', async (request, reply) => {
    if (request.principal !== undefined) await count(limiter, request.principal.kind, request, reply);
  });
}

async function count(
  limiter: RateLimiter,
  limitClass: LimitClass,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  if (request.rateCounted) return;
  request.rateCounted = true;
  const policy = limiter.policyOf(limitClass);
  if (policy === undefined) return;
  const bucket = limitClass === 'secret' ? (request.principal?.keyId ?? request.ip) : request.ip;
  const verdict = await limiter.take(limitClass, bucket);
  void reply.header('ratelimit-policy', `"${limitClass}";q=${policy.requests};w=${policy.windowSeconds}`);
  void reply.header('ratelimit', `"${limitClass}";r=${verdict.remaining};t=${verdict.resetSeconds}`);
  if (verdict.allowed) return;
  void reply.header('retry-after', String(verdict.resetSeconds));
  throw new HttpProblem(
    'rate_limited',
    `over ${policy.requests} requests in ${policy.windowSeconds} s; retry after ${verdict.resetSeconds} s`,
    { limitClass },
  );
}
