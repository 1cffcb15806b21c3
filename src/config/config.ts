/** What a node is configured with: the settings' values once read (see `schema.ts` for how). */
/** At most `count` journey messages per customer in any `windowMs`. */
export interface FrequencyCap {
  readonly count: number;
  readonly windowMs: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Attune's settings, read once from the environment at start, then frozen. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** PostgreSQL connection string; unset means the embedded SQLite store in `dataDir`. */
  readonly databaseUrl: string | undefined;
  /** Redis connection string; unset means the in-process bus (a single node). */
  readonly redisUrl: string | undefined;
  /** Namespace of every Redis key (`<prefix>:bus:`, `<prefix>:rate`, `<prefix>:{streams}`). */
  readonly redisPrefix: string;
  /** About how many messages each bus topic keeps in Redis for nodes that fall behind. */
  readonly busRetainPerTopic: number;
  readonly secretKey: string | undefined;
  readonly publishableKey: string | undefined;
  readonly customerTokenSecret: string | undefined;
  /** ISO 4217 code of the store currency: base prices are in it. */
  readonly currency: string;
  /** Load the demo store into an empty store at start. */
  readonly demo: boolean;
  readonly logLevel: LogLevel;
  /** What a visitor who never answered is taken to have said about personalisation and analytics. */
  readonly consentDefault: 'granted' | 'denied';
  /** Profiles each node keeps in memory (least recently used leave first). */
  readonly profileCacheSize: number;
  /** Memory for active customers' state, MiB: see {@link customerCacheBytes}. */
  readonly customerCacheMib: number;
  /** Let webhooks reach private and loopback addresses (development, tests); off by default against SSRF. */
  readonly webhookAllowPrivate: boolean;
  /** PostgreSQL: how an erasure purges the erased rows from the table files (`full` rewrites the tables it touched). */
  readonly erasureVacuum: 'full' | 'plain';
  /** Prices never fall below cost plus this percentage, where cost is known. */
  readonly minMarginPercent: number;
  /** Promotions never bring an order's items below this, minor units of the store currency. */
  readonly minOrderTotal: number;
  /** Recommendations: items the dense model (EASE) covers, the most bought first; 0 turns it off. */
  readonly recsDenseItems: number;
  /** Recommendations: EASE's regularisation (larger favours popular items less). */
  readonly recsEaseLambda: number;
  /** Recommendations: how much a view, an add to cart and a purchase count. */
  readonly recsEventWeights: { readonly view: number; readonly cart: number; readonly purchase: number };
  /** Recommendations: minutes between scheduled rebuilds of the heavier models; 0 only on demand. */
  readonly recsRebuildMinutes: number;
  /** Snapshots of the recommendation state: written, and read at start. */
  readonly snapshots: boolean;
  /** Minutes between snapshots; 0 none on a schedule. */
  readonly snapshotMinutes: number;
  /** A snapshot also once this many events were learnt since the last; 0 none by count. */
  readonly snapshotEvents: number;
  /** Marketing consent (journey messages) of a customer who has not answered. */
  readonly marketingConsentDefault: 'granted' | 'denied';
  /** Journey messages one customer may get in a window, across journeys. */
  readonly journeyFrequencyCap: FrequencyCap;
  /** Local hours [from, to) without journey messages, where the customer's time zone is known. */
  readonly journeyQuietHours: { readonly from: number; readonly to: number } | undefined;
  /** Live stream connections one node holds at most. */
  readonly streamMaxConnections: number;
  /** Live streams one client address may hold open on a node; undefined: no limit but the node's. */
  readonly streamMaxPerAddress: number | undefined;
  /** Live streams one API key may hold open on a node; undefined: no limit but the node's. */
  readonly streamMaxPerKey: number | undefined;
  /** Seconds between heartbeats on an idle live stream. */
  readonly streamHeartbeatSeconds: number;
  /** Seconds a client has to send a request's headers. */
  readonly headersTimeoutSeconds: number;
  /** Seconds a client has to send a whole request, headers and body. */
  readonly requestTimeoutSeconds: number;
  /** Seconds an idle keep-alive connection stays open between requests. */
  readonly keepAliveTimeoutSeconds: number;
  /** Requests per window per secret key; undefined: unlimited. */
  readonly rateLimitSecret: RequestBudget | undefined;
  /** Requests per window per client address with a publishable key; undefined: unlimited. */
  readonly rateLimitPublishable: RequestBudget | undefined;
  /** Requests per window per client address without a valid key; undefined: unlimited. */
  readonly rateLimitKeyless: RequestBudget | undefined;
  /** `/metrics` answers only a secret key. */
  readonly metricsRequireKey: boolean;
  /** Answers written with `JSON.stringify` are checked against their compiled serialiser (see `PlainJsonAnswers`). */
  readonly checkAnswers: boolean;
  /** Seconds a console session lives without a request. */
  readonly sessionIdleSeconds: number;
  /** Seconds a console session lives at most, however active. */
  readonly sessionMaxSeconds: number;
  /** Failed sign-ins per window per email from one address; undefined: unlimited. */
  readonly signInLimitPerEmail: RequestBudget | undefined;
  /** Failed sign-ins per window per email from any address; undefined: unlimited. */
  readonly signInLimitPerEmailAnywhere: RequestBudget | undefined;
  /** Sign-in attempts per window per client address; undefined: unlimited. */
  readonly signInLimitPerAddress: RequestBudget | undefined;
  /** scrypt's cost N for new password hashes, as log2 N (memory 128 × 8 × N bytes). */
  readonly passwordScryptLogN: number;
  /** Which proxies' X-Forwarded-For to believe for the client address: none, all, a hop count or addresses. */
  readonly trustProxy: boolean | number | readonly string[];
}

/** A rate limit: so many requests per window of so many seconds. */
export interface RequestBudget {
  readonly requests: number;
  readonly windowSeconds: number;
}

/**
 * `customerCacheMib` in bytes for each kind of per-customer state a node keeps for its active
 * customers: half for profiles and their ids, half for the histories recommendations learn from.
 * Both are caches of the store (the least recently used leave first and load back when needed), so
 * one budget bounds a node's memory by the catalogue plus this, whatever the customer base.
 * Halves, since a customer met is usually in both and takes about as much in each (a profile
 * document of 1 KB on average at 1M events, a history some 0.8 KB).
 */
export function customerCacheBytes(config: Pick<Config, 'customerCacheMib'>): {
  readonly profiles: number;
  readonly histories: number;
} {
  const half = (config.customerCacheMib * 1024 * 1024) / 2;
  return { profiles: half, histories: half };
}
