import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { SegmentRegistry } from '../../../app/segments/segment-registry.js';
import type { SegmentService } from '../../../app/segments/segment-service.js';
import type { RuleNode } from '../../../domain/segments/index.js';
import { IdParams, PageOnlyQuery, ProblemSchema, commonProblems } from '../common-schemas.js';
import { DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor } from '../cursor.js';
import { etagOf, ifMatchOf } from '../preconditions.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';
import { MemberPage, SegmentBody, SegmentResponse } from './schemas.js';
import { memberView, segmentView } from './views.js';

/** `/v1/segments`: rule-based audiences, back-filled over existing profiles, and their members. */
export function registerSegmentRoutes(
  parent: FastifyInstance,
  segments: SegmentService,
  registry: SegmentRegistry,
): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  const tags = ['segments'];

  app.put(
    '/v1/segments/:id',
    {
      config: { scope: 'segments:write' },
      schema: {
        tags,
        summary: 'Create or replace a segment; it is back-filled over existing profiles',
        params: IdParams,
        body: SegmentBody,
        response: { 200: SegmentResponse, 201: SegmentResponse, 412: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      const { name, description, rule } = request.body;
      const stored = await segments.put(
        request.params.id,
        { name, ...(description !== undefined && { description }), rule: rule as RuleNode },
        ifMatchOf(request),
      );
      return reply
        .code(stored.version === 1 ? 201 : 200)
        .header('etag', etagOf(stored.version))
        .send(segmentView(stored, registry));
    },
  );

  app.get(
    '/v1/segments/:id',
    {
      config: { scope: 'segments:read' },
      schema: {
        tags,
        summary: 'A segment, its back-fill progress and member count',
        params: IdParams,
        response: { 200: SegmentResponse, 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      const segment = await segments.get(request.params.id);
      return reply
        .header('etag', etagOf(segment.version))
        .send(segmentView(segment, registry, segment.members));
    },
  );

  app.get(
    '/v1/segments',
    {
      config: { scope: 'segments:read' },
      schema: {
        tags,
        summary: 'Every segment',
        response: { 200: Type.Object({ items: Type.Array(SegmentResponse) }), ...commonProblems },
      },
    },
    async () => ({ items: (await segments.list()).map((segment) => segmentView(segment, registry)) }),
  );

  app.delete(
    '/v1/segments/:id',
    {
      config: { scope: 'segments:write' },
      schema: {
        tags,
        summary: 'Delete a segment no other segment uses',
        params: IdParams,
        response: { 404: ProblemSchema, 409: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      await segments.delete(request.params.id, ifMatchOf(request));
      return reply.code(204).send();
    },
  );

  app.get(
    '/v1/segments/:id/members',
    {
      config: { scope: 'segments:read' },
      schema: {
        tags,
        summary: "A segment's members, paginated",
        params: IdParams,
        querystring: PageOnlyQuery,
        response: { 200: MemberPage, 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? DEFAULT_PAGE_SIZE;
      const members = await segments.members(
        request.params.id,
        decodeCursor(request.query.cursor),
        limit + 1,
      );
      const page = members.slice(0, limit);
      return {
        items: page.map(memberView),
        nextCursor: encodeCursor(members.length > limit ? page[page.length - 1]?.profileId : undefined),
      };
    },
  );
}
