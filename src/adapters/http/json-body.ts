import type { FastifyInstance } from 'fastify';

/** Methods whose requests carry no body (RFC 9110): a JSON content type on them announces nothing. */
const BODYLESS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS']);

/**
 * JSON bodies as Fastify parses them (`__proto__` and `constructor.prototype` refused), except that
 * a body-less request labelled JSON with no body at all (a client library's default header on a
 * `DELETE`) is taken as having no body, rather than refused as an empty JSON document.
 */
export function installJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text === '' && BODYLESS.has(request.method)) {
      done(null, undefined);
      return;
    }
    void parse(request, text, done);
  });
}
