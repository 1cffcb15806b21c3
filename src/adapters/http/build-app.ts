import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { ApiKeyService } from '../../app/access/api-keys.js';
import type { ConsoleSessions } from '../../app/access/console-sessions.js';
import type { ServingFirst } from '../../app/serving-first.js';
import type { Clock } from '../../ports/clock.js';
import { trackAllowedMethods } from './allowed-methods.js';
import { installAuth } from './auth.js';
import { installAuditScope } from './console/audit-scope.js';
import { installErrorHandling } from './error-handler.js';
import { installJsonBodies } from './json-body.js';
import { installMetrics } from './metrics.js';
import { installRateLimits, type RateLimiter } from './rate-limits.js';
import { installOpenApi } from './openapi.js';
import { installOperationIds } from './operation-ids.js';
import { PlainJsonAnswers } from './plain-json-answers.js';
import { problemFor, sendProblem, writeRawProblem } from './problem.js';
import { loggableUrl, wordsOfRoute } from './redact-url.js';
import { installServingCount } from './serving-count.js';
import { installReadBackWrites } from './read-back.js';
import { installInputGuard } from './text-guard.js';
import { CompileOnFirstUse } from './compile-on-first-use.js';
import { compileValidator } from './validation.js';

/** Registers one capability's routes on the app (each capability brings its own). */
export type RouteInstaller = (app: FastifyInstance) => void | Promise<void>;

/** What the HTTP edge itself needs; the routes come from the capabilities (`src/composition`). */
export interface AppDeps {
  readonly version: string;
  readonly logger: Logger;
  readonly metrics: Registry;
  /** Checks the API key of every request. */
  readonly keys: ApiKeyService;
  /** Checks the console session of requests without a key. */
  readonly sessions: ConsoleSessions;
  /** When audited changes happen. */
  readonly clock: Clock;
  /** A keyed hash of a customer id, which request logs show instead of the id (see `loggableUrl`). */
  readonly pseudonymise: (id: string) => string;
  /** Installed in this order, after error handling, validation and auth. */
  readonly routes: readonly RouteInstaller[];
  /** Counts the requests in flight, which background work lets go first. */
  readonly servingFirst: ServingFirst;
  /** `/metrics` answers only a secret key. */
  readonly metricsRequireKey: boolean;
  /** Counts requests against their key class's budget. */
  readonly rateLimiter: RateLimiter;
  /** Whose X-Forwarded-For gives the client address (Fastify's trustProxy). */
  readonly trustProxy: boolean | number | readonly string[];
  /** How long a client may take to send headers, a whole request, and how long an idle connection stays. */
  readonly timeouts: { readonly headersMs: number; readonly requestMs: number; readonly keepAliveMs: number };
  /** Answers written without their schema's serialiser are also written with it and compared (tests). */
  readonly checkAnswers: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Compiles the route schemas no request has needed yet (a node compiles each on first use, the
     * rest once it listens); resolves to the errors of those that do not compile.
     */
    compilePendingSchemas(): Promise<unknown[]>;
  }
  interface FastifyRequest {
    /** The URL as log lines show it: no credentials, customer ids pseudonymised. */
    readonly loggedUrl: string;
  }
}

/** Default body limit; routes that take batches raise their own. */
const BODY_LIMIT = 1024 * 1024;
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
/** How paths match routes; the 405 lookup (`allowed-methods.ts`) matches them the same way. */
const PATH_MATCHING = {
  ignoreTrailingSlash: true,
  // Long enough that over-long ids reach schema validation and get a precise invalid_id problem.
  maxParamLength: 1024,
};

/**
 * Builds the HTTP API without listening: tests call `app.inject()`, `main.ts` calls `listen()`.
 * Order matters: error handling, validation, auth and the text guard are installed before any route.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const schemas = new CompileOnFirstUse();
  const plainAnswers = new PlainJsonAnswers(deps.checkAnswers);
  const app = Fastify({
    loggerInstance: deps.logger,
    // One line per request, written in onResponse below, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    forceCloseConnections: 'idle',
    trustProxy: trustProxyOption(deps.trustProxy),
    // A client that trickles its headers or body is cut off (408) instead of holding a socket for ever.
    requestTimeout: deps.timeouts.requestMs,
    keepAliveTimeout: deps.timeouts.keepAliveMs,
    http: {
      headersTimeout: deps.timeouts.headersMs,
      requestTimeout: deps.timeouts.requestMs,
      // Node checks those timeouts on this period (30 s by default), so it must be shorter than they are.
      connectionsCheckingInterval: Math.min(30_000, Math.max(100, Math.floor(deps.timeouts.headersMs / 4))),
    },
    return503OnClosing: true,
    routerOptions: {
      ...PATH_MATCHING,
      onMaxParamLength: (_path, _request, response) =>
        writeRawProblem(response, problemFor('invalid_url', 'a path segment is too long')),
    },
    frameworkErrors: (_error, _request, reply) => {
      void sendProblem(reply, problemFor('invalid_url', 'the URL is not well formed'));
    },
    // The serialiser checks union branches with its own Ajv, which must know Attune's formats too.
    serializerOpts: { ajv: { formats: { iso4217: /^[A-Z]{3}$/ } } },
    schemaController: {
      compilersFactory: {
        buildSerializer: schemas.serializers((route, compiled) => plainAnswers.choose(route, compiled)),
      },
    },
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
    },
  }) as unknown as FastifyInstance;

  installServingCount(app, deps.servingFirst);
  // Decided once: a node at warn level does not even build its per-request log lines.
  const logsRequests = deps.logger.isLevelEnabled('info');
  // The literal words of every route's path: what a log may show of a URL no route matched.
  const routeWords = new Set<string>();
  app.addHook('onRoute', (route) => {
    for (const word of wordsOfRoute(route.url)) routeWords.add(word);
  });
  app.decorateRequest('loggedUrl', {
    getter(this: FastifyRequest) {
      return loggableUrl(this, deps.pseudonymise, routeWords);
    },
  });
  app.removeContentTypeParser('text/plain');
  installJsonBodies(app);
  app.setValidatorCompiler(schemas.validators(compileValidator));
  installErrorHandling(app, trackAllowedMethods(app, PATH_MATCHING));
  await app.register(fastifyCookie, { parseOptions: { httpOnly: true, sameSite: 'strict' } });
  installRateLimits(app, deps.rateLimiter, deps.keys);
  installAuth(app, deps.keys, deps.sessions);
  installAuditScope(app, deps.clock);
  installInputGuard(app);
  installReadBackWrites(app);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    if (!logsRequests) return;
    request.log.info(
      {
        method: request.method,
        url: request.loggedUrl,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
  });

  installOperationIds(app);
  plainAnswers.install(app);
  await installOpenApi(app, deps.version);
  installMetrics(app, deps.metrics, { requireKey: deps.metricsRequireKey });
  for (const install of deps.routes) await install(app);
  app.decorate('compilePendingSchemas', () => schemas.compileRest());
  // What no request compiled yet, once the node listens (until it closes): a broken schema shows
  // in the log seconds after a start, and later first requests do not pay for compiling.
  let closed = false;
  app.addHook('onClose', async () => void (closed = true));
  app.server.once('listening', () => {
    void schemas
      .compileRest(() => closed)
      .then((errors) => {
        for (const error of errors) deps.logger.error({ err: error }, 'a route schema does not compile');
      });
  });
  await app.ready();
  return app;
}

/** Fastify's trustProxy from the setting: a hop count trusts that many proxies in front of the node. */
function trustProxyOption(
  trust: AppDeps['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return typeof trust === 'boolean' ? trust : [...trust];
}
