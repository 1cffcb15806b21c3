import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_NESTING_DEPTH } from '../../src/adapters/http/nesting.js';
import { PUBLISHABLE_KEY, startTestAttune, type TestAttune } from '../support/test-attune.js';

/** Finding 8 of issue 16: deep nesting in any free-form field is a 400 with a pointer, never a 500. */
let node: TestAttune;
beforeAll(async () => {
  node = await startTestAttune();
});
afterAll(() => node.dispose());

/** `levels` objects nested under `key`. */
function nested(levels: number, key = 'a'): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < levels; level++) value = { [key]: value };
  return value;
}
/** The pointer to where `nested(n)` under `prefix` (at `prefixLevels` levels below the body) goes too deep. */
const tooDeepAt = (prefix: string, prefixLevels: number) =>
  prefix + '/a'.repeat(MAX_NESTING_DEPTH - prefixLevels);

/** Stands for a value 10,000 levels deep, spliced into the JSON text (JSON.stringify would overflow). */
const DEEP = '<deep>';
const DEEP_TEXT = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;

function send(method: string, url: string, body: unknown, key?: string) {
  return node.call(method as 'PUT', url, {
    ...(key !== undefined && { key }),
    payload: JSON.stringify(body).replaceAll(`"${DEEP}"`, DEEP_TEXT),
    headers: { 'content-type': 'application/json' },
  });
}

describe('every route that takes a body', () => {
  it('answers 400 nesting_too_deep, with the pointer, for a body 10,000 levels deep', async () => {
    const document = (await node.call('GET', '/openapi.json')).json();
    const routes: [string, string][] = [['PUT', '/v1/products/{id}']];
    for (const [path, item] of Object.entries<Record<string, { requestBody?: unknown }>>(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (operation.requestBody !== undefined) routes.push([method.toUpperCase(), path]);
      }
    }
    expect(routes.length).toBeGreaterThan(25);
    for (const [method, path] of routes) {
      const url = path.replaceAll(/\{[^}]+\}/g, 'deep-1');
      const body = path === '/v1/batch' ? { batch: [], deep: DEEP } : { deep: DEEP };
      const response = await send(method, url, body);
      expect([response.status, response.json().code], `${method} ${path}`).toEqual([400, 'nesting_too_deep']);
      expect(response.json().pointer, `${method} ${path}`).toBe(tooDeepAt('/deep', 1));
    }
  });
});

describe('free-form fields', () => {
  const event = (overrides: Record<string, unknown>) => ({
    type: 'track',
    event: 'Product Viewed',
    anonymousId: 'deep-visitor',
    ...overrides,
  });

  it.each([
    ['event properties', '/v1/track', event({ properties: DEEP }), '/properties', 1],
    ['event context', '/v1/track', event({ context: DEEP }), '/context', 1],
    ['traits', '/v1/identify', { userId: 'deep-u', traits: DEEP }, '/traits', 1],
    ['decide context', '/v1/decide', { context: DEEP }, '/context', 1],
    [
      'content payloads',
      '/v1/content/slots/deep-slot',
      { variants: [{ id: 'v', payload: DEEP }] },
      '/variants/0/payload',
      3,
    ],
    ['segment rules', '/v1/segments/deep-seg', { name: 'deep', rule: DEEP }, '/rule', 1],
    [
      'promotion conditions',
      '/v1/promotions/deep-promo',
      { title: 'deep', conditions: { items: { match: DEEP } } },
      '/conditions/items/match',
      3,
    ],
    ['product attributes', '/v1/products/deep-p', { title: 'deep', attributes: DEEP }, '/attributes', 1],
  ])('%s: 400 with the pointer where it went too deep', async (_name, url, body, prefix, levels) => {
    const method = ['/v1/track', '/v1/identify', '/v1/decide'].includes(url) ? 'POST' : 'PUT';
    const response = await send(method, url, body);
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'nesting_too_deep',
      in: 'body',
      pointer: tooDeepAt(prefix, levels),
    });
  });

  it(`accepts an event nested exactly ${MAX_NESTING_DEPTH} levels deep`, async () => {
    const response = await node.call('POST', '/v1/track', {
      key: PUBLISHABLE_KEY,
      body: event({ properties: nested(MAX_NESTING_DEPTH - 1) }),
    });
    expect(response.status).toBe(200);
    expect(response.json().accepted).toBe(1);
  });
});

describe('an event batch', () => {
  it('refuses the too-deep event by its index and stores the others', async () => {
    const response = await send(
      'POST',
      '/v1/batch',
      {
        batch: [
          { type: 'track', event: 'Product Viewed', anonymousId: 'b-0', properties: { product_id: 'p' } },
          { type: 'track', event: 'Product Viewed', anonymousId: 'b-1', properties: DEEP },
          { type: 'track', event: 'Product Viewed', properties: {} },
          { type: 'track', event: 'Product Viewed', anonymousId: 'b-3', traits: [DEEP] },
          { type: 'track', event: 'Product Viewed', anonymousId: 'b-4', properties: { product_id: 'p' } },
        ],
      },
      PUBLISHABLE_KEY,
    );
    expect(response.status).toBe(200);
    const answer = response.json();
    expect(answer.accepted).toBe(2);
    expect(answer.rejected).toEqual([
      expect.objectContaining({
        index: 1,
        code: 'nesting_too_deep',
        pointer: `/batch/1${tooDeepAt('/properties', 1)}`,
      }),
      expect.objectContaining({ index: 2, code: 'missing_id' }),
      expect.objectContaining({
        index: 3,
        code: 'nesting_too_deep',
        pointer: `/batch/3/traits/0${'/a'.repeat(MAX_NESTING_DEPTH - 2)}`,
      }),
    ]);
  });

  it('refuses a too-deep envelope as a whole, storing nothing', async () => {
    const response = await send(
      'POST',
      '/v1/batch',
      { batch: [{ type: 'track', event: 'x', anonymousId: 'e-0' }], context: DEEP },
      PUBLISHABLE_KEY,
    );
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ code: 'nesting_too_deep', pointer: tooDeepAt('/context', 1) });
  });
});
