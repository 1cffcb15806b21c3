import { Transform, type Readable } from 'node:stream';
import { createGunzip, createInflate } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { KEY_IN_BODY_MAX_BYTES } from '../auth.js';
import { HttpProblem } from '../problem.js';

/**
 * How Segment's and RudderStack's SDKs send events: JSON under any content type (RudderStack's Node
 * SDK labels it application/x-www-form-urlencoded), often gzip-compressed. Installed only in the
 * events plugin's scope; the rest of the API stays strict about JSON.
 * The body limit counts decompressed bytes, so a small compressed body cannot expand without bound;
 * a body whose key is inside it stops at `KEY_IN_BODY_MAX_BYTES` decompressed.
 */
export function acceptSegmentBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  app.addHook('preParsing', async (request, _reply, payload) => {
    const encoding = request.headers['content-encoding']?.trim().toLowerCase();
    if (encoding === undefined || encoding === '' || encoding === 'identity') return payload;
    if (encoding !== 'gzip' && encoding !== 'deflate') {
      throw new HttpProblem(
        'unsupported_media_type',
        `Content-Encoding ${encoding} is not supported; use gzip`,
        {
          in: 'header',
          pointer: '/content-encoding',
        },
      );
    }
    return decompress(payload, encoding, request.keyExpectedInBody ? KEY_IN_BODY_MAX_BYTES : Infinity);
  });
}

/**
 * Decompresses, counting the encoded bytes so Fastify can still check them against Content-Length,
 * and stopping at `maxDecodedBytes` (a body that still has to show its key) with `header_key_required`.
 */
function decompress(payload: Readable, encoding: 'gzip' | 'deflate', maxDecodedBytes: number): Readable {
  let encodedLength = 0;
  let decodedLength = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      encodedLength += chunk.length;
      callback(null, chunk);
    },
  });
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      decodedLength += chunk.length;
      if (decodedLength <= maxDecodedBytes) return callback(null, chunk);
      callback(
        new HttpProblem(
          'header_key_required',
          `a body over ${maxDecodedBytes} bytes decompressed needs Authorization: Bearer <key>`,
          { in: 'header', pointer: '/authorization' },
        ),
      );
    },
  });
  const decoder = encoding === 'gzip' ? createGunzip() : createInflate();
  const decoded = payload.pipe(counter).pipe(decoder).pipe(cap);
  // A corrupt stream must fail the request with a 400, not leave it hanging.
  payload.on('error', (error) => decoded.destroy(error));
  decoder.on('error', (error) => decoded.destroy(error));
  // Past the cap, stop inflating what nobody will read.
  cap.on('error', () => decoder.destroy());
  Object.defineProperty(decoded, 'receivedEncodedLength', { get: () => encodedLength });
  return decoded;
}
