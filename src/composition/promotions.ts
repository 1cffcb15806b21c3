import { registerPromotionRoutes } from '../adapters/http/promotions/routes.js';
import type { CatalogService } from '../app/catalog/catalog-service.js';
import type { CustomerContexts } from '../app/customers/customer-context.js';
import type { PricingService } from '../app/pricing/pricing-service.js';
import type { EventIngestion } from '../app/profiles/event-ingestion.js';
import type { ExperimentAssignments } from '../app/experiments/experiment-assignments.js';
import { registerOrderRoutes } from '../adapters/http/orders/routes.js';
import { Checkout } from '../app/promotions/checkout.js';
import { ProductHydrator } from '../app/listing/hydration.js';
import { OrderHistory } from '../app/promotions/order-history.js';
import { PromotionService } from '../app/promotions/promotion-service.js';
import { capability } from './capability.js';

interface PromotionsDeps {
  readonly catalog: CatalogService;
  readonly pricing: PricingService;
  readonly ingestion: EventIngestion;
  readonly customers: CustomerContexts;
  readonly assignments: ExperimentAssignments;
}

/**
 * Promotions and coupons, the checkout that prices carts, finds offers and records orders, and the
 * hydrator that gives named products their card, price and badges.
 */
export const promotionsCapability = capability(
  ['catalog', 'pricing', 'profiles', 'experiments'],
  (infra, { catalog, pricing, ingestion, customers, assignments }: PromotionsDeps) => {
    const { store, bus, clock, nodeId, config, hashId } = infra;
    const promotions = new PromotionService({
      store,
      bus,
      clock,
      catalog: catalog.catalog,
      currency: config.currency,
      nodeId,
      reportUnloadable: infra.reportUnloadable,
    });
    const checkout = new Checkout({
      store,
      clock,
      catalog: catalog.catalog,
      pricing,
      promotions,
      ingestion,
      hashId,
      minOrderTotal: config.minOrderTotal,
      storeCurrency: config.currency,
    });
    const history = new OrderHistory({ store, hashId });
    // Answers that name products (recommendations, listings, offers, decide) hydrate them with it.
    const hydrator = new ProductHydrator({
      catalog: catalog.catalog,
      pricing,
      promotions,
      offers: (currency, customer) => checkout.openOffers(currency, customer),
    });
    return {
      services: { promotions, checkout, history, hydrator },
      routes: [
        (app) =>
          registerPromotionRoutes(app, {
            promotions,
            checkout,
            customers,
            experiments: assignments,
            hydrator,
          }),
        (app) => registerOrderRoutes(app, { checkout, history, customers, experiments: assignments }),
      ],
      start: () => promotions.start(),
    };
  },
);
