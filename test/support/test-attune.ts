import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { configFor } from '../../src/config/load.js';
import { createAttune, type Attune, type AttuneOverrides } from '../../src/main.js';

/** Fixed keys the test nodes accept. */
export const SECRET_KEY = 'sk_test_secret_0123456789abcdefghij';
export const PUBLISHABLE_KEY = 'pk_test_publishable_0123456789abcdef';

export interface TestAttune extends Attune {
  /** Sends a request through `app.inject()`, with the secret key unless told otherwise. */
  call(
    method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH',
    url: string,
    options?: { body?: unknown; key?: string | null; headers?: Record<string, string>; payload?: string },
  ): Promise<{ status: number; json: () => any; headers: Record<string, unknown>; body: string }>;
  /** Closes the node and removes its data folder. */
  dispose(): Promise<void>;
}

/**
 * An Attune node for tests: its own SQLite file in a temporary folder (unless a store is given),
 * fixed keys, no demo, silent logs, no rate limits.
 */
export async function startTestAttune(
  settings: Record<string, string> = {},
  overrides: AttuneOverrides & { dataDir?: string } = {},
): Promise<TestAttune> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'attune-test-'));
  const config = configFor({
    DATA_DIR: dataDir,
    ATTUNE_SECRET_KEY: SECRET_KEY,
    ATTUNE_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
    ATTUNE_DEMO: '0',
    LOG_LEVEL: 'silent',
    // Suites fire thousands of requests from 127.0.0.1; the rate-limit suites set their own small limits.
    ATTUNE_RATE_LIMIT_PUBLISHABLE: 'off',
    ATTUNE_RATE_LIMIT_KEYLESS: 'off',
    // Every answer written with JSON.stringify is held to its schema.
    ATTUNE_CHECK_ANSWERS: 'true',
    ...settings,
  });
  const attune = await createAttune(config, { logger: pino({ level: 'silent' }), ...overrides });
  return {
    ...attune,
    async call(method, url, options = {}) {
      const key = options.key === undefined ? SECRET_KEY : options.key;
      const response = await attune.app.inject({
        method,
        url,
        headers: {
          ...(key !== null && { authorization: `Bearer ${key}` }),
          ...(options.body !== undefined && { 'content-type': 'application/json' }),
          ...options.headers,
        },
        ...(options.body !== undefined && { payload: JSON.stringify(options.body) }),
        ...(options.payload !== undefined && { payload: options.payload }),
      });
      return {
        status: response.statusCode,
        json: () => response.json(),
        headers: response.headers,
        body: response.body,
      };
    },
    async dispose() {
      await attune.close();
      if (overrides.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A valid product body for tests. */
export function productBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'White Hanging Heart T-Light Holder',
    categories: ['home/candles'],
    attributes: { colour: 'white' },
    price: { amount: 295, currency: 'GBP' },
    ...overrides,
  };
}
