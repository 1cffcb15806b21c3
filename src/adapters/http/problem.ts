import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';
import { ERROR_CATALOG, type ErrorCode } from './error-catalog.js';

/** Where the offending value sits in the request. */
export type ProblemLocation = 'body' | 'query' | 'path' | 'header';

/** An RFC 9457 problem as Attune sends it, with a stable `code` and, when a field is at fault, its pointer. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: ErrorCode;
  readonly detail?: string;
  /** JSON Pointer to the offending field (`/price/amount`), relative to `in`. */
  readonly pointer?: string;
  readonly in?: ProblemLocation;
  readonly [extension: string]: unknown;
}

/** An error the HTTP edge raises with a known code. */
export class HttpProblem extends Error {
  constructor(
    readonly code: ErrorCode,
    detail: string,
    readonly extensions: { pointer?: string; in?: ProblemLocation; [key: string]: unknown } = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

export function problemFor(
  code: ErrorCode,
  detail: string | undefined,
  extensions: Record<string, unknown> = {},
): Problem {
  const { status, title } = ERROR_CATALOG[code];
  return {
    type: `urn:attune:problem:${code}`,
    title,
    status,
    code,
    ...(detail !== undefined && { detail }),
    ...extensions,
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

/** Writes a problem on a raw Node response, for the router's hooks that run before Fastify's reply exists. */
export function writeRawProblem(response: ServerResponse, problem: Problem): void {
  response.statusCode = problem.status;
  response.setHeader('content-type', 'application/problem+json; charset=utf-8');
  response.end(JSON.stringify(problem));
}
