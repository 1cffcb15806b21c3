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
        webhookAllowPrivate: false,
        minMarginPercent: 0,
        minOrderTotal: 0,
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
});
