import { registerListingRoutes } from '../adapters/http/listings/routes.js';
import type { CatalogService } from '../app/catalog/catalog-service.js';
import type { CustomerContexts } from '../app/customers/customer-context.js';
import type { ExperimentAssignments } from '../app/experiments/experiment-assignments.js';
import { ListingService } from '../app/listing/listing-service.js';
import type { ProductHydrator } from '../app/listing/hydration.js';
import type { PricingService } from '../app/pricing/pricing-service.js';
import type { ProfileService } from '../app/profiles/profile-service.js';
import type { Checkout } from '../app/promotions/checkout.js';
import type { PromotionService } from '../app/promotions/promotion-service.js';
import type { RecommendationService } from '../app/recommendations/recommendation-service.js';
import { capability } from './capability.js';

interface ListingsDeps {
  readonly catalog: CatalogService;
  readonly pricing: PricingService;
  readonly profiles: ProfileService;
  readonly customers: CustomerContexts;
  readonly recommendations: RecommendationService;
  readonly promotions: PromotionService;
  readonly checkout: Checkout;
  readonly hydrator: ProductHydrator;
  readonly assignments: ExperimentAssignments;
}

/** Category listings and text-query results, ranked and priced for the customer. */
export const listingsCapability = capability(
  ['catalog', 'pricing', 'profiles', 'recommendations', 'promotions', 'experiments'],
  (infra, deps: ListingsDeps) => {
    const { store, bus, clock, nodeId, config } = infra;
    const listings = new ListingService({
      store,
      bus,
      nodeId,
      clock,
      catalog: deps.catalog.catalog,
      pricing: deps.pricing,
      profiles: deps.profiles,
      recommendations: deps.recommendations,
      promotions: deps.promotions,
      checkout: deps.checkout,
      reportUnloadable: infra.reportUnloadable,
    });
    const { customers } = deps;
    return {
      services: { listings },
      routes: [
        (app) =>
          registerListingRoutes(app, {
            listings,
            customers,
            hydrator: deps.hydrator,
            experiments: deps.assignments,
            storeCurrency: config.currency,
          }),
      ],
      start: () => listings.start(),
    };
  },
);
