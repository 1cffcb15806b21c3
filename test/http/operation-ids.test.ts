import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_IDS } from '../../src/adapters/http/operation-ids.js';
import { startTestAttune, type TestAttune } from '../support/test-attune.js';

/** Generated clients name their functions after operationIds, so every operation has one, for good. */
describe('operation ids', () => {
  let node: TestAttune;
  let operations: { key: string; operationId: unknown }[];

  beforeAll(async () => {
    node = await startTestAttune();
    const document = (await node.call('GET', '/openapi.json')).json() as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        operationId: operation.operationId,
      })),
    );
  });
  afterAll(() => node.dispose());

  it('gives every documented operation the id of the table', () => {
    const missing = operations.filter(({ key, operationId }) => operationId !== OPERATION_IDS[key]);
    expect(missing, 'add these to src/adapters/http/operation-ids.ts').toEqual([]);
  });

  it('has no id twice and no entry for a route that is gone', () => {
    const ids = Object.values(OPERATION_IDS);
    expect(new Set(ids).size).toBe(ids.length);
    const documented = new Set(operations.map(({ key }) => key));
    expect(Object.keys(OPERATION_IDS).filter((key) => !documented.has(key))).toEqual([]);
  });
});
