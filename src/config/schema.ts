import { isCurrencyCode } from '../domain/shared/index.js';
import { LOG_LEVELS, type Config, type LogLevel } from './config.js';
import {
  parseBudget,
  parseEventWeights,
  parseTrustProxy,
  parseTrueFalse,
  seconds,
  optional,
  streamCount,
  type Parsed,
} from './parsers.js';
import { CONSOLE_SETTINGS } from './console-settings.js';
import { FEATURE_SETTINGS } from './feature-settings.js';
import { REDIS_SETTINGS } from './redis-settings.js';

export { LOG_LEVELS, type Config, type LogLevel, type RequestBudget } from './config.js';

/** One environment variable: its name, what it means, its default as documented, how to read it. */
export interface Setting<K extends keyof Config = keyof Config> {
  readonly env: string;
  readonly key: K;
  readonly description: string;
  readonly defaultText: string;
  /** Reads the raw value (undefined when unset). `env` is the whole environment, for defaults that depend on others. */
  readonly parse: (
    raw: string | undefined,
    env: Readonly<Record<string, string | undefined>>,
  ) => Parsed<Config[K]>;
}

function setting<K extends keyof Config>(definition: Setting<K>): Setting<K> {
  return definition;
}

/** Every setting Attune reads. The README's settings table lists exactly these (a test checks it). */
export const SETTINGS = [
  setting({
    env: 'PORT',
    key: 'port',
    description: 'HTTP port',
    defaultText: '8080',
    parse: (raw = '8080') =>
      /^\d+$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 65535
        ? { value: Number(raw) }
        : { problem: 'must be an integer from 1 to 65535' },
  }),
  setting({
    env: 'HOST',
    key: 'host',
    description: 'interface to listen on',
    defaultText: '0.0.0.0',
    parse: (raw = '0.0.0.0') => (raw.trim() === '' ? { problem: 'must not be empty' } : { value: raw }),
  }),
  setting({
    env: 'DATA_DIR',
    key: 'dataDir',
    description: 'folder of the embedded SQLite store',
    defaultText: './data',
    parse: (raw = './data') => (raw.trim() === '' ? { problem: 'must not be empty' } : { value: raw }),
  }),
  setting({
    env: 'DATABASE_URL',
    key: 'databaseUrl',
    description: 'PostgreSQL URL; unset = embedded SQLite in DATA_DIR',
    defaultText: '(unset)',
    parse: optional(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL'),
  }),
  ...REDIS_SETTINGS,
  setting({
    env: 'ATTUNE_SECRET_KEY',
    key: 'secretKey',
    description:
      'a fixed secret key to accept (stored only as a hash); unset = a first start creates one and prints it once',
    defaultText: '(unset)',
    parse: optional(
      /^sk_[A-Za-z0-9_-]{20,200}$/,
      'must look like sk_ followed by at least 20 of A-Z a-z 0-9 _ -',
    ),
  }),
  setting({
    env: 'ATTUNE_PUBLISHABLE_KEY',
    key: 'publishableKey',
    description: 'a fixed publishable key to accept; unset = a first start creates one',
    defaultText: '(unset)',
    parse: optional(
      /^pk_[A-Za-z0-9_-]{20,200}$/,
      'must look like pk_ followed by at least 20 of A-Z a-z 0-9 _ -',
    ),
  }),
  setting({
    env: 'ATTUNE_CUSTOMER_TOKEN_SECRET',
    key: 'customerTokenSecret',
    description:
      'HS256 secret (UTF-8) that signs customer tokens; unset = one generated and kept in the store',
    defaultText: '(unset)',
    parse: optional(/^.{32,}$/s, 'must be at least 32 characters'),
  }),
  setting({
    env: 'ATTUNE_CURRENCY',
    key: 'currency',
    description: 'store currency (ISO 4217); base prices are in it',
    defaultText: 'GBP',
    parse: (raw = 'GBP') =>
      isCurrencyCode(raw) ? { value: raw } : { problem: 'must be an ISO 4217 code such as GBP' },
  }),
  setting({
    env: 'ATTUNE_DEMO',
    key: 'demo',
    description: 'load the demo store into an empty store at start (1 or 0)',
    defaultText: '1 on the embedded store, 0 with DATABASE_URL',
    parse: (raw, env) => {
      if (raw === undefined || raw === '')
        return { value: env['DATABASE_URL'] === undefined || env['DATABASE_URL'] === '' };
      return raw === '1' || raw === '0' ? { value: raw === '1' } : { problem: 'must be 1 or 0' };
    },
  }),
  setting({
    env: 'ATTUNE_CONSENT_DEFAULT',
    key: 'consentDefault',
    description: 'consent of a visitor who has not answered: granted, or denied for opt-in regimes',
    defaultText: 'granted',
    parse: (raw = 'granted') =>
      raw === 'granted' || raw === 'denied' ? { value: raw } : { problem: 'must be granted or denied' },
  }),
  setting({
    env: 'ATTUNE_PROFILE_CACHE_SIZE',
    key: 'profileCacheSize',
    description: 'profiles each node keeps in memory',
    defaultText: '200000',
    parse: (raw = '200000') =>
      /^\d+$/.test(raw) && Number(raw) >= 100 && Number(raw) <= 50_000_000
        ? { value: Number(raw) }
        : { problem: 'must be an integer from 100 to 50000000' },
  }),
  setting({
    env: 'ATTUNE_WEBHOOK_ALLOW_PRIVATE',
    key: 'webhookAllowPrivate',
    description: 'let webhooks reach private and loopback addresses (true or false)',
    defaultText: 'false',
    parse: (raw = 'false') => parseTrueFalse(raw),
  }),
  setting({
    env: 'ATTUNE_ERASURE_VACUUM',
    key: 'erasureVacuum',
    description:
      'PostgreSQL: full rewrites the tables an erasure touched so no page keeps the erased bytes; plain only vacuums',
    defaultText: 'full',
    parse: (raw = 'full') =>
      raw === 'full' || raw === 'plain' ? { value: raw } : { problem: 'must be full or plain' },
  }),
  setting({
    env: 'ATTUNE_MIN_MARGIN_PERCENT',
    key: 'minMarginPercent',
    description: 'prices never fall below cost plus this percentage, where cost is known',
    defaultText: '0',
    parse: (raw = '0') =>
      /^\d+(\.\d{1,4})?$/.test(raw) && Number(raw) <= 1000
        ? { value: Number(raw) }
        : { problem: 'must be a number from 0 to 1000' },
  }),
  setting({
    env: 'ATTUNE_MIN_ORDER_TOTAL',
    key: 'minOrderTotal',
    description: "promotions never bring an order's items below this (minor units of the store currency)",
    defaultText: '0',
    parse: (raw = '0') =>
      /^\d{1,15}$/.test(raw) ? { value: Number(raw) } : { problem: 'must be a whole number of minor units' },
  }),
  setting({
    env: 'ATTUNE_RECS_DENSE_ITEMS',
    key: 'recsDenseItems',
    description: 'items the dense recommendation model (EASE) covers, most bought first; 0 turns it off',
    defaultText: '2000',
    parse: (raw = '2000') =>
      /^\d{1,4}$/.test(raw) && Number(raw) <= 5_000
        ? { value: Number(raw) }
        : { problem: 'must be an integer from 0 to 5000' },
  }),
  setting({
    env: 'ATTUNE_RECS_EASE_LAMBDA',
    key: 'recsEaseLambda',
    description: "EASE's regularisation: larger leans less on popular items",
    defaultText: '200',
    parse: (raw = '200') =>
      /^\d+(\.\d+)?$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 100_000
        ? { value: Number(raw) }
        : { problem: 'must be a number from 1 to 100000' },
  }),
  setting({
    env: 'ATTUNE_RECS_EVENT_WEIGHTS',
    key: 'recsEventWeights',
    description: 'how much a view, an add to cart and a purchase count in recommendations',
    defaultText: 'view=1,cart=3,purchase=8',
    parse: (raw = 'view=1,cart=3,purchase=8') => parseEventWeights(raw),
  }),
  setting({
    env: 'ATTUNE_RECS_REBUILD_MINUTES',
    key: 'recsRebuildMinutes',
    description: 'minutes between retrainings of the heavier recommendation models (no log read); 0: never',
    defaultText: '60',
    parse: (raw = '60') =>
      /^\d{1,5}$/.test(raw) ? { value: Number(raw) } : { problem: 'must be a whole number of minutes' },
  }),
  ...FEATURE_SETTINGS,
  setting({
    env: 'ATTUNE_STREAM_MAX_CONNECTIONS',
    key: 'streamMaxConnections',
    description: 'live stream (SSE) connections one node holds at most; more are refused with 503',
    defaultText: '10000',
    parse: (raw = '10000') =>
      /^\d{1,7}$/.test(raw) && Number(raw) >= 1
        ? { value: Number(raw) }
        : { problem: 'must be a whole number of connections, at least 1' },
  }),
  setting({
    env: 'ATTUNE_STREAM_MAX_PER_ADDRESS',
    key: 'streamMaxPerAddress',
    description:
      'live streams one client address may hold open (429 beyond), across the nodes with Redis, else on each node; or off',
    defaultText: '100',
    parse: (raw = '100') => streamCount(raw),
  }),
  setting({
    env: 'ATTUNE_STREAM_MAX_PER_KEY',
    key: 'streamMaxPerKey',
    description:
      'live streams one API key may hold open (429 beyond), across the nodes with Redis, else on each node; or off',
    defaultText: 'off',
    parse: (raw = 'off') => streamCount(raw),
  }),
  setting({
    env: 'ATTUNE_STREAM_HEARTBEAT_SECONDS',
    key: 'streamHeartbeatSeconds',
    description: 'seconds between heartbeat comments on an idle live stream, so proxies keep it open',
    defaultText: '15',
    parse: (raw = '15') =>
      /^\d{1,4}$/.test(raw) && Number(raw) >= 1
        ? { value: Number(raw) }
        : { problem: 'must be a whole number of seconds, at least 1' },
  }),
  setting({
    env: 'ATTUNE_HEADERS_TIMEOUT_SECONDS',
    key: 'headersTimeoutSeconds',
    description: "seconds a client has to send a request's headers; slower clients are cut off",
    defaultText: '20',
    parse: (raw = '20') => seconds(raw, 1, 600),
  }),
  setting({
    env: 'ATTUNE_REQUEST_TIMEOUT_SECONDS',
    key: 'requestTimeoutSeconds',
    description:
      'seconds a client has to send a whole request, body included (408 and closed after); at least the headers timeout',
    defaultText: '60',
    parse: (raw = '60', env) => {
      const parsed = seconds(raw, 1, 3600);
      const headers = Number(env['ATTUNE_HEADERS_TIMEOUT_SECONDS'] ?? '20');
      return 'value' in parsed && parsed.value < headers
        ? { problem: 'must be at least ATTUNE_HEADERS_TIMEOUT_SECONDS' }
        : parsed;
    },
  }),
  setting({
    env: 'ATTUNE_KEEP_ALIVE_TIMEOUT_SECONDS',
    key: 'keepAliveTimeoutSeconds',
    description:
      "seconds an idle keep-alive connection stays open; above a load balancer's idle timeout (60 s on AWS)",
    defaultText: '72',
    parse: (raw = '72') => seconds(raw, 1, 3600),
  }),
  setting({
    env: 'ATTUNE_RATE_LIMIT_SECRET',
    key: 'rateLimitSecret',
    description: 'requests per secret key, as <requests>/<seconds>s, or off',
    defaultText: 'off',
    parse: (raw = 'off') => parseBudget(raw),
  }),
  setting({
    env: 'ATTUNE_RATE_LIMIT_PUBLISHABLE',
    key: 'rateLimitPublishable',
    description: 'requests per client address with a publishable key, as <requests>/<seconds>s, or off',
    defaultText: '3000/60s',
    parse: (raw = '3000/60s') => parseBudget(raw),
  }),
  setting({
    env: 'ATTUNE_RATE_LIMIT_KEYLESS',
    key: 'rateLimitKeyless',
    description: 'requests per client address without a key (public routes, refused keys), or off',
    defaultText: '600/60s',
    parse: (raw = '600/60s') => parseBudget(raw),
  }),
  ...CONSOLE_SETTINGS,
  setting({
    env: 'ATTUNE_METRICS_REQUIRE_KEY',
    key: 'metricsRequireKey',
    description: '/metrics answers only a secret key (true or false)',
    defaultText: 'false',
    parse: (raw = 'false') => parseTrueFalse(raw),
  }),
  setting({
    env: 'ATTUNE_CHECK_ANSWERS',
    key: 'checkAnswers',
    description:
      'true: answers written without their compiled serialiser (decide) are also written with it and compared, a difference failing the request; for tests and staging, at the CPU that saves (true or false)',
    defaultText: 'false',
    parse: (raw = 'false') => parseTrueFalse(raw),
  }),
  setting({
    env: 'ATTUNE_TRUST_PROXY',
    key: 'trustProxy',
    description:
      'whose X-Forwarded-For gives the client address: false, true (any), a hop count, or proxy addresses/CIDRs separated by commas',
    defaultText: 'false',
    parse: (raw = 'false') => parseTrustProxy(raw),
  }),
  setting({
    env: 'LOG_LEVEL',
    key: 'logLevel',
    description: `log level: ${LOG_LEVELS.join(', ')}`,
    defaultText: 'info',
    parse: (raw = 'info') =>
      (LOG_LEVELS as readonly string[]).includes(raw)
        ? { value: raw as LogLevel }
        : { problem: `must be one of ${LOG_LEVELS.join(', ')}` },
  }),
] as const;
