import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAttune, type TestAttune } from '../support/test-attune.js';

/** Parameters that carry a customer's id: any parameter of a profile's path, and these names anywhere. */
const CUSTOMER_PARAMETER = /^(userId|anonymousId|customerId)$/i;
const isCustomerParameter = (path: string, parameter: { in: string; name: string }) =>
  (parameter.in === 'path' && path.startsWith('/v1/profiles/')) || CUSTOMER_PARAMETER.test(parameter.name);

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly { in: string; name: string }[];
  readonly streams: boolean;
}

describe('customer ids in request logs', () => {
  let node: TestAttune;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    node = await startTestAttune({}, { logger: pino({ level: 'info' }, sink) });
  });
  afterAll(() => node.dispose());

  const loggedUrls = () =>
    lines.filter((line) => line['msg'] === 'request completed').map((line) => String(line['url']));

  it('shows a keyed hash instead of the id in every route that names a customer, a profile’s included', async () => {
    const document = (await node.call('GET', '/openapi.json', { key: null })).json();
    const operations: Operation[] = Object.entries(
      document.paths as Record<string, Record<string, any>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        streams: Object.keys(operation.responses?.['200']?.content ?? {}).includes('text/event-stream'),
      })),
    );
    const naming = operations.filter((operation) =>
      operation.parameters.some((parameter) => isCustomerParameter(operation.path, parameter)),
    );
    expect(naming.map((operation) => `${operation.method} ${operation.path}`)).toEqual(
      expect.arrayContaining(['GET /v1/profiles/{id}', 'DELETE /v1/profiles/{id}', 'GET /v1/stream']),
    );
    for (const operation of naming.filter((candidate) => !candidate.streams)) {
      const needle = `erin.${operation.method.toLowerCase()}@example.org`;
      lines.length = 0;
      await node.call(operation.method as 'GET', urlFor(operation, needle), {
        ...(operation.method !== 'GET' && operation.method !== 'DELETE' && { body: {} }),
      });
      const logged = loggedUrls();
      expect(logged, `${operation.method} ${operation.path}`).toHaveLength(1);
      expect(JSON.stringify(lines), `${operation.method} ${operation.path}`).not.toContain('erin');
      expect(logged[0]).toMatch(/~[0-9a-f]{16}/);
    }
  });

  it('shows one customer the same way every time, and two customers apart', async () => {
    lines.length = 0;
    for (const id of ['erin-4711', 'erin-4711', 'frank-9']) await node.call('GET', `/v1/profiles/${id}`);
    const [first, again, other] = loggedUrls();
    expect(first).toBe(again);
    expect(first).not.toBe(other);
    expect(first).toMatch(/^\/v1\/profiles\/~[0-9a-f]{16}$/);
  });

  it('keeps the ids that name no customer, so logs stay useful', async () => {
    lines.length = 0;
    await node.call('GET', '/v1/products/mug-42');
    await node.call('GET', '/v1/products?category=home&limit=5');
    expect(loggedUrls()).toEqual(['/v1/products/mug-42', '/v1/products?category=home&limit=5']);
  });

  it('hides a customer id wherever a URL carries it, whatever the answer', async () => {
    const id = 'erin.class@example.org';
    const at = encodeURIComponent(id);
    await node.call('POST', '/v1/identify', { body: { userId: id, traits: {} } });
    const requests: [url: string, key?: string | null][] = [
      [`/v1/profiles/${at}`],
      [`/v1/profiles/${at}/`],
      [`/v1/profiles/${at}`, null],
      [`/v1/profiles/${at}`, 'sk_wrong'],
      [`/v1/profiles/${at}?unknown=${at}`],
      [`/v1/profiles/${'x'.repeat(300)}?userId=${at}`],
      [`/v1/products?${at}`],
      [`/v1/products?limit=many&customer=${at}`],
      [`/v1/products/mug?userId=${at}`],
      [`/v1/stream?userId=${at}&key=pk_x`, null],
      [`/v1/profile/${at}?userId=${at}&who=${at}&${at}`],
      [`/v1/profiles/${at}/orders/${at}`],
      [`/nowhere/${at}`, null],
      [`/${at}`],
    ];
    const statuses = new Set<number>();
    for (const [url, key] of requests) {
      lines.length = 0;
      const answer = await node.call('GET', url, key === undefined ? {} : { key });
      statuses.add(answer.status);
      const logged = loggedUrls();
      expect(logged, url).toHaveLength(1);
      expect(JSON.stringify(lines), url).not.toMatch(/erin/i);
      expect(logged[0], url).toMatch(/~[0-9a-f]{16}/);
    }
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 400, 401, 404]));
  });
});

/** The operation's URL with `needle` in every customer parameter and a plain value in the others. */
function urlFor(operation: Operation, needle: string): string {
  let path = operation.path;
  const query = new URLSearchParams();
  for (const parameter of operation.parameters) {
    const value = isCustomerParameter(operation.path, parameter) ? needle : 'x1';
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeURIComponent(value));
    else if (parameter.in === 'query' && isCustomerParameter(operation.path, parameter))
      query.set(parameter.name, value);
  }
  const search = query.toString();
  return search === '' ? path : `${path}?${search}`;
}
