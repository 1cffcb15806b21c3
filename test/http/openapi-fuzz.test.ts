import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FuzzOutcomes } from '../support/fuzz-outcomes.js';
import { MUTATIONS, mutatedJson, mutatedParameter, mutationArbitrary } from '../support/hostile-input.js';
import { arbitraryFor, type JsonSchema, type Known } from '../support/schema-arbitrary.js';
import { createTestPostgresStore, postgresUrl } from '../support/services.js';
import { PUBLISHABLE_KEY, SECRET_KEY, startTestAttune, type TestAttune } from '../support/test-attune.js';
import { SAMPLE_BODIES, knownFor, seedShop } from '../support/fuzz-shop.js';

/**
 * Every operation of the served OpenAPI document, fuzzed schemathesis-style on both stores: requests
 * generated from the operation's own schemas (path, query, body), half of them then spoiled once
 * (a NUL, a JavaScript built-in name as a value or a key, 10,000 levels of nesting, 1e309, a
 * negative or fractional number, a very long string, a wrong type). Whatever comes, the answer is
 * never a 5xx, and every 4xx is a problem+json with a catalogued `code`.
 */

/** Requests per operation (half of them spoiled). */
const RUNS = 60;

type Target = 'path' | 'query' | 'body';

/** Webhooks may target loopback, so saving one never waits on DNS (which this machine may not reach). */
const SETTINGS = { ATTUNE_WEBHOOK_ALLOW_PRIVATE: 'true' };

interface Operation {
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH';
  readonly path: string;
  readonly parameters: readonly { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  readonly body: JsonSchema | undefined;
  readonly streams: boolean;
}

interface Tally {
  requests: number;
  pastValidation: number;
  ok: number;
}

const stores = [
  { name: 'SQLite', skip: false },
  { name: 'PostgreSQL', skip: postgresUrl === null },
];

describe.each(stores)('the whole API, fuzzed from its OpenAPI document, on $name', ({ name, skip }) => {
  let node: TestAttune;
  let drop: (() => Promise<void>) | undefined;
  let operations: Operation[] = [];
  const outcomes = new FuzzOutcomes();
  const tally: Tally = { requests: 0, pastValidation: 0, ok: 0 };

  beforeAll(async () => {
    if (skip) return;
    if (name === 'PostgreSQL') {
      const created = await createTestPostgresStore();
      drop = created.drop;
      node = await startTestAttune(
        { ...SETTINGS, DATABASE_URL: postgresUrl as string },
        { store: created.store },
      );
    } else {
      node = await startTestAttune(SETTINGS);
    }
    await seedShop(node);
    operations = operationsOf((await node.call('GET', '/openapi.json', { key: null })).json());
  });
  afterAll(async () => {
    await node?.dispose();
    await drop?.();
  });

  it.skipIf(skip)(
    'answers every generated and spoiled request without a 5xx, and 4xx as coded problems',
    async () => {
      expect(operations.length).toBeGreaterThan(50);
      for (const operation of operations.filter((candidate) => !candidate.streams)) {
        const route = `${operation.method} ${operation.path}`;
        await fc.assert(
          fc.asyncProperty(requestFor(operation), async (request) => {
            const response = await node.call(operation.method, request.url, {
              key: request.publishable ? PUBLISHABLE_KEY : SECRET_KEY,
              ...(request.body !== undefined && {
                payload: request.body,
                headers: { 'content-type': 'application/json' },
              }),
            });
            tally.requests += 1;
            if (response.status < 300) tally.ok += 1;
            if (response.status < 300 || (response.status !== 400 && response.status < 500))
              tally.pastValidation += 1;
            outcomes.check(route, response);
          }),
          { numRuns: RUNS },
        );
      }
      // The report's figures: printed so a CI log carries them.
      console.info(
        `OpenAPI fuzz on ${name}: ${tally.requests} requests, ${tally.pastValidation} past validation, ${tally.ok} 2xx`,
      );
      expect(tally.requests).toBeGreaterThanOrEqual(RUNS * 50);
      // Generated from the schemas, a good part must get through: else the suite only tests validation.
      expect(tally.ok).toBeGreaterThan(tally.requests / 8);
      for (const route of [
        'PUT /v1/products/{id}',
        'GET /v1/profiles/{id}',
        'POST /v1/track',
        'POST /v1/decide',
      ])
        // A decide body is valid about one time in ten once spoiled and generated: two of sixty proves
        // the route is reached without failing on a run that drew a few more spoilings than usual.
        outcomes.expectReached(route, { accepted: RUNS / 30 });
    },
    // Some 4,000 requests, a fair part of them writes: minutes on a busy machine, never a hang.
    300_000,
  );
});

/** The operations of the document, as the fuzzer drives them. */
function operationsOf(document: { paths: Record<string, Record<string, any>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase() as Operation['method'],
      path,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content?.['application/json']?.schema,
      // A live stream answers for as long as the client listens: stream-fuzz.test.ts fuzzes it over a socket.
      streams: Object.keys(operation.responses?.['200']?.content ?? {}).includes('text/event-stream'),
    })),
  );
}

/** A request for `operation`: generated from its schemas, and half the time spoiled in one place. */
function requestFor(operation: Operation) {
  const known: Known = knownFor(operation.path);
  const path = operation.parameters.filter((parameter) => parameter.in === 'path');
  const query = operation.parameters.filter((parameter) => parameter.in === 'query');
  const targets: Target[] = [
    ...(path.length > 0 ? (['path'] as const) : []),
    ...(query.length > 0 ? (['query'] as const) : []),
    ...(operation.body !== undefined ? (['body'] as const) : []),
  ];
  const route = `${operation.method} ${operation.path}`;
  const choices = targets.map((target) =>
    mutationArbitrary(MUTATIONS).map((spoiling) => ({ ...spoiling, target })),
  );
  // `fc.option` leaves the value out one time in `freq`: its default of 6 spoiled five requests in six,
  // which left decide so few sound ones that a run could draw a single 2xx. 2 spoils half, as intended.
  const spoilings =
    choices.length === 0
      ? fc.constant(undefined)
      : fc.option(fc.oneof(...choices), { nil: undefined, freq: 2 });
  return fc
    .record({
      path: fc.tuple(...path.map((parameter) => arbitraryFor(parameter.schema ?? {}, known, parameter.name))),
      query: fc.tuple(
        ...query.map((parameter) =>
          fc.option(arbitraryFor(parameter.schema ?? {}, known, parameter.name), { nil: undefined }),
        ),
      ),
      body:
        operation.body === undefined
          ? fc.constant(undefined)
          : arbitraryFor({ examples: SAMPLE_BODIES[route], ...operation.body }, known),
      spoiling: spoilings,
      spoiledIndex: fc.nat(),
      publishable: fc.integer({ min: 0, max: 3 }).map((draw) => draw === 0),
    })
    .map(({ path: pathValues, query: queryValues, body, spoiling, spoiledIndex, publishable }) => {
      const spoil = (target: Target, index: number, count: number, value: string) =>
        spoiling?.target === target && index === spoiledIndex % count
          ? mutatedParameter(value, spoiling.mutation, spoiling.pick)
          : value;
      let url = operation.path;
      path.forEach((parameter, index) => {
        const value = spoil('path', index, path.length, textOf(pathValues[index]));
        url = url.replace(`{${parameter.name}}`, encodeURIComponent(value));
      });
      const search = new URLSearchParams();
      query.forEach((parameter, index) => {
        const given = queryValues[index] === undefined ? undefined : textOf(queryValues[index]);
        // The spoiled parameter is always sent, even when the draw left it out.
        const value =
          spoiling?.target === 'query' && index === spoiledIndex % query.length ? (given ?? 'x') : given;
        if (value !== undefined) search.set(parameter.name, spoil('query', index, query.length, value));
      });
      const text =
        body === undefined
          ? undefined
          : spoiling?.target === 'body'
            ? mutatedJson(body, spoiling.mutation, spoiling.at, spoiling.pick)
            : JSON.stringify(body);
      const queryText = search.toString();
      return { url: queryText === '' ? url : `${url}?${queryText}`, body: text, publishable, spoiling };
    });
}

/** A generated parameter as URL text (parameters are strings, numbers or booleans). */
function textOf(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
