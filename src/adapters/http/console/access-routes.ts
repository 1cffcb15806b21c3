import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { ApiKeyService } from '../../../app/access/api-keys.js';
import type { ConsoleUsers } from '../../../app/access/console-users.js';
import { AppError } from '../../../app/errors.js';
import type { AuditStore } from '../../../ports/audit-store.js';
import { ProblemSchema, commonProblems } from '../common-schemas.js';
import { HttpProblem } from '../problem.js';
import { DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor } from '../cursor.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';
import {
  AuditPage,
  AuditQuery,
  CreatedKeyView,
  KeyCreateBody,
  KeyParams,
  KeyRotateBody,
  KeyView,
  RotatedKeyView,
  UserCreateBody,
  UserParams,
  UserView,
} from './schemas.js';
import { auditView, keyView, userView } from './views.js';

/** `/v1/keys`, `/v1/users` and `/v1/audit`: what an admin (a secret key or an admin session) manages. */
export function registerAccessRoutes(
  parent: FastifyInstance,
  deps: { keys: ApiKeyService; users: ConsoleUsers; audit: AuditStore },
): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  const { keys, users, audit } = deps;

  app.get(
    '/v1/keys',
    {
      config: { scope: 'keys:manage' },
      schema: {
        tags: ['keys'],
        summary: 'Every API key, revoked ones included; never a secret key itself',
        response: { 200: Type.Object({ items: Type.Array(KeyView) }), ...commonProblems },
      },
    },
    async () => ({ items: (await keys.list()).map(keyView) }),
  );

  app.post(
    '/v1/keys',
    {
      config: { scope: 'keys:manage' },
      schema: {
        tags: ['keys'],
        summary: 'Create an API key; the answer shows it this once',
        body: KeyCreateBody,
        response: { 201: CreatedKeyView, ...commonProblems },
      },
    },
    async (request, reply) => {
      const { key, record } = await keys.create(request.body.kind, request.body.label);
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({ ...keyView(record), key });
    },
  );

  app.post(
    // The pattern ends the id before `:rotate` (key ids hold no colon).
    '/v1/keys/:id(^key_[0-9a-f]{16})::rotate',
    {
      config: { scope: 'keys:manage' },
      // The body is optional: none means the default grace period.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags: ['keys'],
        summary: 'Rotate an API key: a new key now, the old one working for a grace period (24h unless told)',
        params: KeyParams,
        body: KeyRotateBody,
        response: { 201: RotatedKeyView, 404: ProblemSchema, 409: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      const grace = graceOf(request.body.gracePeriod ?? '24h');
      const rotated = await keys.rotate(request.params.id, grace);
      if (rotated === undefined) {
        throw new AppError('key_not_found', `no key ${request.params.id}, or it is revoked`, {
          in: 'path',
          pointer: '/id',
        });
      }
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({
          ...keyView(rotated.record),
          key: rotated.key,
          replaces: { id: request.params.id, revokedAt: new Date(rotated.retiresAt).toISOString() },
        });
    },
  );

  app.delete(
    '/v1/keys/:id',
    {
      config: { scope: 'keys:manage' },
      schema: {
        tags: ['keys'],
        summary: 'Revoke an API key, on every node',
        params: KeyParams,
        response: { 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      if (!(await keys.revoke(request.params.id))) {
        throw new AppError('key_not_found', `no key ${request.params.id}, or it is revoked`, {
          in: 'path',
          pointer: '/id',
        });
      }
      return reply.code(204).send();
    },
  );

  app.get(
    '/v1/users',
    {
      config: { scope: 'users:manage' },
      schema: {
        tags: ['users'],
        summary: 'Every console user',
        response: { 200: Type.Object({ items: Type.Array(UserView) }), ...commonProblems },
      },
    },
    async () => ({ items: (await users.list()).map(userView) }),
  );

  app.post(
    '/v1/users',
    {
      config: { scope: 'users:manage' },
      schema: {
        tags: ['users'],
        summary: 'Create a console user (admin, editor or viewer)',
        body: UserCreateBody,
        response: { 201: UserView, 409: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => reply.code(201).send(userView(await users.create(request.body))),
  );

  app.delete(
    '/v1/users/:id',
    {
      config: { scope: 'users:manage' },
      schema: {
        tags: ['users'],
        summary: 'Delete a console user and end their sessions',
        params: UserParams,
        response: { 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      await users.delete(request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/v1/audit',
    {
      config: { scope: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Changes to merchant objects, newest first: who, when, what, before and after',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...commonProblems },
      },
    },
    async (request) => {
      const { resource, actor, limit = DEFAULT_PAGE_SIZE, cursor } = request.query;
      const separator = resource?.indexOf(':') ?? -1;
      const entries = await audit.listAudit({
        resourceType: separator < 0 ? resource : resource?.slice(0, separator),
        resourceId: separator < 0 ? undefined : resource?.slice(separator + 1),
        actorId: actor,
        before: decodeCursor(cursor),
        limit: limit + 1,
      });
      const page = entries.slice(0, limit);
      // Users and keys are an admin's to read: a viewer sees that they changed, not their contents.
      const scopes = request.principal?.scopes;
      const readable = (type: string) =>
        (type !== 'user' || scopes?.has('users:manage') === true) &&
        (type !== 'key' || scopes?.has('keys:manage') === true);
      return {
        items: page
          .map(auditView)
          .map((item) => (readable(item.resource.type) ? item : { ...item, before: null, after: null })),
        nextCursor: entries.length > limit ? encodeCursor(page[page.length - 1]?.id) : null,
      };
    },
  );
}

const GRACE_UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const MAX_GRACE_MS = 30 * 86_400_000;

/** A rotation's grace period in milliseconds; the schema has checked its shape.
 * @throws HttpProblem `out_of_range` past 30 days. */
function graceOf(text: string): number {
  if (text === '0') return 0;
  const unit = text.at(-1) as keyof typeof GRACE_UNIT_MS;
  const ms = Number(text.slice(0, -1)) * GRACE_UNIT_MS[unit];
  if (ms > MAX_GRACE_MS) {
    throw new HttpProblem('out_of_range', 'a grace period is at most 30d', {
      in: 'body',
      pointer: '/gracePeriod',
    });
  }
  return ms;
}
