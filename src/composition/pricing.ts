import { registerPricingRoutes } from '../adapters/http/pricing/routes.js';
import type { CatalogService } from '../app/catalog/catalog-service.js';
import type { CustomerContexts } from '../app/customers/customer-context.js';
import type { ExperimentAssignments } from '../app/experiments/experiment-assignments.js';
import { PricingService } from '../app/pricing/pricing-service.js';
import type { ProfileService } from '../app/profiles/profile-service.js';
import { capability } from './capability.js';

/** Price lists, resolved per customer with their explanation and the Omnibus lowest price. */
export const pricingCapability = capability(
  ['catalog', 'profiles', 'experiments'],
  (
    infra,
    {
      catalog,
      customers,
      profiles,
      assignments,
    }: {
      catalog: CatalogService;
      customers: CustomerContexts;
      profiles: ProfileService;
      assignments: ExperimentAssignments;
    },
  ) => {
    const { store, bus, clock, nodeId, config } = infra;
    const pricing = new PricingService({
      store,
      bus,
      clock,
      catalog: catalog.catalog,
      nodeId,
      minMarginPercent: config.minMarginPercent,
      reportUnloadable: infra.reportUnloadable,
    });
    profiles.onErased(() => pricing.customerErased());
    return {
      services: { pricing },
      routes: [(app) => registerPricingRoutes(app, pricing, { customers, experiments: assignments })],
      start: () => pricing.start(),
    };
  },
);
