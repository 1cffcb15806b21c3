import type { FastifyInstance } from 'fastify';
import type { CustomerContexts } from '../../../app/customers/customer-context.js';
import type { DecideService } from '../../../app/decide/decide-service.js';
import { shownPartsOf } from '../../../app/decide/shown-parts.js';
import { commonProblems } from '../common-schemas.js';
import { offerView } from '../promotions/views.js';
import { viewerOf } from '../request-customer.js';
import type { ExperimentAssignments } from '../../../app/experiments/experiment-assignments.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';
import { DecideBody, DecideResponse } from './schemas.js';

/** `POST /v1/decide`: everything one page shows, for one customer, in one call. */
export function registerDecideRoutes(
  parent: FastifyInstance,
  deps: {
    decide: DecideService;
    customers: CustomerContexts;
    experiments: ExperimentAssignments;
    storeCurrency: string;
  },
): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  const { decide } = deps;

  app.post(
    '/v1/decide',
    {
      config: { scope: 'storefront' },
      schema: {
        tags: ['decide'],
        summary:
          'One page: listing, prices, offers, recommendations, content and cart, for this customer now',
        description:
          'Every part reads the same customer context: the price a listing shows is the unit price the cart charges. ' +
          'Without personalisation consent (or a customer token, with a publishable key) personalized is false and ' +
          'the answer is what an anonymous visitor in the same context gets. The decisionId may be cited by later events.',
        body: DecideBody,
        response: { 200: DecideResponse, ...commonProblems },
      },
    },
    async (request) => {
      const { userId, anonymousId, context, currency, listing, ...rest } = request.body;
      const customer = await viewerOf(deps, request, request.body);
      const used = currency ?? deps.storeCurrency;
      const decision = await decide.decide(
        {
          ...rest,
          currency: used,
          ...(listing !== undefined && {
            listing: {
              limit: listing.limit,
              ...(typeof listing.category === 'string' && { category: listing.category }),
              ...(typeof listing.query === 'string' && { query: listing.query }),
              ...(typeof listing.cursor === 'string' && { cursor: listing.cursor }),
            },
          }),
        },
        customer,
      );
      deps.experiments.countImpressions(customer, shownPartsOf(decision));
      return { ...decision, offers: decision.offers.map((offer) => offerView(offer, used)) };
    },
  );
}
