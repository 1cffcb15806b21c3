import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { CustomerContexts } from '../../../app/customers/customer-context.js';
import type { Checkout } from '../../../app/promotions/checkout.js';
import { withOfferProducts, type ProductHydrator } from '../../../app/listing/hydration.js';
import type { PromotionService } from '../../../app/promotions/promotion-service.js';
import { IdParams, ProblemSchema, commonProblems } from '../common-schemas.js';
import { etagOf, ifMatchOf } from '../preconditions.js';
import { viewerOf } from '../request-customer.js';
import type { ExperimentAssignments } from '../../../app/experiments/experiment-assignments.js';

import type { TypeBoxRequestProvider } from '../type-provider.js';
import {
  CartBody,
  CartResponse,
  GenerateCodesBody,
  GenerateCodesResponse,
  OffersBody,
  OffersResponse,
  PromotionBody,
  PromotionResponse,
} from './schemas.js';
import { offerView, promotionView } from './views.js';

/**
 * `/v1/promotions` and what a storefront asks of them: cart evaluation (`/v1/carts:evaluate`), the
 * offers a customer can get (`/v1/offers`); orders are recorded in `../orders`.
 */
export function registerPromotionRoutes(
  parent: FastifyInstance,
  deps: {
    promotions: PromotionService;
    checkout: Checkout;
    customers: CustomerContexts;
    experiments: ExperimentAssignments;
    hydrator: ProductHydrator;
  },
): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  const { promotions, checkout } = deps;
  const tags = ['promotions'];

  app.put(
    '/v1/promotions/:id',
    {
      config: { scope: 'promotions:write' },
      schema: {
        tags,
        summary: 'Create or replace a promotion (audience, conditions, action, stacking, limits, coupon)',
        params: IdParams,
        body: PromotionBody,
        response: {
          200: PromotionResponse,
          201: PromotionResponse,
          409: ProblemSchema,
          412: ProblemSchema,
          ...commonProblems,
        },
      },
    },
    async (request, reply) => {
      const promotion = await promotions.put(request.params.id, request.body, ifMatchOf(request));
      return reply
        .code(promotion.version === 1 ? 201 : 200)
        .header('etag', etagOf(promotion.version))
        .send(promotionView(promotion));
    },
  );

  app.get(
    '/v1/promotions/:id',
    {
      config: { scope: 'promotions:write' },
      schema: {
        tags,
        summary: 'A promotion',
        params: IdParams,
        response: { 200: PromotionResponse, 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      const promotion = await promotions.get(request.params.id);
      return reply.header('etag', etagOf(promotion.version)).send(promotionView(promotion));
    },
  );

  app.get(
    '/v1/promotions',
    {
      config: { scope: 'promotions:write' },
      schema: {
        tags,
        summary: 'Every promotion',
        response: { 200: Type.Object({ items: Type.Array(PromotionResponse) }), ...commonProblems },
      },
    },
    async () => ({ items: (await promotions.list()).map(promotionView) }),
  );

  app.delete(
    '/v1/promotions/:id',
    {
      config: { scope: 'promotions:write' },
      schema: {
        tags,
        summary: 'Delete a promotion, its codes and its usage',
        params: IdParams,
        response: { 404: ProblemSchema, 412: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      await promotions.delete(request.params.id, ifMatchOf(request));
      return reply.code(204).send();
    },
  );

  app.post(
    '/v1/promotions/:id/coupons::generate',
    {
      config: { scope: 'promotions:write' },
      schema: {
        tags,
        summary: 'Generate unguessable coupon codes (up to 100,000 per call)',
        description:
          'Codes are 12 characters of Crockford base 32 (60 random bits) after an optional prefix; single-use unless singleUse is false.',
        params: IdParams,
        body: GenerateCodesBody,
        response: { 201: GenerateCodesResponse, 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      const { count, prefix, singleUse } = request.body;
      const codes = await promotions.generateCodes(request.params.id, {
        count,
        ...(prefix !== undefined && { prefix }),
        ...(singleUse !== undefined && { singleUse }),
      });
      return reply.code(201).send({ promotionId: request.params.id, count: codes.length, codes });
    },
  );

  app.post(
    '/v1/carts::evaluate',
    {
      config: { scope: 'storefront' },
      schema: {
        tags,
        summary:
          'Evaluate a cart: prices, promotions, discounts, totals, what applied and why, what did not, and nudges',
        description: 'No side effects. Promotions run in the documented order (docs/promotions.md).',
        body: CartBody,
        response: { 200: CartResponse, 422: ProblemSchema, ...commonProblems },
      },
    },
    async (request) => checkout.evaluate(request.body, await viewerOf(deps, request, request.body)),
  );

  app.post(
    '/v1/offers',
    {
      config: { scope: 'storefront' },
      schema: {
        tags,
        summary: 'The promotions this customer can get now, with what is still missing for each',
        body: OffersBody,
        response: { 200: OffersResponse, 422: ProblemSchema, ...commonProblems },
      },
    },
    async (request) => {
      const { cart, include = [], ...rest } = request.body;
      const customer = await viewerOf(deps, request, rest);
      const offers = await checkout.offers(
        { ...rest, ...(cart !== undefined && { items: cart.items }) },
        customer,
      );
      const hydrate = await deps.hydrator.prepare(include, rest.currency, customer);
      return { offers: withOfferProducts(offers, hydrate).map((offer) => offerView(offer, rest.currency)) };
    },
  );
}
