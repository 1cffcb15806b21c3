import type { FastifyInstance } from 'fastify';
import type { ContentService } from '../../../app/content/content-service.js';
import type { CustomerContexts } from '../../../app/customers/customer-context.js';
import { ProblemSchema, commonProblems } from '../common-schemas.js';
import { etagOf, ifMatchOf } from '../preconditions.js';
import { viewerOf, recordsVisit } from '../request-customer.js';
import type { ExperimentAssignments } from '../../../app/experiments/experiment-assignments.js';
import { experimentsView } from '../experiments/views.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';
import {
  ContentResolveBody,
  ContentResolveResponse,
  ContentSlotBody,
  ContentSlotParams,
  ContentSlotResponse,
} from './schemas.js';

/** `/v1/content`: targeted, scheduled slot variants, and which one a customer sees now. */
export function registerContentRoutes(
  parent: FastifyInstance,
  deps: { content: ContentService; customers: CustomerContexts; experiments: ExperimentAssignments },
): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  const { content } = deps;
  const tags = ['content'];

  app.put(
    '/v1/content/slots/:slot',
    {
      config: { scope: 'content:write' },
      schema: {
        tags,
        summary: 'Create or replace a content slot: targeted, scheduled variants and a default',
        params: ContentSlotParams,
        body: ContentSlotBody,
        response: {
          200: ContentSlotResponse,
          201: ContentSlotResponse,
          412: ProblemSchema,
          ...commonProblems,
        },
      },
    },
    async (request, reply) => {
      const slot = await content.put(request.params.slot, request.body, ifMatchOf(request));
      return reply
        .code(slot.version === 1 ? 201 : 200)
        .header('etag', etagOf(slot.version))
        .send(slot);
    },
  );

  app.get(
    '/v1/content/slots/:slot',
    {
      config: { scope: 'content:write' },
      schema: {
        tags,
        summary: 'A content slot and its variants',
        params: ContentSlotParams,
        response: { 200: ContentSlotResponse, 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      const slot = content.get(request.params.slot);
      return reply.header('etag', etagOf(slot.version)).send(slot);
    },
  );

  app.delete(
    '/v1/content/slots/:slot',
    {
      config: { scope: 'content:write' },
      schema: {
        tags,
        summary: 'Delete a content slot',
        params: ContentSlotParams,
        response: { 404: ProblemSchema, 412: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      await content.delete(request.params.slot, ifMatchOf(request));
      return reply.code(204).send();
    },
  );

  app.post(
    '/v1/content::resolve',
    {
      config: { scope: 'storefront' },
      schema: {
        tags,
        summary: 'The variant each named slot shows this customer now, and why',
        description: 'A slot that does not exist is left out of the answer.',
        body: ContentResolveBody,
        response: { 200: ContentResolveResponse, ...commonProblems },
      },
    },
    async (request) => {
      const { slots } = request.body;
      const customer = await viewerOf(deps, request, request.body);
      const resolved = content.resolve(slots, customer);
      if (recordsVisit(request))
        deps.experiments.countImpressions(customer, {
          recommendations: [],
          content: Object.keys(resolved),
          listing: false,
        });
      return { slots: resolved, experiments: experimentsView(customer) };
    },
  );
}
