import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/shared/index.js';
import type { AllowedMethods } from './allowed-methods.js';
import { isErrorCode, type ErrorCode } from './error-catalog.js';
import { HttpProblem, problemFor, sendProblem, type Problem } from './problem.js';
import { locationOf, toFieldError } from './validation.js';

/** Fastify's own request errors, by their `code`, and the problem code each becomes. */
const FASTIFY_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'empty_body',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_value',
  FST_ERR_BAD_URL: 'invalid_url',
};

/**
 * Every error leaves as an RFC 9457 problem with a stable code. Anything unexpected is a 500 that
 * says nothing of its cause to the caller; the cause goes to the log with the request id.
 */
export function installErrorHandling(app: FastifyInstance, allowedMethods: AllowedMethods): void {
  app.setErrorHandler((error: unknown, request, reply) => {
    const problem = withBodyLimit(
      toProblem(error),
      request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit,
    );
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    // Refused before its body was read (no key, over a limit, too large): close the connection rather
    // than let Node read and throw away the rest of what may be megabytes.
    if (!request.raw.complete) void reply.header('connection', 'close');
    return sendProblem(reply, { ...problem, instance: request.url.split('?')[0], requestId: request.id });
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = allowedMethods(path);
    if (allowed.length === 0) {
      return sendProblem(reply, problemFor('route_not_found', `no route ${request.method} ${path}`));
    }
    void reply.header('allow', allowed.join(', '));
    return sendProblem(
      reply,
      problemFor('method_not_allowed', `${path} answers ${allowed.join(', ')}`, { allowed }),
    );
  });
}

/** A 413 says how large a body this route takes, so a client can split what it sends. */
function withBodyLimit(problem: Problem, limit: number | undefined): Problem {
  if (problem.code !== 'payload_too_large' || limit === undefined) return problem;
  return { ...problem, detail: `the body is over this route's limit of ${limit} bytes`, limit };
}

function toProblem(caught: unknown): Problem {
  if (caught instanceof HttpProblem) return problemFor(caught.code, caught.message, caught.extensions);
  if (caught instanceof DomainError) {
    const { code, details } = caught;
    // An unmapped domain code is a bug: the exhaustive catalogue makes it a compile error elsewhere.
    if (!isErrorCode(code)) return problemFor('internal_error', undefined);
    const pointer = details['pointer'];
    return problemFor(code, caught.message, {
      ...details,
      ...(typeof pointer === 'string' && { in: details['in'] ?? 'body' }),
    });
  }
  if (!(caught instanceof Error)) return problemFor('internal_error', undefined);
  const error = caught as FastifyError;
  const [first] = error.validation ?? [];
  if (first !== undefined) {
    const field = toFieldError(first, error.validation ?? []);
    return problemFor(field.code, field.detail, {
      pointer: field.pointer,
      in: locationOf(error.validationContext),
      ...(field.allowed !== undefined && { allowed: field.allowed }),
    });
  }
  const known = FASTIFY_CODES[error.code];
  if (known !== undefined) return problemFor(known, error.message);
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return problemFor('invalid_value', error.message);
  }
  return problemFor('internal_error', undefined);
}
