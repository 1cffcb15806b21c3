import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { LimitClass, RateLimit, RateLimiter, RateVerdict } from '../http/rate-limits.js';

export interface FlexibleRateLimiterOptions<C extends string = LimitClass> {
  /** Budgets per class; a class left out is unlimited. */
  readonly policies: Partial<Record<C, RateLimit>>;
  /** Shares the budgets between nodes; without it each node counts alone. */
  readonly redis?: Redis;
  /** Namespace of the Redis keys (tests give each run its own). */
  readonly keyPrefix?: string;
}

/**
 * A `RateLimiter` on rate-limiter-flexible: fixed windows, in memory or in Redis with one API. With
 * Redis, a bucket over budget is also blocked in memory until its window ends, so a client hammering
 * past its limit costs no Redis round trip; if Redis fails, each node counts in memory meanwhile.
 */
export function createFlexibleRateLimiter<C extends string = LimitClass>(
  options: FlexibleRateLimiterOptions<C>,
): RateLimiter<C> {
  const limiters = new Map<C, RateLimiterAbstract>();
  for (const [limitClass, policy] of Object.entries(options.policies) as [C, RateLimit][]) {
    const base = {
      keyPrefix: `${options.keyPrefix ?? 'attune:rate'}:${limitClass}`,
      points: policy.requests,
      duration: policy.windowSeconds,
    };
    limiters.set(
      limitClass,
      options.redis === undefined
        ? new RateLimiterMemory(base)
        : new RateLimiterRedis({
            ...base,
            storeClient: options.redis,
            inMemoryBlockOnConsumed: policy.requests + 1,
            insuranceLimiter: new RateLimiterMemory(base),
          }),
    );
  }
  return {
    policyOf: (limitClass) => options.policies[limitClass],
    async take(limitClass, bucket): Promise<RateVerdict> {
      const limiter = limiters.get(limitClass);
      if (limiter === undefined) return { allowed: true, remaining: 0, resetSeconds: 0 };
      try {
        return verdictOf(await limiter.consume(bucket), true);
      } catch (refused) {
        if (refused instanceof RateLimiterRes) return verdictOf(refused, false);
        throw refused;
      }
    },
    async peek(limitClass, bucket): Promise<RateVerdict> {
      const limiter = limiters.get(limitClass);
      const policy = options.policies[limitClass];
      if (limiter === undefined || policy === undefined)
        return { allowed: true, remaining: 0, resetSeconds: 0 };
      const spent = await limiter.get(bucket);
      if (spent === null) return { allowed: true, remaining: policy.requests, resetSeconds: 0 };
      return verdictOf(spent, spent.consumedPoints < policy.requests);
    },
  };
}

function verdictOf(result: RateLimiterRes, allowed: boolean): RateVerdict {
  return {
    allowed,
    remaining: Math.max(0, result.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)),
  };
}
