import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { priceShopperOf, type CustomerContexts } from '../../../app/customers/customer-context.js';
import type { PricingService } from '../../../app/pricing/pricing-service.js';
import { IdParams, ProblemSchema, commonProblems } from '../common-schemas.js';
import { etagOf, ifMatchOf } from '../preconditions.js';
import { viewerOf } from '../request-customer.js';
import type { ExperimentAssignments } from '../../../app/experiments/experiment-assignments.js';

import type { TypeBoxRequestProvider } from '../type-provider.js';
import { PriceListBody, PriceListResponse, PriceResolveBody, PriceResolveResponse } from './schemas.js';

/** `/v1/price-lists` and `POST /v1/prices:resolve`: targeted price lists and the prices they make. */
export function registerPricingRoutes(
  parent: FastifyInstance,
  pricing: PricingService,
  viewers: { customers: CustomerContexts; experiments: ExperimentAssignments },
): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  const tags = ['pricing'];

  app.put(
    '/v1/price-lists/:id',
    {
      config: { scope: 'pricing:write' },
      schema: {
        tags,
        summary: 'Create or replace a price list (sale or override, audience, tiers or a rule)',
        params: IdParams,
        body: PriceListBody,
        response: { 200: PriceListResponse, 201: PriceListResponse, 412: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      const list = await pricing.put(request.params.id, request.body, ifMatchOf(request));
      return reply
        .code(list.version === 1 ? 201 : 200)
        .header('etag', etagOf(list.version))
        .send(list);
    },
  );

  app.get(
    '/v1/price-lists/:id',
    {
      config: { scope: 'pricing:write' },
      schema: {
        tags,
        summary: 'A price list',
        params: IdParams,
        response: { 200: PriceListResponse, 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      const list = await pricing.get(request.params.id);
      return reply.header('etag', etagOf(list.version)).send(list);
    },
  );

  app.get(
    '/v1/price-lists',
    {
      config: { scope: 'pricing:write' },
      schema: {
        tags,
        summary: 'Every price list',
        response: { 200: Type.Object({ items: Type.Array(PriceListResponse) }), ...commonProblems },
      },
    },
    async () => ({ items: await pricing.list() }),
  );

  app.delete(
    '/v1/price-lists/:id',
    {
      config: { scope: 'pricing:write' },
      schema: {
        tags,
        summary: 'Delete a price list',
        params: IdParams,
        response: { 404: ProblemSchema, 412: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      await pricing.delete(request.params.id, ifMatchOf(request));
      return reply.code(204).send();
    },
  );

  app.post(
    '/v1/prices::resolve',
    {
      config: { scope: 'storefront' },
      schema: {
        tags,
        summary:
          'The unit prices a customer pays, each explained (what the listing shows is what the cart charges)',
        description:
          'A publishable key gets contract and personal prices only with a customer token for that customer (X-Customer-Token); ' +
          'otherwise public prices. A product without a price in the currency answers error price_unavailable: never converted.',
        body: PriceResolveBody,
        response: { 200: PriceResolveResponse, ...commonProblems },
      },
    },
    async (request) => {
      const { currency, items } = request.body;
      const customer = await viewerOf(viewers, request, request.body);
      return {
        items: pricing.resolve(items, currency, priceShopperOf(customer)),
      };
    },
  );
}
