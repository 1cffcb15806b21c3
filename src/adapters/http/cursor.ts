import { HttpProblem } from './problem.js';

/**
 * Opaque pagination cursors: the last id of the previous page, base64url-encoded so clients do not
 * build them by hand (and the format can change).
 */
export function encodeCursor(lastId: string | undefined): string | null {
  return lastId === undefined
    ? null
    : Buffer.from(JSON.stringify({ after: lastId }), 'utf8').toString('base64url');
}

/** @throws HttpProblem `invalid_cursor`. */
export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      typeof decoded === 'object' &&
      decoded !== null &&
      typeof (decoded as { after?: unknown }).after === 'string'
    ) {
      return (decoded as { after: string }).after;
    }
  } catch {
    // Falls through to the problem below: any undecodable cursor is the client's error.
  }
  throw new HttpProblem('invalid_cursor', 'pass nextCursor from the previous page unchanged', {
    in: 'query',
    pointer: '/cursor',
  });
}

/** Default and maximum page sizes of every list. */
export const DEFAULT_PAGE_SIZE = 50;
