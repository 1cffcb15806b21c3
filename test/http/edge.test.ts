import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PUBLISHABLE_KEY,
  SECRET_KEY,
  productBody,
  startTestAttune,
  type TestAttune,
} from '../support/test-attune.js';

let node: TestAttune;
beforeAll(async () => {
  node = await startTestAttune();
});
afterAll(() => node.dispose());

describe('authentication and scopes', () => {
  it('answers 401 without a key or with an unknown one', async () => {
    const none = await node.call('GET', '/v1/products', { key: null });
    expect(none.status).toBe(401);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect(none.json()).toMatchObject({ code: 'unauthorized', status: 401 });
    const unknown = await node.call('GET', '/v1/products', { key: 'sk_not_a_real_key_000000000000' });
    expect(unknown.json().code).toBe('unauthorized');
  });

  it('lets a publishable key read the catalogue but not write it', async () => {
    expect((await node.call('GET', '/v1/products', { key: PUBLISHABLE_KEY })).status).toBe(200);
    const write = await node.call('PUT', '/v1/products/p', { key: PUBLISHABLE_KEY, body: productBody() });
    expect(write.json()).toMatchObject({ status: 403, code: 'forbidden' });
    expect(
      (await node.call('PUT', '/v1/inventory/p', { key: PUBLISHABLE_KEY, body: { available: 1 } })).status,
    ).toBe(403);
  });

  it('accepts the key as the user name of HTTP Basic auth, as Segment SDKs send it', async () => {
    const basic = Buffer.from(`${SECRET_KEY}:`).toString('base64');
    const response = await node.call('GET', '/v1/products', {
      key: null,
      headers: { authorization: `Basic ${basic}` },
    });
    expect(response.status).toBe(200);
  });

  it('leaves probes, the contract and the docs open', async () => {
    for (const url of ['/healthz', '/readyz', '/openapi.json', '/docs', '/metrics']) {
      const response = await node.call('GET', url, { key: null });
      expect([200, 302], url).toContain(response.status);
    }
  });
});

describe('malformed requests', () => {
  const put = (payload: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    node.call('PUT', '/v1/products/edge', { payload, headers });

  it.each([
    ['{"title":', 'invalid_json', 400],
    ['', 'empty_body', 400],
    ['{"title":"x","price":{"amount":1,"currency":"GBP"},"colour":"red"}', 'unknown_field', 400],
    ['{"price":{"amount":1,"currency":"GBP"}}', 'missing_field', 400],
    ['{"title":"x","price":{"amount":"100","currency":"GBP"}}', 'invalid_money', 400],
    ['{"title":"x","price":{"amount":1e20,"currency":"GBP"}}', 'invalid_money', 400],
    ['{"title":"x","price":{"amount":1,"currency":"gbp"}}', 'unknown_currency', 400],
    ['{"title":"x","price":{"amount":1,"currency":"GBP"},"groupId":"a b"}', 'invalid_id', 400],
    ['{"title":"x","price":{"amount":1,"currency":"GBP"},"status":"deleted"}', 'invalid_value', 400],
    ['{"title":"x","price":{"amount":1,"currency":"GBP"},"categories":["/"]}', 'invalid_category', 400],
    ['{"title":"x","price":{"amount":1,"currency":"GBP"},"__proto__":{"admin":true}}', 'invalid_json', 400],
    ['[1,2]', 'invalid_type', 400],
  ])('%s → %s', async (payload, code, status) => {
    const response = await put(payload);
    expect(response.status).toBe(status);
    expect(response.json().code).toBe(code);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('answers 415 for a body that is not JSON', async () => {
    const response = await put('title=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.json()).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    expect((await put('hello', { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('answers 413 for an oversized body', async () => {
    const response = await put(JSON.stringify(productBody({ description: 'x'.repeat(2 * 1024 * 1024) })));
    expect(response.json()).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('points at bad query and path parameters', async () => {
    expect((await node.call('GET', '/v1/products?limit=0')).json()).toMatchObject({
      code: 'out_of_range',
      in: 'query',
      pointer: '/limit',
    });
    expect((await node.call('GET', '/v1/products?colour=red')).json()).toMatchObject({
      code: 'unknown_field',
      in: 'query',
    });
    expect((await node.call('GET', '/v1/products?cursor=nonsense')).json()).toMatchObject({
      code: 'invalid_cursor',
      in: 'query',
    });
    const longId = 'x'.repeat(129);
    expect((await node.call('GET', `/v1/products/${longId}`)).json()).toMatchObject({
      code: 'invalid_id',
      in: 'path',
      pointer: '/id',
    });
  });

  it('answers unknown routes with a problem', async () => {
    const response = await node.call('GET', '/v1/nothing');
    expect(response.json()).toMatchObject({ status: 404, code: 'route_not_found' });
  });

  it('lists the allowed values of a field that takes one of a set', async () => {
    const response = await node.call('POST', '/v1/recommendations', { body: { strategy: 'nope', limit: 3 } });
    const problem = response.json();
    expect(problem).toMatchObject({ code: 'invalid_value', pointer: '/strategy', in: 'body' });
    expect(problem.allowed).toEqual(expect.arrayContaining(['similar', 'for-you', 'popular']));
    expect(problem.detail).toContain('"similar"');
  });

  it('says the limit a too-large body went over', async () => {
    const response = await node.call('POST', '/v1/decide', {
      payload: JSON.stringify({ x: 'a'.repeat(1_100_000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload_too_large', limit: 1_048_576 });
    expect(response.json().detail).toContain('1048576 bytes');
  });

  it('answers a known path called with the wrong method with 405 and the methods it has', async () => {
    const cases = [
      { method: 'POST', url: '/v1/products/p-1', allowed: ['DELETE', 'GET', 'HEAD', 'PUT'] },
      { method: 'DELETE', url: '/v1/products', allowed: ['GET', 'HEAD'] },
      { method: 'GET', url: '/v1/decide', allowed: ['POST'] },
      { method: 'GET', url: '/v1/prices:resolve', allowed: ['POST'] },
      { method: 'PATCH', url: '/v1/segments/vip/members/', allowed: ['GET', 'HEAD'] },
    ] as const;
    for (const { method, url, allowed } of cases) {
      const response = await node.call(method, url);
      expect(response.status, `${method} ${url}`).toBe(405);
      expect(response.headers['allow']).toBe(allowed.join(', '));
      expect(response.json()).toMatchObject({ code: 'method_not_allowed', allowed });
    }
    expect((await node.call('POST', '/v1/productz/p-1')).json()).toMatchObject({ code: 'route_not_found' });
  });
});

describe('operations', () => {
  it('echoes a client request id, or makes one', async () => {
    const given = await node.call('GET', '/healthz', { headers: { 'x-request-id': 'req-42' } });
    expect(given.headers['x-request-id']).toBe('req-42');
    const made = await node.call('GET', '/healthz', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports readiness with its checks', async () => {
    const response = await node.call('GET', '/readyz', { key: null });
    expect(response.json()).toEqual({ status: 'ready', checks: { store: 'ok', bus: 'ok', startup: 'ok' } });
  });

  it('publishes an OpenAPI 3.1 contract generated from the route schemas', async () => {
    const spec = (await node.call('GET', '/openapi.json', { key: null })).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/v1/products/{id}',
        '/v1/products',
        '/v1/products:batch',
        '/v1/inventory/{productId}',
        '/v1/collections/{id}',
      ]),
    );
    const put = spec.paths['/v1/products/{id}'].put;
    expect(put.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
  });

  it('exports request latency histograms per route template', async () => {
    await node.call('GET', '/v1/products/some-id');
    const metrics = (await node.call('GET', '/metrics', { key: null })).body;
    expect(metrics).toContain('attune_http_request_duration_seconds_bucket');
    expect(metrics).toContain('route="/v1/products/:id"');
    expect(metrics).not.toContain('some-id');
  });
});

describe('malformed URLs', () => {
  it('answers a bad percent-encoding and an absurdly long segment with problems', async () => {
    const badEncoding = await node.call('GET', '/v1/products/%E0%A4%A');
    expect(badEncoding.json()).toMatchObject({ status: 400, code: 'invalid_url' });
    const huge = await node.call('GET', `/v1/products/${'x'.repeat(5000)}`);
    expect(huge.json()).toMatchObject({ status: 400, code: 'invalid_url' });
  });
});
