import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { HttpProblem } from './problem.js';

/**
 * What a `GET` answers, a `PUT` takes back unchanged: the fields a document's answer has and its
 * write body does not (its `id`, `version`, `updatedAt`, what the server works out) are read-only.
 * A read-only field naming the document (the path's `id` or `slot`) must match the path, so a body
 * copied to the wrong address is refused rather than silently renamed; the others are ignored, as
 * the server sets them (concurrency is `If-Match`'s job, not `version`'s).
 *
 * The read-only fields are worked out from each route's own schemas when it is registered, so a new
 * document kind gets this without a list to keep.
 */
export function installReadBackWrites(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.method !== 'PUT' || route.schema === undefined) return;
    const readOnly = readOnlyFields(route);
    if (readOnly.length === 0) return;
    const stripReadOnly = async (request: FastifyRequest) => {
      request.body = withoutReadOnly(request, readOnly);
    };
    const existing = route.preValidation;
    route.preValidation = [
      stripReadOnly,
      ...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]),
    ];
  });
}

function readOnlyFields(route: RouteOptions): string[] {
  const schema = route.schema as { body?: unknown; response?: Record<string, unknown> } | undefined;
  const written = propertiesOf(schema?.body);
  const answered = propertiesOf(schema?.response?.['200']);
  if (written === undefined || answered === undefined) return [];
  return answered.filter((field) => !written.includes(field));
}

function propertiesOf(schema: unknown): string[] | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const { properties } = schema as { properties?: Record<string, unknown> };
  return properties === undefined ? undefined : Object.keys(properties);
}

function withoutReadOnly(request: FastifyRequest, readOnly: readonly string[]): unknown {
  const body = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const params = (request.params ?? {}) as Record<string, unknown>;
  const kept: Record<string, unknown> = { ...body };
  for (const field of readOnly) {
    if (!Object.hasOwn(kept, field)) continue;
    const named = params[field] ?? (field === 'id' ? params['slot'] : undefined);
    if (named !== undefined && kept[field] !== named) {
      throw new HttpProblem(
        'read_only_mismatch',
        `${field} is ${JSON.stringify(kept[field])} in the body but ${JSON.stringify(named)} in the path`,
        { pointer: `/${field}`, in: 'body' },
      );
    }
    delete kept[field];
  }
  return kept;
}
