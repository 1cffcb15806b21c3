import type { FastifyInstance } from 'fastify';
import type { CatalogService } from '../../../app/catalog/catalog-service.js';
import { ProblemSchema, commonProblems } from '../common-schemas.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';
import { InventoryBody, InventoryParams, StockResponse } from './schemas.js';

/** `PUT /v1/inventory/{productId}`: stock per location. */
export function registerInventoryRoutes(parent: FastifyInstance, catalog: CatalogService): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  app.put(
    '/v1/inventory/:productId',
    {
      config: { scope: 'catalog:write' },
      schema: {
        tags: ['catalogue'],
        summary: 'Set the units available of a product at a location',
        description:
          'A product with no stock record counts as available; 0 everywhere removes it from listings at once.',
        params: InventoryParams,
        body: InventoryBody,
        response: { 200: StockResponse, 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request) =>
      catalog.setStock(request.params.productId, request.body.available, request.body.location),
  );
}
