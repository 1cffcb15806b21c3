import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VersionPrecondition } from '../../ports/store.js';
import { HttpProblem } from './problem.js';

/** The strong ETag of a versioned resource. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * Reads `If-Match` as a version precondition: `"3"` (or `3`) must be the current version, `*` requires
 * that the resource exists. Weak tags never match, as RFC 9110 says for If-Match.
 * @throws HttpProblem `invalid_if_match`.
 */
export function ifMatchOf(request: FastifyRequest): VersionPrecondition | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const value = header.trim();
  if (value === '*') return '*';
  const match = /^"?(\d{1,15})"?$/.exec(value);
  if (match === null) {
    throw new HttpProblem(
      'invalid_if_match',
      'If-Match must be an ETag from a previous answer, such as "3", or *',
      {
        in: 'header',
        pointer: '/if-match',
      },
    );
  }
  return Number(match[1]);
}

/** Sets the ETag; answers 304 and returns true when `If-None-Match` already has this version. */
export function answerNotModified(request: FastifyRequest, reply: FastifyReply, version: number): boolean {
  const etag = etagOf(version);
  void reply.header('etag', etag);
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch === undefined) return false;
  const matches = ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
  if (matches) void reply.code(304).send();
  return matches;
}
