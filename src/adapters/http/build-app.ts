import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { ApiKeyService } from '../../app/access/api-keys.js';
import type { CustomerTokens } from '../../app/access/customer-tokens.js';
import type { CatalogService } from '../../app/catalog/catalog-service.js';
import type { EventIngestion } from '../../app/profiles/event-ingestion.js';
import type { ProfileService } from '../../app/profiles/profile-service.js';
import type { Rules } from '../../composition/rules.js';
import type { CustomerContexts } from '../../app/customers/customer-context.js';
import type { PricingService } from '../../app/pricing/pricing-service.js';
import type { Checkout } from '../../app/promotions/checkout.js';
import type { PromotionService } from '../../app/promotions/promotion-service.js';
import type { Readiness } from '../../app/readiness.js';
import type { ContentService } from '../../app/content/content-service.js';
import type { ListingService } from '../../app/listing/listing-service.js';
import type { DecideService } from '../../app/decide/decide-service.js';
import type { LiveUpdates } from '../../app/live/live-updates.js';
import type { RecommendationService } from '../../app/recommendations/recommendation-service.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { Store } from '../../ports/store.js';
import { installAuth } from './auth.js';
import { installErrorHandling } from './error-handler.js';
import { installMetrics } from './metrics.js';
import { installOpenApi } from './openapi.js';
import { problemFor, sendProblem, writeRawProblem } from './problem.js';
import { redactUrl } from './redact-url.js';
import { registerCollectionRoutes } from './collections/routes.js';
import { registerEventRoutes } from './events/routes.js';
import { registerInventoryRoutes } from './inventory/routes.js';
import { registerProductRoutes } from './products/routes.js';
import { registerProfileRoutes } from './profiles/routes.js';
import { registerLoyaltyRoutes } from './loyalty/routes.js';
import { registerWebhookRoutes } from './webhooks/routes.js';
import { registerSegmentRoutes } from './segments/routes.js';
import { registerPricingRoutes } from './pricing/routes.js';
import { registerPromotionRoutes } from './promotions/routes.js';
import { registerRecommendationRoutes } from './recommendations/routes.js';
import { registerContentRoutes } from './content/routes.js';
import { registerListingRoutes } from './listings/routes.js';
import { registerDecideRoutes } from './decide/routes.js';
import { registerStreamRoutes } from './stream/routes.js';
import { registerDemoRoutes } from './demo/routes.js';
import { registerSystemRoutes } from './system/routes.js';
import { compileValidator } from './validation.js';

/** Everything the HTTP edge needs; `main.ts` builds it. */
export interface AppDeps {
  readonly version: string;
  readonly logger: Logger;
  readonly store: Store;
  readonly bus: EventBus;
  readonly readiness: Readiness;
  readonly metrics: Registry;
  readonly keys: ApiKeyService;
  readonly tokens: CustomerTokens;
  readonly catalog: CatalogService;
  readonly ingestion: EventIngestion;
  readonly profiles: ProfileService;
  readonly rules: Rules;
  readonly pricing: PricingService;
  readonly customers: CustomerContexts;
  readonly promotions: PromotionService;
  readonly checkout: Checkout;
  readonly recommendations: RecommendationService;
  readonly content: ContentService;
  readonly listings: ListingService;
  readonly decide: DecideService;
  readonly live: LiveUpdates;
  /** Demo mode: the demo storefront and its helpers are served, from `webRoot` (the built web/). */
  readonly demo?: { readonly webRoot: string; readonly holdsDemo: () => Promise<boolean> };
  /** The store currency: listings price in it unless asked otherwise. */
  readonly storeCurrency: string;
}

/** Default body limit; routes that take batches raise their own. */
const BODY_LIMIT = 1024 * 1024;
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Builds the HTTP API without listening: tests call `app.inject()`, `main.ts` calls `listen()`.
 * Order matters: error handling, validation and auth are installed before any route.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger,
    // One line per request, written in onResponse below, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    routerOptions: {
      ignoreTrailingSlash: true,
      // Long enough that over-long ids reach schema validation and get a precise invalid_id problem.
      maxParamLength: 1024,
      onMaxParamLength: (_path, _request, response) =>
        writeRawProblem(response, problemFor('invalid_url', 'a path segment is too long')),
    },
    frameworkErrors: (_error, _request, reply) => {
      void sendProblem(reply, problemFor('invalid_url', 'the URL is not well formed'));
    },
    // The serialiser checks union branches with its own Ajv, which must know Attune's formats too.
    serializerOpts: { ajv: { formats: { iso4217: /^[A-Z]{3}$/ } } },
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
    },
  }) as unknown as FastifyInstance;

  // Decided once: a node at warn level does not even build its per-request log lines.
  const logsRequests = deps.logger.isLevelEnabled('info');
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(compileValidator);
  installErrorHandling(app);
  installAuth(app, deps.keys);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    if (!logsRequests) return;
    request.log.info(
      {
        method: request.method,
        url: redactUrl(request.url),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
  });

  await installOpenApi(app, deps.version);
  installMetrics(app, deps.metrics);
  registerSystemRoutes(app, deps);
  registerProductRoutes(app, deps.catalog);
  registerInventoryRoutes(app, deps.catalog);
  registerCollectionRoutes(app, deps.catalog);
  // Its own scope: event routes accept JSON under any content type and gzip, the rest stays strict.
  await app.register((scope) => registerEventRoutes(scope, deps.ingestion));
  registerProfileRoutes(app, { profiles: deps.profiles, tokens: deps.tokens });
  registerSegmentRoutes(app, deps.rules.segments, deps.rules.registry);
  registerLoyaltyRoutes(app, deps.rules.loyalty);
  registerWebhookRoutes(app, deps.rules.webhooks);
  registerPricingRoutes(app, deps.pricing, deps.customers);
  registerPromotionRoutes(app, deps);
  registerRecommendationRoutes(app, deps);
  registerContentRoutes(app, deps);
  registerListingRoutes(app, deps);
  registerDecideRoutes(app, deps);
  registerStreamRoutes(app, deps);
  if (deps.demo !== undefined) {
    await registerDemoRoutes(app, {
      keys: deps.keys,
      tokens: deps.tokens,
      catalog: deps.catalog.catalog,
      currency: deps.storeCurrency,
      webRoot: deps.demo.webRoot,
      holdsDemo: deps.demo.holdsDemo,
    });
  }
  await app.ready();
  return app;
}
