import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VersionPrecondition } from '../../ports/store.js';
import { HttpProblem } from './problem.js';

/** The strong ETag of a versioned resource. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** One entity-tag of a list (RFC 9110 §8.8.3), then a comma or the end. */
const ENTITY_TAG = /\s*(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"\s*(?:,|$)/y;

/**
 * Reads `If-Match` as a version precondition: `"3"` (or `3`) must be the current version, `*` requires
 * that the resource exists. A well-formed tag this node did not issue (`"abc"`), or a weak one (weak
 * tags never match, RFC 9110), is a precondition no version meets: the write answers 412. A list
 * holds when the current version is any of those it names.
 * @throws HttpProblem `invalid_if_match` when the header is not `*`, a version or entity-tags.
 */
export function ifMatchOf(request: FastifyRequest): VersionPrecondition | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const value = header.trim();
  if (value === '*') return '*';
  if (/^\d{1,15}$/.test(value)) return Number(value);
  const versions = new Set<number>();
  ENTITY_TAG.lastIndex = 0;
  while (ENTITY_TAG.lastIndex < value.length) {
    const tag = ENTITY_TAG.exec(value);
    if (tag === null) throw malformedIfMatch();
    if (tag[1] === undefined && /^\d{1,15}$/.test(tag[2] ?? '')) versions.add(Number(tag[2]));
  }
  if (value === '') throw malformedIfMatch();
  return [...versions];
}

function malformedIfMatch(): HttpProblem {
  return new HttpProblem(
    'invalid_if_match',
    'If-Match must be * or entity-tags such as "3" (from a previous answer\'s ETag)',
    { in: 'header', pointer: '/if-match' },
  );
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
