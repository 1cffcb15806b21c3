import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { CatalogService } from '../../../app/catalog/catalog-service.js';
import { normalizeCategoryPath } from '../../../domain/shared/index.js';
import { IdParams, ProblemSchema, commonProblems } from '../common-schemas.js';
import { DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor } from '../cursor.js';
import { answerNotModified, etagOf, ifMatchOf } from '../preconditions.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';
import {
  ProductBatchBody,
  ProductBatchResponse,
  ProductBody,
  ProductListQuery,
  ProductPage,
  ProductResponse,
} from './schemas.js';
import { productView } from './views.js';

/** A batch may carry up to 1,000 products with long descriptions. */
const BATCH_BODY_LIMIT = 16 * 1024 * 1024;

/** `/v1/products`: the catalogue's products, one at a time or in atomic batches. */
export function registerProductRoutes(parent: FastifyInstance, catalog: CatalogService): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  const tags = ['catalogue'];

  app.put(
    '/v1/products/:id',
    {
      config: { scope: 'catalog:write' },
      schema: {
        tags,
        summary: 'Create or replace a product',
        params: IdParams,
        body: ProductBody,
        response: { 200: ProductResponse, 201: ProductResponse, 412: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      const product = await catalog.putProduct(request.params.id, request.body, ifMatchOf(request));
      return reply
        .code(product.version === 1 ? 201 : 200)
        .header('etag', etagOf(product.version))
        .send(productView(product, catalog.catalog));
    },
  );

  app.get(
    '/v1/products/:id',
    {
      config: { scope: 'catalog:read' },
      schema: {
        tags,
        summary: 'Get a product',
        params: IdParams,
        response: { 200: ProductResponse, 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      const product = catalog.getProduct(request.params.id);
      if (answerNotModified(request, reply, product.version)) return reply;
      return productView(product, catalog.catalog);
    },
  );

  app.delete(
    '/v1/products/:id',
    {
      config: { scope: 'catalog:write' },
      schema: {
        tags,
        summary: 'Delete a product and its stock records',
        params: IdParams,
        response: { 204: Type.Null(), 404: ProblemSchema, 412: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      await catalog.deleteProduct(request.params.id, ifMatchOf(request));
      return reply.code(204).send();
    },
  );

  app.get(
    '/v1/products',
    {
      config: { scope: 'catalog:read' },
      schema: {
        tags,
        summary: 'List products in id order, filtered',
        querystring: ProductListQuery,
        response: { 200: ProductPage, ...commonProblems },
      },
    },
    async (request) => {
      const { category, brand, inStock, status, limit, cursor } = request.query;
      const afterId = decodeCursor(cursor);
      const page = catalog.listProducts({
        // The schema refuses a path that names no segment: normalised, it is never undefined.
        ...(category !== undefined && { category: normalizeCategoryPath(category) as string }),
        ...(brand !== undefined && { brand }),
        ...(inStock !== undefined && { inStock }),
        ...(status !== undefined && { status }),
        ...(afterId !== undefined && { afterId }),
        limit: limit ?? DEFAULT_PAGE_SIZE,
      });
      return {
        items: page.items.map((product) => productView(product, catalog.catalog)),
        nextCursor: encodeCursor(page.lastId),
      };
    },
  );

  app.post(
    '/v1/products::batch',
    {
      bodyLimit: BATCH_BODY_LIMIT,
      config: { scope: 'catalog:write' },
      schema: {
        tags,
        summary: 'Create or replace up to 1,000 products atomically',
        description: 'Every item is validated first; one bad item rejects the batch and nothing is written.',
        body: ProductBatchBody,
        response: { 200: ProductBatchResponse, 413: ProblemSchema, ...commonProblems },
      },
    },
    async (request) => {
      const products = await catalog.putProducts(request.body.items);
      return { items: products.map((product) => ({ id: product.id, version: product.version })) };
    },
  );
}
