import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblemUnlessOk } from '../support/problems.js';
import { startTestAttune, type TestAttune } from '../support/test-attune.js';

let node: TestAttune;
beforeAll(async () => {
  node = await startTestAttune();
});
afterAll(() => node.dispose());

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly schema?: { readonly type?: string };
}

/** Numbers a careless or hostile client sends: too big for a double, infinite, not a number, negative, fractional. */
const BAD_NUMBERS = [
  '1e309',
  '-1e309',
  'Infinity',
  '-Infinity',
  'NaN',
  '-1',
  '1.5',
  '1e400',
  '99999999999999999999999',
];

/** Every numeric query parameter the OpenAPI document lists, with its route. */
async function numericQueryParameters(): Promise<
  { path: string; method: string; name: string; type: string }[]
> {
  const document = (await node.call('GET', '/openapi.json', { key: null })).json();
  const found: { path: string; method: string; name: string; type: string }[] = [];
  for (const [path, operations] of Object.entries<Record<string, { parameters?: Parameter[] }>>(
    document.paths,
  )) {
    for (const [method, operation] of Object.entries(operations)) {
      for (const parameter of operation.parameters ?? []) {
        const type = parameter.schema?.type;
        if (parameter.in === 'query' && (type === 'integer' || type === 'number'))
          found.push({ path, method, name: parameter.name, type });
      }
    }
  }
  return found;
}

describe('validation slips', () => {
  it('refuses a huge, infinite, NaN, negative or fractional number in every numeric query parameter', async () => {
    const parameters = await numericQueryParameters();
    expect(parameters.map(({ path, name }) => `${path}?${name}`)).toContain('/v1/products?limit');
    for (const { path, method, name, type } of parameters) {
      const url = path.replaceAll(/\{[^}]+\}/g, 'p1');
      for (const value of BAD_NUMBERS) {
        if (type === 'number' && (value === '1.5' || value === '-1')) continue;
        const response = await node.call(
          method.toUpperCase() as 'GET',
          `${url}?${name}=${encodeURIComponent(value)}`,
        );
        expectProblemUnlessOk(response);
        expect(response.status, `${url}?${name}=${value}`).toBe(400);
        expect(response.json(), `${url}?${name}=${value}`).toMatchObject({
          pointer: `/${name}`,
          in: 'query',
        });
      }
    }
  });

  it('refuses a number JSON cannot write (1e309) anywhere in a body, and in a batch only that event', async () => {
    const product = await node.call('PUT', '/v1/products/p1', {
      payload: '{"title":"t","price":{"amount":1,"currency":"GBP"},"attributes":{"size":1e309}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(product.json()).toMatchObject({ status: 400, code: 'out_of_range', pointer: '/attributes/size' });
    const batch = await node.call('POST', '/v1/batch', {
      payload:
        '{"batch":[{"type":"track","userId":"u","event":"E","properties":{"n":1e309}},' +
        '{"type":"track","userId":"u","event":"E","properties":{"n":1}}]}',
      headers: { 'content-type': 'application/json' },
    });
    expect(batch.json()).toMatchObject({
      accepted: 1,
      rejected: [{ index: 0, code: 'invalid_event', pointer: '/batch/0/properties/n' }],
    });
  });

  it('types and bounds the loyalty perks Attune reads', async () => {
    const program = (percentOff: unknown) => ({
      currency: 'GBP',
      pointsPerUnit: 1,
      tiers: [{ id: 'gold', perks: { percentOff, badge: 'any storefront value' } }],
    });
    for (const [percentOff, code] of [
      ['abc', 'invalid_type'],
      [-1, 'out_of_range'],
      [101, 'out_of_range'],
    ] as const) {
      const refused = await node.call('PUT', '/v1/loyalty/program', { body: program(percentOff) });
      expect(refused.json(), String(percentOff)).toMatchObject({
        status: 400,
        code,
        pointer: '/tiers/0/perks/percentOff',
      });
    }
    const huge = await node.call('PUT', '/v1/loyalty/program', {
      payload: JSON.stringify(program(1)).replace('"percentOff":1', '"percentOff":1e309'),
      headers: { 'content-type': 'application/json' },
    });
    expect(huge.json()).toMatchObject({ status: 400, pointer: '/tiers/0/perks/percentOff' });
    expect((await node.call('PUT', '/v1/loyalty/program', { body: program(12.5) })).status).toBe(200);
  });

  it('counts events in whole numbers from 0 in segment rules', async () => {
    const segment = (gte: number) => ({ name: 's', rule: { event: 'Product Viewed', count: { gte } } });
    for (const gte of [-1, 1.5, -0.5]) {
      const refused = await node.call('PUT', '/v1/segments/counted', { body: segment(gte) });
      expect(refused.json(), String(gte)).toMatchObject({
        status: 400,
        code: 'invalid_rule',
        pointer: '/rule/count/gte',
      });
    }
    expect((await node.call('PUT', '/v1/segments/counted', { body: segment(0) })).status).toBeLessThan(300);
  });

  it('takes a body-less request labelled JSON without a body as having none, on every DELETE and GET', async () => {
    const document = (await node.call('GET', '/openapi.json', { key: null })).json();
    const routes = Object.entries<Record<string, unknown>>(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => method === 'delete' || method === 'get')
        .map(
          (method) =>
            [method.toUpperCase() as 'DELETE' | 'GET', path.replaceAll(/\{[^}]+\}/g, 'p1')] as const,
        ),
    );
    expect(routes.filter(([method]) => method === 'DELETE').length).toBeGreaterThan(5);
    for (const [method, url] of routes) {
      // Streams answer for as long as the client listens.
      if (url === '/v1/stream' || url === '/v1/events/live') continue;
      const response = await node.call(method, url, { headers: { 'content-type': 'application/json' } });
      expectProblemUnlessOk(response);
      // A route may refuse a query it needs (GET /v1/orders names a customer), but never the absent body.
      if (response.status === 400) {
        const problem = response.json();
        expect(problem.in, `${method} ${url}: ${problem.code}`).not.toBe('body');
        expect(['empty_body', 'invalid_json', 'unsupported_media_type']).not.toContain(problem.code);
      }
    }
  });

  it('answers 412 to an If-Match tag that is well formed but not current, 400 to one that is malformed', async () => {
    const written = await node.call('PUT', '/v1/products/tagged', {
      body: { title: 't', price: { amount: 1, currency: 'GBP' } },
    });
    const current = written.headers['etag'] as string;
    const put = (tag: string) =>
      node.call('PUT', '/v1/products/tagged', {
        body: { title: 't2', price: { amount: 1, currency: 'GBP' } },
        headers: { 'if-match': tag },
      });
    for (const stale of ['"99"', '"abc"', `W/${current}`, '"v1", "v2"', '"7", "99"', '""'])
      expect((await put(stale)).json(), stale).toMatchObject({ status: 412, code: 'version_conflict' });
    for (const malformed of ['abc', '"1', '1"', 'W/1', '"1" "2"', ','])
      expect((await put(malformed)).json(), malformed).toMatchObject({
        status: 400,
        code: 'invalid_if_match',
      });
    expect((await put(`"nope", ${current}`)).status).toBe(200);
    expect((await put(`"2", "99"`)).status).toBe(200);
    const deleted = await node.call('DELETE', '/v1/segments/counted', { headers: { 'if-match': '"abc"' } });
    expect(deleted.json()).toMatchObject({ status: 412, code: 'version_conflict' });
  });
});
