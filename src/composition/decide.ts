import { registerDecideRoutes } from '../adapters/http/decide/routes.js';
import type { ContentService } from '../app/content/content-service.js';
import type { CustomerContexts } from '../app/customers/customer-context.js';
import type { ExperimentAssignments } from '../app/experiments/experiment-assignments.js';
import { DecideService } from '../app/decide/decide-service.js';
import { DecisionLog } from '../app/decide/decision-log.js';
import type { ProductHydrator } from '../app/listing/hydration.js';
import type { ListingService } from '../app/listing/listing-service.js';
import type { Checkout } from '../app/promotions/checkout.js';
import type { RecommendationService } from '../app/recommendations/recommendation-service.js';
import { capability } from './capability.js';

interface DecideDeps {
  readonly listings: ListingService;
  readonly recommendations: RecommendationService;
  readonly content: ContentService;
  readonly checkout: Checkout;
  readonly customers: CustomerContexts;
  readonly hydrator: ProductHydrator;
  readonly assignments: ExperimentAssignments;
}

/** `POST /v1/decide`: the whole page in one answer, logged (in batches) for attribution. */
export const decideCapability = capability(
  ['listings', 'recommendations', 'content', 'promotions', 'profiles', 'experiments'],
  (infra, deps: DecideDeps) => {
    const { listings, recommendations, content, checkout, customers, assignments, hydrator } = deps;
    const { store, clock, onError, config } = infra;
    const log = new DecisionLog(store, onError);
    const decide = new DecideService({
      clock,
      log,
      listings,
      recommendations,
      content,
      checkout,
      hydrator,
    });
    return {
      services: { decide, decisionLog: log },
      routes: [
        (app) =>
          registerDecideRoutes(app, {
            decide,
            customers,
            experiments: assignments,
            storeCurrency: config.currency,
          }),
      ],
      // Writes the decisions still buffered.
      stop: () => log.close(),
    };
  },
);
