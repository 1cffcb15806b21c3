import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { JourneyService } from '../../../app/journeys/journey-service.js';
import type { JourneyInput } from '../../../domain/journeys/index.js';
import { IdParams, PageOf, PageOnlyQuery, ProblemSchema, commonProblems } from '../common-schemas.js';
import { DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor } from '../cursor.js';
import { etagOf, ifMatchOf } from '../preconditions.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';
import {
  JourneyBody,
  JourneyResponse,
  JourneyStatsResponse,
  LastMessageResponse,
  SimulateBody,
  SimulationResponse,
} from './schemas.js';

/** `/v1/journeys`: triggered, delayed, personal messages sent through a webhook (docs/journeys.md). */
export function registerJourneyRoutes(
  parent: FastifyInstance,
  journeys: JourneyService,
  currency: string,
): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  const tags = ['journeys'];
  const config = { scope: 'journeys:write' } as const;

  app.put(
    '/v1/journeys/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Create or replace a journey',
        description:
          'A trigger, an optional audience and holdout, and steps each sending a journey.message webhook. ' +
          'What a journey names (webhooks, promotions, segments, strategies, content slots) must exist.',
        params: IdParams,
        body: JourneyBody,
        response: { 200: JourneyResponse, 201: JourneyResponse, 412: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      const journey = await journeys.put(request.params.id, request.body as JourneyInput, ifMatchOf(request));
      return reply
        .code(journey.version === 1 ? 201 : 200)
        .header('etag', etagOf(journey.version))
        .send(journey);
    },
  );

  app.get(
    '/v1/journeys/:id',
    {
      config,
      schema: {
        tags,
        summary: 'A journey',
        params: IdParams,
        response: { 200: JourneyResponse, 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      const journey = journeys.get(request.params.id);
      return reply.header('etag', etagOf(journey.version)).send(journey);
    },
  );

  app.get(
    '/v1/journeys',
    {
      config,
      schema: {
        tags,
        summary: 'Every journey, by id, paginated',
        querystring: PageOnlyQuery,
        response: { 200: PageOf(JourneyResponse), ...commonProblems },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? DEFAULT_PAGE_SIZE;
      const after = decodeCursor(request.query.cursor);
      const rest = [...journeys.list()]
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .filter((journey) => after === undefined || journey.id > after);
      const page = rest.slice(0, limit);
      return {
        items: page,
        nextCursor: encodeCursor(rest.length > limit ? page[page.length - 1]?.id : undefined),
      };
    },
  );

  app.delete(
    '/v1/journeys/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Delete a journey and its steps still waiting',
        params: IdParams,
        response: { 404: ProblemSchema, 412: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      await journeys.delete(request.params.id, ifMatchOf(request));
      return reply.code(204).send();
    },
  );

  app.get(
    '/v1/journeys/:id/stats',
    {
      config,
      schema: {
        tags,
        summary: "A journey's outcomes: sent, held out, skipped by reason, coupons redeemed, orders, revenue",
        description: 'With a holdout, the messaged and held-out customers are compared on conversion.',
        params: IdParams,
        response: { 200: JourneyStatsResponse, 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request) => {
      const stats = await journeys.stats(request.params.id);
      return {
        ...stats,
        steps: stats.steps.map((step) => ({ ...step, revenue: { amount: step.revenue, currency } })),
      };
    },
  );

  app.post(
    // The pattern ends the id before `:simulate` (an id holding a colon cannot be simulated).
    '/v1/journeys/:id(^[A-Za-z0-9._-]+)::simulate',
    {
      config,
      schema: {
        tags,
        summary: 'The message a customer would get from the first step now (or at `at`): nothing sent',
        description: 'No coupon is generated: the message shows a placeholder code.',
        params: IdParams,
        body: SimulateBody,
        response: { 200: SimulationResponse, 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request) => {
      const { userId, at } = request.body;
      return journeys.simulate(request.params.id, userId, at === undefined ? undefined : Date.parse(at));
    },
  );

  app.get(
    '/v1/journeys/messages/:userId/last',
    {
      config,
      schema: {
        tags,
        summary: 'The last journey message a customer was sent, or null (the demo storefront shows it)',
        params: Type.Object({ userId: Type.String({ minLength: 1, maxLength: 256 }) }),
        response: { 200: LastMessageResponse, ...commonProblems },
      },
    },
    async (request) => ({ message: (await journeys.lastMessage(request.params.userId)) ?? null }),
  );
}
