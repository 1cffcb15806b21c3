import { withCards, type ProductHydrator } from '../../../app/listing/hydration.js';
import type { FastifyInstance } from 'fastify';
import type { CustomerContexts } from '../../../app/customers/customer-context.js';
import type { ListingService } from '../../../app/listing/listing-service.js';
import { commonProblems } from '../common-schemas.js';
import { viewerOf, recordsVisit } from '../request-customer.js';
import type { ExperimentAssignments } from '../../../app/experiments/experiment-assignments.js';
import { experimentsView } from '../experiments/views.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';
import { ListingBody, ListingResponse, ListingRulesBody, ListingRulesResponse } from './schemas.js';

/** `/v1/listings`: category and text-query listings ranked per customer, and their ranking rules. */
export function registerListingRoutes(
  parent: FastifyInstance,
  deps: {
    listings: ListingService;
    customers: CustomerContexts;
    hydrator: ProductHydrator;
    experiments: ExperimentAssignments;
    storeCurrency: string;
  },
): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  const { listings } = deps;

  app.post(
    '/v1/listings',
    {
      config: { scope: 'storefront' },
      schema: {
        tags: ['listings'],
        summary: 'A category or text-query listing ranked for this customer, priced as the cart charges',
        description:
          'Ranked by relevance, the customer’s category and brand affinities (with consent), popularity and margin; ' +
          'out-of-stock products last. Follow nextCursor for the next page: no product appears twice and none is skipped, ' +
          'even when events reorder the listing between pages.',
        body: ListingBody,
        response: { 200: ListingResponse, ...commonProblems },
      },
    },
    async (request) => {
      const { userId, anonymousId, context, currency, include = [], ...query } = request.body;
      const customer = await viewerOf(deps, request, request.body);
      const listing = await listings.list({ ...query, currency: currency ?? deps.storeCurrency }, customer);
      if (recordsVisit(request))
        deps.experiments.countImpressions(customer, { recommendations: [], content: [], listing: true });
      return {
        ...listing,
        items: withCards(listing.items, deps.hydrator, include),
        experiments: experimentsView(customer),
      };
    },
  );

  app.put(
    '/v1/listings/rules',
    {
      config: { scope: 'listings:write' },
      schema: {
        tags: ['listings'],
        summary: 'How listings rank (signal weights) and which products each listing pins first',
        description:
          'Pinned products come first in the order given, in the listing they are pinned to, while they are active ' +
          'and in stock; after that they rank like any other. The rules apply to every listing and decide at once.',
        body: ListingRulesBody,
        response: { 200: ListingRulesResponse, ...commonProblems },
      },
    },
    (request) => listings.putRules(request.body),
  );

  app.get(
    '/v1/listings/rules',
    {
      config: { scope: 'listings:write' },
      schema: {
        tags: ['listings'],
        summary: 'The listing rules in force',
        response: { 200: ListingRulesResponse, ...commonProblems },
      },
    },
    () => listings.rules(),
  );
}
