import type { FastifyInstance } from 'fastify';
import { findUnstorable } from '../../domain/shared/index.js';
import { HttpProblem, type ProblemLocation } from './problem.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The body is Segment events, each standing alone: a bad string in one event refuses that event
     * only (event reading checks each), so the guard checks only the envelope around `batch`.
     */
    eachEventStandsAlone?: boolean;
  }
}

/**
 * Refuses, before validation, any request whose path, query or body holds a string no store can keep
 * (a NUL, an unpaired surrogate: see `isStorableText`), as `400 invalid_text` with its pointer, or a
 * number JSON cannot write (`1e309` parsed as Infinity), as `400 out_of_range`. One
 * check for every route, so no id, name or free-form value can reach a store and fail a commit that
 * other requests share, and no value is silently changed on the way in.
 */
export function installTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    refuseUnstorable(request.params, 'path');
    refuseUnstorable(request.query, 'query');
    const body = request.body;
    if (request.routeOptions.config.eachEventStandsAlone === true && isPlainObject(body)) {
      const { batch: _eventsCheckedOneByOne, ...envelope } = body;
      refuseUnstorable(envelope, 'body');
    } else refuseUnstorable(body, 'body');
  });
}

function refuseUnstorable(value: unknown, where: ProblemLocation): void {
  const found = findUnstorable(value);
  if (found === undefined) return;
  const { pointer, kind } = found;
  const field = pointer === '' ? 'the value' : pointer;
  if (kind === 'number') {
    throw new HttpProblem('out_of_range', `${field} is too large (or not a number) for JSON`, {
      pointer,
      in: where,
    });
  }
  throw new HttpProblem('invalid_text', `${field} holds a NUL character or an unpaired surrogate`, {
    pointer,
    in: where,
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
