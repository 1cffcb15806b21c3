import type { FastifyInstance } from 'fastify';
import { findInputFault, MAX_NESTING_DEPTH, nestingProblem, type InputFault } from './nesting.js';
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
 * Refuses, before validation, a request whose body nests deeper than `MAX_NESTING_DEPTH` levels
 * (`400 nesting_too_deep`), or whose path, query or body holds a string no store can keep (a NUL, an
 * unpaired surrogate: see `isStorableText`), as `400 invalid_text`, or a number JSON cannot write
 * (`1e309` parsed as Infinity), as `400 out_of_range`; each with its pointer. One walk of each part
 * for every route, so no id, name or free-form value can reach a store and fail a commit that other
 * requests share, no value is silently changed on the way in, and no recursive code meets a body
 * deep enough to overflow it.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const { config } = request.routeOptions;
    const body = request.body;
    const checked = config.eachEventStandsAlone === true && isPlainObject(body) ? withoutBatch(body) : body;
    const maxDepth = config.nestingCheckedByRoute === true ? Infinity : MAX_NESTING_DEPTH;
    const bodyFault = findInputFault(checked, maxDepth);
    // Too deep comes first, as it did when depth had a check of its own.
    if (bodyFault?.kind === 'too_deep') throw nestingProblem(bodyFault.pointer);
    refuse(findInputFault(request.params), 'path');
    refuse(findInputFault(request.query), 'query');
    refuse(bodyFault, 'body');
  });
}

/** An event batch's envelope: each event is checked alone (a bad one refuses that event only). */
function withoutBatch(body: Record<string, unknown>): Record<string, unknown> {
  const { batch: _eventsCheckedOneByOne, ...envelope } = body;
  return envelope;
}

function refuse(found: InputFault | undefined, where: ProblemLocation): void {
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
