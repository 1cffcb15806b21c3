import type { FastifyInstance } from 'fastify';
import type { CustomerContexts } from '../../../app/customers/customer-context.js';
import type { ListingService } from '../../../app/listing/listing-service.js';
import { commonProblems } from '../schemas/common.js';
import { ListingBody, ListingResponse } from '../schemas/listing.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';
import { customerOf } from './customer-of.js';

export function registerListingRoutes(
  parent: FastifyInstance,
  deps: { listings: ListingService; customers: CustomerContexts; storeCurrency: string },
): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  const { listings, customers } = deps;

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
      const { userId, anonymousId, context, currency, ...query } = request.body;
      const customer = await customerOf(customers, request, request.body);
      return listings.list({ ...query, currency: currency ?? deps.storeCurrency }, customer);
    },
  );
}
