import { registerEventTailRoute } from '../adapters/http/events/live-route.js';
import { registerStreamRoutes } from '../adapters/http/stream/routes.js';
import type { CustomerTokens } from '../app/access/customer-tokens.js';
import type { CatalogService } from '../app/catalog/catalog-service.js';
import type { CustomerContexts } from '../app/customers/customer-context.js';
import { EventTail } from '../app/live/event-tail.js';
import { LiveUpdates } from '../app/live/live-updates.js';
import type { PricingService } from '../app/pricing/pricing-service.js';
import type { EventIngestion } from '../app/profiles/event-ingestion.js';
import type { Checkout } from '../app/promotions/checkout.js';
import type { PromotionService } from '../app/promotions/promotion-service.js';
import { capability } from './capability.js';

/** How long a live page stays watched after its last connection drops, so a reconnect misses nothing. */
const STREAM_GRACE_MS = 60_000;
/** How many of the last stored events the live event view starts with. */
const TAIL_KEPT = 50;

interface LiveDeps {
  readonly tokens: CustomerTokens;
  readonly catalog: CatalogService;
  readonly pricing: PricingService;
  readonly promotions: PromotionService;
  readonly checkout: Checkout;
  readonly customers: CustomerContexts;
  readonly ingestion: EventIngestion;
}

/**
 * `GET /v1/stream`: live price, stock, offer and segment changes pushed to open pages; and
 * `GET /v1/events/live`: the events this node stores, as they arrive (the console's live event view).
 */
export const liveCapability = capability(
  ['access', 'catalog', 'pricing', 'promotions', 'profiles'],
  (
    { bus, onError, config, streamCounts },
    { tokens, catalog, pricing, promotions, checkout, customers, ingestion }: LiveDeps,
  ) => {
    const live = new LiveUpdates({
      tokens,
      catalog,
      pricing,
      promotions,
      checkout,
      customers,
      bus,
      onError,
      heartbeatMs: config.streamHeartbeatSeconds * 1000,
      graceMs: STREAM_GRACE_MS,
      maxConnections: config.streamMaxConnections,
    });
    const tail = new EventTail(TAIL_KEPT);
    ingestion.onCommitted((result) => tail.add(result.stored.map((stored) => stored.event)));
    return {
      services: { live },
      routes: [
        (app) =>
          registerStreamRoutes(app, {
            live,
            storeCurrency: config.currency,
            quotas: { perAddress: config.streamMaxPerAddress, perKey: config.streamMaxPerKey },
            ...(streamCounts !== undefined && { sharedCounts: { counts: streamCounts, onError } }),
          }),
        (app) => registerEventTailRoute(app, tail),
      ],
      start: () => live.start(),
    };
  },
);
