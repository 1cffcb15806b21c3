import type { FastifyInstance } from 'fastify';
import type { CatalogService } from '../../../app/catalog/catalog-service.js';
import { IdParams, PageOnlyQuery, ProblemSchema, commonProblems } from '../common-schemas.js';
import { DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor } from '../cursor.js';
import { answerNotModified, etagOf, ifMatchOf } from '../preconditions.js';
import { ProductPage } from '../products/schemas.js';
import { productView } from '../products/views.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';
import { CollectionBody, CollectionPage, CollectionResponse } from './schemas.js';

/** `/v1/collections`: manual and rule-based collections, and a collection's products. */
export function registerCollectionRoutes(parent: FastifyInstance, catalog: CatalogService): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  const tags = ['catalogue'];

  app.put(
    '/v1/collections/:id',
    {
      config: { scope: 'catalog:write' },
      schema: {
        tags,
        summary: 'Create or replace a collection: manual (productIds) or rule-based (filter)',
        params: IdParams,
        body: CollectionBody,
        response: { 200: CollectionResponse, 201: CollectionResponse, 412: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      const collection = await catalog.putCollection(request.params.id, request.body, ifMatchOf(request));
      return reply
        .code(collection.version === 1 ? 201 : 200)
        .header('etag', etagOf(collection.version))
        .send(collection);
    },
  );

  app.get(
    '/v1/collections/:id',
    {
      config: { scope: 'catalog:read' },
      schema: {
        tags,
        summary: 'Get a collection',
        params: IdParams,
        response: { 200: CollectionResponse, 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      const collection = catalog.getCollection(request.params.id);
      if (answerNotModified(request, reply, collection.version)) return reply;
      return collection;
    },
  );

  app.delete(
    '/v1/collections/:id',
    {
      config: { scope: 'catalog:write' },
      schema: {
        tags,
        summary: 'Delete a collection',
        params: IdParams,
        response: { 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      await catalog.deleteCollection(request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/v1/collections',
    {
      config: { scope: 'catalog:read' },
      schema: {
        tags,
        summary: 'List collections',
        querystring: PageOnlyQuery,
        response: { 200: CollectionPage, ...commonProblems },
      },
    },
    async (request) => {
      const page = catalog.listCollections(
        decodeCursor(request.query.cursor),
        request.query.limit ?? DEFAULT_PAGE_SIZE,
      );
      return { items: page.items, nextCursor: encodeCursor(page.lastId) };
    },
  );

  app.get(
    '/v1/collections/:id/products',
    {
      config: { scope: 'catalog:read' },
      schema: {
        tags,
        summary: "A collection's active products, in its display order",
        params: IdParams,
        querystring: PageOnlyQuery,
        response: { 200: ProductPage, 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request) => {
      const members = catalog.catalog.collectionMembers(catalog.getCollection(request.params.id));
      const afterId = decodeCursor(request.query.cursor);
      const start = afterId === undefined ? 0 : members.findIndex((product) => product.id === afterId) + 1;
      const limit = request.query.limit ?? DEFAULT_PAGE_SIZE;
      const page = members.slice(start, start + limit);
      const hasMore = start + limit < members.length;
      return {
        items: page.map((product) => productView(product, catalog.catalog)),
        nextCursor: encodeCursor(hasMore ? page[page.length - 1]?.id : undefined),
      };
    },
  );
}
