import { afterAll, describe, expect, it } from 'vitest';
import { RedisEventBus } from '../../src/adapters/bus/redis-event-bus.js';
import { deleteRedisKeys, redisUrl, uniqueName } from '../support/services.js';
import { PUBLISHABLE_KEY, SECRET_KEY, startTestAttune, type TestAttune } from '../support/test-attune.js';

/** Finding 7 of issue 16: budgets per key class and client address, 429 with the IETF draft headers. */
const nodes: TestAttune[] = [];
afterAll(() => Promise.all(nodes.map((node) => node.dispose())));

async function nodeWith(settings: Record<string, string>, overrides = {}): Promise<TestAttune> {
  const node = await startTestAttune(settings, overrides);
  nodes.push(node);
  return node;
}

function get(node: TestAttune, url: string, key: string | null, remoteAddress = '203.0.113.7', headers = {}) {
  return node.app.inject({
    method: 'GET',
    url,
    remoteAddress,
    headers: { ...(key !== null && { authorization: `Bearer ${key}` }), ...headers },
  });
}

describe('rate limits on one node', () => {
  it('counts a publishable key per client address, and answers 429 with Retry-After and RateLimit headers', async () => {
    const node = await nodeWith({ ATTUNE_RATE_LIMIT_PUBLISHABLE: '3/60s' });
    for (let request = 1; request <= 3; request++) {
      const response = await get(node, '/v1/products', PUBLISHABLE_KEY);
      expect(response.statusCode).toBe(200);
      expect(response.headers['ratelimit-policy']).toBe('"publishable";q=3;w=60');
      expect(response.headers['ratelimit']).toMatch(new RegExp(`^"publishable";r=${3 - request};t=\\d+$`));
    }
    const refused = await get(node, '/v1/products', PUBLISHABLE_KEY);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'rate_limited', status: 429, limitClass: 'publishable' });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers['ratelimit']).toBe(`"publishable";r=0;t=${retryAfter}`);

    // Another shopper, at another address, with the same public key: a budget of their own.
    expect((await get(node, '/v1/products', PUBLISHABLE_KEY, '198.51.100.9')).statusCode).toBe(200);
    // The merchant's server, with the secret key, is not limited by default.
    for (let request = 0; request < 20; request++)
      expect((await get(node, '/v1/products', SECRET_KEY)).statusCode).toBe(200);
  });

  it('counts requests without a key per address, refused ones included', async () => {
    const node = await nodeWith({ ATTUNE_RATE_LIMIT_KEYLESS: '3/60s' });
    expect((await get(node, '/healthz', null)).statusCode).toBe(200);
    expect((await get(node, '/v1/products', null)).statusCode).toBe(401);
    expect((await get(node, '/v1/products', null)).statusCode).toBe(401);
    const refused = await get(node, '/healthz', null);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'rate_limited', limitClass: 'keyless' });
    expect(refused.headers['ratelimit-policy']).toBe('"keyless";q=3;w=60');
    // Keys are counted in their own class.
    expect((await get(node, '/v1/products', PUBLISHABLE_KEY)).statusCode).toBe(200);
  });

  it('limits a secret key when told to, per key', async () => {
    const node = await nodeWith({ ATTUNE_RATE_LIMIT_SECRET: '2/60s' });
    expect((await get(node, '/v1/products', SECRET_KEY, '192.0.2.1')).statusCode).toBe(200);
    expect((await get(node, '/v1/products', SECRET_KEY, '192.0.2.2')).statusCode).toBe(200);
    const refused = await get(node, '/v1/products', SECRET_KEY, '192.0.2.3');
    expect(refused.json()).toMatchObject({ status: 429, code: 'rate_limited', limitClass: 'secret' });
  });

  it('counts events whose key is inside the body as that key', async () => {
    const node = await nodeWith({
      ATTUNE_RATE_LIMIT_PUBLISHABLE: '2/60s',
      ATTUNE_RATE_LIMIT_KEYLESS: '1/60s',
    });
    const send = () =>
      node.app.inject({
        method: 'POST',
        url: '/v1/batch',
        remoteAddress: '203.0.113.50',
        headers: { 'content-type': 'text/plain' },
        payload: JSON.stringify({
          writeKey: PUBLISHABLE_KEY,
          batch: [{ type: 'track', event: 'Product Viewed', anonymousId: 'rl-visitor' }],
        }),
      });
    expect((await send()).statusCode).toBe(200);
    expect((await send()).statusCode).toBe(200);
    expect((await send()).json()).toMatchObject({ status: 429, limitClass: 'publishable' });
  });

  it('takes the client address from X-Forwarded-For only behind a trusted proxy', async () => {
    const trusting = await nodeWith({ ATTUNE_RATE_LIMIT_KEYLESS: '1/60s', ATTUNE_TRUST_PROXY: '10.0.0.0/8' });
    const behindProxy = (client: string) =>
      get(trusting, '/healthz', null, '10.1.2.3', { 'x-forwarded-for': client });
    expect((await behindProxy('198.51.100.1')).statusCode).toBe(200);
    expect((await behindProxy('198.51.100.2')).statusCode).toBe(200);
    expect((await behindProxy('198.51.100.1')).statusCode).toBe(429);

    const wary = await nodeWith({ ATTUNE_RATE_LIMIT_KEYLESS: '1/60s' });
    const direct = (client: string) =>
      get(wary, '/healthz', null, '198.51.100.77', { 'x-forwarded-for': client });
    expect((await direct('192.0.2.1')).statusCode).toBe(200);
    expect((await direct('192.0.2.2')).statusCode).toBe(429);
  });

  it('counts each node alone without Redis', async () => {
    const settings = { ATTUNE_RATE_LIMIT_PUBLISHABLE: '1/60s' };
    const [a, b] = [await nodeWith(settings), await nodeWith(settings)];
    expect((await get(a, '/v1/products', PUBLISHABLE_KEY)).statusCode).toBe(200);
    expect((await get(b, '/v1/products', PUBLISHABLE_KEY)).statusCode).toBe(200);
  });
});

describe.skipIf(redisUrl === null)('rate limits shared through Redis', () => {
  const prefix = uniqueName('attune_test_rl');
  afterAll(() => deleteRedisKeys(prefix));

  it('gives two nodes one budget per client address', async () => {
    const settings = { REDIS_URL: redisUrl as string, ATTUNE_RATE_LIMIT_PUBLISHABLE: '4/60s' };
    const node = () =>
      nodeWith(settings, {
        bus: new RedisEventBus({ url: redisUrl as string, keyPrefix: `${prefix}:bus:` }),
        rateLimitKeyPrefix: `${prefix}:rate`,
      });
    const [a, b] = [await node(), await node()];
    const statuses = [];
    for (const target of [a, b, a, b, a, b])
      statuses.push((await get(target, '/v1/products', PUBLISHABLE_KEY)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    const refused = await get(b, '/v1/products', PUBLISHABLE_KEY);
    expect(refused.headers['ratelimit-policy']).toBe('"publishable";q=4;w=60');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Another address still has its whole budget, on either node.
    expect((await get(a, '/v1/products', PUBLISHABLE_KEY, '198.51.100.200')).statusCode).toBe(200);
  });
});
