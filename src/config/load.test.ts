import { describe, expect, it } from 'vitest';
import { loadConfig } from './load.js';

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
        secretKey: undefined,
        publishableKey: undefined,
        customerTokenSecret: undefined,
        currency: 'GBP',
        demo: true,
        logLevel: 'info',
        consentDefault: 'granted',
        profileCacheSize: 200000,
        profileCacheMib: 256,
        webhookAllowPrivate: false,
        minMarginPercent: 0,
        minOrderTotal: 0,
        recsDenseItems: 2000,
        recsEaseLambda: 200,
        recsEventWeights: { view: 1, cart: 3, purchase: 8 },
        recsRebuildMinutes: 60,
        streamMaxConnections: 10000,
        streamHeartbeatSeconds: 15,
      },
    });
    expect(result.ok && Object.isFrozen(result.config)).toBe(true);
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
