import { describe, expect, it } from 'vitest';
import { customerCacheBytes } from './config.js';
import { configFor, loadConfig } from './load.js';

describe('loadConfig', () => {
  it('fills documented defaults', () => {
    const result = loadConfig({});
    expect(result).toEqual({
      ok: true,
      config: {
        port: 8080,
        host: '0.0.0.0',
        dataDir: './data',
        databaseUrl: undefined,
        redisUrl: undefined,
        redisPrefix: 'attune',
        busRetainPerTopic: 10_000,
        secretKey: undefined,
        publishableKey: undefined,
        customerTokenSecret: undefined,
        currency: 'GBP',
        demo: true,
        logLevel: 'info',
        consentDefault: 'granted',
        profileCacheSize: 200000,
        customerCacheMib: 256,
        webhookAllowPrivate: false,
        erasureVacuum: 'full',
        minMarginPercent: 0,
        minOrderTotal: 0,
        recsDenseItems: 2000,
        recsEaseLambda: 200,
        recsEventWeights: { view: 1, cart: 3, purchase: 8 },
        recsRebuildMinutes: 60,
        snapshots: true,
        snapshotMinutes: 15,
        snapshotEvents: 100000,
        streamMaxConnections: 10000,
        streamMaxPerAddress: 100,
        streamMaxPerKey: undefined,
        streamHeartbeatSeconds: 15,
        headersTimeoutSeconds: 20,
        marketingConsentDefault: 'denied',
        journeyFrequencyCap: { count: 2, windowMs: 604_800_000 },
        journeyQuietHours: { from: 21, to: 8 },
        requestTimeoutSeconds: 60,
        keepAliveTimeoutSeconds: 72,
        rateLimitSecret: undefined,
        rateLimitPublishable: { requests: 3000, windowSeconds: 60 },
        rateLimitKeyless: { requests: 600, windowSeconds: 60 },
        sessionIdleSeconds: 43200,
        sessionMaxSeconds: 86400,
        signInLimitPerEmail: { requests: 10, windowSeconds: 900 },
        signInLimitPerEmailAnywhere: { requests: 100, windowSeconds: 900 },
        signInLimitPerAddress: { requests: 50, windowSeconds: 900 },
        passwordScryptLogN: 17,
        metricsRequireKey: false,
        checkAnswers: false,
        trustProxy: false,
      },
    });
    expect(result.ok && Object.isFrozen(result.config)).toBe(true);
  });

  it('refuses a request timeout shorter than the headers timeout', () => {
    const result = loadConfig({ ATTUNE_HEADERS_TIMEOUT_SECONDS: '30', ATTUNE_REQUEST_TIMEOUT_SECONDS: '10' });
    expect(result.ok).toBe(false);
    expect(loadConfig({ ATTUNE_REQUEST_TIMEOUT_SECONDS: '0' }).ok).toBe(false);
  });

  it('reads rate limits and trusted proxies', () => {
    const result = loadConfig({
      ATTUNE_RATE_LIMIT_SECRET: '100/1s',
      ATTUNE_RATE_LIMIT_KEYLESS: 'off',
      ATTUNE_TRUST_PROXY: '10.0.0.0/8, 192.168.1.1',
    });
    expect(result.ok && result.config.rateLimitSecret).toEqual({ requests: 100, windowSeconds: 1 });
    expect(result.ok && result.config.rateLimitKeyless).toBeUndefined();
    expect(result.ok && result.config.trustProxy).toEqual(['10.0.0.0/8', '192.168.1.1']);
    expect(
      loadConfig({ ATTUNE_TRUST_PROXY: '2' }).ok && loadConfig({ ATTUNE_TRUST_PROXY: '2' }),
    ).toMatchObject({
      config: { trustProxy: 2 },
    });
    for (const bad of ['0/60s', '100/0s', '100', '100/60', 'none'])
      expect(loadConfig({ ATTUNE_RATE_LIMIT_PUBLISHABLE: bad }).ok, bad).toBe(false);
    expect(loadConfig({ ATTUNE_TRUST_PROXY: 'proxy.local' }).ok).toBe(false);
  });

  it('takes one budget for customer state, split in halves, and refuses the profiles-only budget it replaced', () => {
    expect(customerCacheBytes(configFor({ ATTUNE_CUSTOMER_CACHE_MIB: '100' }))).toEqual({
      profiles: 50 * 1024 * 1024,
      histories: 50 * 1024 * 1024,
    });
    const result = loadConfig({ ATTUNE_PROFILE_CACHE_MIB: '256' });
    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringMatching(
        /^ATTUNE_CUSTOMER_CACHE_MIB=\(unset\): .*ATTUNE_PROFILE_CACHE_MIB is no longer read/,
      ),
    ]);
  });

  it('does not load the demo into PostgreSQL unless asked', () => {
    const result = loadConfig({ DATABASE_URL: 'postgres://localhost/x' });
    expect(result.ok && result.config.demo).toBe(false);
  });

  it('reports one problem per bad setting and never echoes secrets', () => {
    const result = loadConfig({
      PORT: 'abc',
      ATTUNE_CURRENCY: 'XYZ',
      ATTUNE_SECRET_KEY: 'sk_short',
      LOG_LEVEL: 'loud',
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(4);
    expect(problems.map((problem) => problem.split('=')[0])).toEqual([
      'PORT',
      'ATTUNE_SECRET_KEY',
      'ATTUNE_CURRENCY',
      'LOG_LEVEL',
    ]);
    expect(problems.join('\n')).not.toContain('sk_short');
  });

  it('reads recommendation event weights and refuses incomplete or repeated ones', () => {
    const read = loadConfig({ ATTUNE_RECS_EVENT_WEIGHTS: 'purchase=10, view=0.5,cart=2' });
    expect(read.ok && read.config.recsEventWeights).toEqual({ view: 0.5, cart: 2, purchase: 10 });
    for (const bad of [
      'view=1,cart=3',
      'view=1,view=2,cart=3,purchase=8',
      'view=-1,cart=3,purchase=8',
      'click=1',
    ]) {
      const result = loadConfig({ ATTUNE_RECS_EVENT_WEIGHTS: bad });
      expect(result.ok ? [] : result.problems.map((problem) => problem.split('=')[0])).toEqual([
        'ATTUNE_RECS_EVENT_WEIGHTS',
      ]);
    }
    expect(loadConfig({ ATTUNE_RECS_DENSE_ITEMS: '5001' }).ok).toBe(false);
  });
});
