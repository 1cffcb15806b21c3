import type { FastifyInstance } from 'fastify';
import type { CustomerContexts } from '../../../app/customers/customer-context.js';
import { hydrateItems, type ProductHydrator } from '../../../app/listing/hydration.js';
import type { RecommendationService } from '../../../app/recommendations/recommendation-service.js';
import { normalizeMatch } from '../../../domain/shared/index.js';
import { ProblemSchema, commonProblems } from '../common-schemas.js';
import { customerProof, viewerOf, recordsVisit } from '../request-customer.js';
import type { ExperimentAssignments } from '../../../app/experiments/experiment-assignments.js';
import type { Strategy } from '../../../domain/recommendations/index.js';
import { experimentsView } from '../experiments/views.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';
import {
  MerchandisingBody,
  ModelReportResponse,
  RecommendationBody,
  RecommendationResponse,
} from './schemas.js';

/** `/v1/recommendations`: lists by strategy, the model rebuild, and merchandising rules. */
export function registerRecommendationRoutes(
  parent: FastifyInstance,
  deps: {
    recommendations: RecommendationService;
    customers: CustomerContexts;
    experiments: ExperimentAssignments;
    hydrator: ProductHydrator;
    storeCurrency: string;
  },
): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  const { recommendations } = deps;
  const tags = ['recommendations'];

  app.post(
    '/v1/recommendations',
    {
      config: { scope: 'storefront' },
      schema: {
        tags,
        summary: 'Products for this customer now, by strategy, each with its score and reason',
        description:
          'Never out-of-stock or archived products, the product on the page or what is in the cart. ' +
          'When the strategy knows too little (a new customer, a new product), popular products fill the list and the answer says fallback: "popular". ' +
          "for-you follows the customer's own events at once and other customers' events at most 5 seconds late.",
        body: RecommendationBody,
        response: { 200: RecommendationResponse, ...commonProblems },
      },
    },
    async (request) => {
      const {
        userId,
        anonymousId,
        context,
        cart,
        segment,
        slot,
        include = [],
        currency,
        ...query
      } = request.body;
      const customer = await viewerOf(deps, request, request.body);
      const tested = slot === undefined ? undefined : customer.experiments?.recommendations.get(slot);
      // What a segment buys is shown to the merchant's servers, or to a customer of that segment.
      const segmentShown =
        segment !== undefined && (customerProof(request).trusted || customer.segments.includes(segment));
      const answer = await recommendations.recommend(
        {
          ...query,
          // Checked against the strategies when the experiment was written.
          ...(tested !== undefined && { strategy: tested as Strategy }),
          ...(segmentShown && { segment }),
          ...(cart !== undefined && { cart: cart.items.map((item) => item.productId) }),
        },
        customer,
      );
      if (recordsVisit(request))
        deps.experiments.countImpressions(customer, {
          recommendations: slot !== undefined && answer.items.length > 0 ? [slot] : [],
          content: [],
          listing: false,
        });
      const experiments = experimentsView(customer);
      if (include.length === 0) return { ...answer, experiments };
      const hydrate = await deps.hydrator.prepare(include, currency ?? deps.storeCurrency, customer);
      return { ...answer, items: hydrateItems(answer.items, hydrate, deps.hydrator, include), experiments };
    },
  );

  app.post(
    '/v1/recommendations/models::rebuild',
    {
      config: { scope: 'recommendations:write' },
      schema: {
        tags,
        summary: 'Rebuild the heavier models from the event log now; answers once the new models serve',
        response: { 200: ModelReportResponse, ...commonProblems },
      },
    },
    () => recommendations.rebuild(),
  );

  app.put(
    '/v1/recommendations/rules',
    {
      config: { scope: 'recommendations:write' },
      schema: {
        tags,
        summary:
          'Merchandising for every list: boosts, pins, diversity, which strategies may repeat purchases',
        body: MerchandisingBody,
        response: { 200: MerchandisingBody, 422: ProblemSchema, ...commonProblems },
      },
    },
    async (request) =>
      recommendations.putRules({
        ...request.body,
        ...(request.body.boosts !== undefined && {
          boosts: request.body.boosts.map((boost) => ({ ...boost, match: normalizeMatch(boost.match) })),
        }),
      }),
  );

  app.get(
    '/v1/recommendations/rules',
    {
      config: { scope: 'recommendations:write' },
      schema: {
        tags,
        summary: 'The merchandising rules in force',
        response: { 200: MerchandisingBody, ...commonProblems },
      },
    },
    () => recommendations.rules(),
  );
}
