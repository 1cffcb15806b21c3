/** The Redis clients of rate limits and live-stream quotas, shared by the nodes when Redis is configured. */
import { Redis } from 'ioredis';
import { signInPolicies, type SignInLimitClass } from '../adapters/http/rate-limits.js';
import { RedisStreamCounts } from '../adapters/quotas/redis-stream-counts.js';
import { createFlexibleRateLimiter } from '../adapters/rate-limits/flexible-rate-limiter.js';
import type { Config } from '../config/schema.js';

/**
 * Rate limits (of requests, and of console sign-ins) shared between nodes exactly when events are,
 * through Redis; a Redis client only if any is set.
 */
export async function createRateLimits(config: Config, keyPrefix: string, onError: (error: unknown) => void) {
  const policies = {
    ...(config.rateLimitSecret !== undefined && { secret: config.rateLimitSecret }),
    ...(config.rateLimitPublishable !== undefined && { publishable: config.rateLimitPublishable }),
    ...(config.rateLimitKeyless !== undefined && { keyless: config.rateLimitKeyless }),
  };
  const signIn = signInPolicies(config);
  const redis =
    config.redisUrl === undefined || Object.keys(policies).length + Object.keys(signIn).length === 0
      ? undefined
      : new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
  // Connection errors also surface on the commands that fail (each then counts in memory); without a
  // listener, ioredis prints every reconnect attempt while Redis is down.
  redis?.on('error', () => {});
  // Connected before the first request, so no node counts alone at start; if Redis is down, each node
  // counts in memory until ioredis reconnects.
  await redis?.connect().catch(onError);
  return {
    limiter: createFlexibleRateLimiter({
      policies,
      ...(redis !== undefined && { redis }),
      keyPrefix,
    }),
    signIn: createFlexibleRateLimiter<SignInLimitClass>({
      policies: signIn,
      ...(redis !== undefined && { redis }),
      keyPrefix,
    }),
    close: () => redis?.disconnect(),
  };
}

/**
 * Live stream counts shared through Redis, when it is configured and a stream quota is set: the
 * quotas then hold for a client across the nodes rather than on each. A Redis client of its own.
 */
export async function createStreamCounts(
  config: Config,
  keyPrefix: string,
  onError: (error: unknown) => void,
) {
  const quota = config.streamMaxPerAddress !== undefined || config.streamMaxPerKey !== undefined;
  if (config.redisUrl === undefined || !quota) return undefined;
  const redis = new Redis(config.redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    lazyConnect: true,
  });
  redis.on('error', () => {}); // as for rate limits: the failing commands say it
  // Until Redis answers (or while it does not), each node counts its own streams.
  await redis.connect().catch(onError);
  const counts = new RedisStreamCounts(redis, { keyPrefix: `${keyPrefix}:` }, onError);
  return {
    counts,
    close: () => {
      counts.close();
      redis.disconnect();
    },
  };
}
