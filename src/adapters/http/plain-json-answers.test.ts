import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { CompileOnFirstUse } from './compile-on-first-use.js';
import { PlainJsonAnswers } from './plain-json-answers.js';

const Answer = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    count: { type: 'integer' },
    items: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' } } } },
  },
};
const Missing = { type: 'object', properties: { code: { type: 'string' } } };

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** An app wired as `buildApp` wires it: one route asks for plain JSON, one does not; both answer the body. */
async function appWith(check: boolean): Promise<FastifyInstance> {
  const schemas = new CompileOnFirstUse();
  const plain = new PlainJsonAnswers(check);
  app = Fastify({
    schemaController: {
      compilersFactory: {
        buildSerializer: schemas.serializers((route, compiled) => plain.choose(route, compiled)),
      },
    },
  });
  plain.install(app);
  const answer = async (request: FastifyRequest, reply: FastifyReply) => {
    const body = request.body as { status?: number };
    if (body.status === 404) void reply.code(404);
    return body;
  };
  const schema = { response: { 200: Answer, 404: Missing } };
  app.post('/plain', { config: { plainJsonAnswer: true }, schema }, answer);
  app.post('/compiled', { schema }, answer);
  await app.ready();
  return app;
}

async function post(url: string, payload: object) {
  const response = await (app as FastifyInstance).inject({ method: 'POST', url, payload });
  return { status: response.statusCode, body: response.body };
}

describe('PlainJsonAnswers', () => {
  const conforming = { id: 'a', count: 2, items: [{ sku: 'x' }, { sku: 'y' }] };

  it('writes a route’s 2xx answers with JSON.stringify, and other routes with their schema', async () => {
    await appWith(false);
    const extra = { ...conforming, internal: 'kept' };
    expect(await post('/plain', extra)).toEqual({ status: 200, body: JSON.stringify(extra) });
    // The compiled serialiser drops what the schema does not name.
    expect(JSON.parse((await post('/compiled', extra)).body)).toEqual(conforming);
  });

  it('keeps the compiled serialiser for the route’s other statuses', async () => {
    await appWith(false);
    expect(await post('/plain', { status: 404, code: 'gone', internal: 'dropped' })).toEqual({
      status: 404,
      body: JSON.stringify({ code: 'gone' }),
    });
  });

  it('with checks on, answers what conforms as JSON.stringify writes it', async () => {
    await appWith(true);
    expect(await post('/plain', conforming)).toEqual({ status: 200, body: JSON.stringify(conforming) });
  });

  it('with checks on, fails an answer with a property its schema does not name, saying where', async () => {
    await appWith(true);
    const answer = await post('/plain', { ...conforming, items: [{ sku: 'x' }, { sku: 'y', cost: 3 }] });
    expect(answer.status).toBe(500);
    expect(answer.body).toContain('POST /plain 200: the answer differs from its schema at /items/1/cost');
  });

  it('with checks on, fails an answer whose value is not of its declared type', async () => {
    await appWith(true);
    // The compiled serialiser would have written 2.5 as an integer.
    const answer = await post('/plain', { ...conforming, count: 2.5 });
    expect(answer.status).toBe(500);
    expect(answer.body).toContain('at /count');
  });
});
