import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAttune, type TestAttune } from '../support/test-attune.js';

/**
 * A node compiles each route schema when a request first needs it (the rest once it listens), not
 * while it starts: a schema that does not compile would otherwise only show on its route's first
 * request. Every schema of the node compiles, and a request still gets validation's answer.
 */
describe('route schemas compiled on first use', () => {
  let node: TestAttune;

  beforeAll(async () => {
    node = await startTestAttune();
  });
  afterAll(() => node.dispose());

  it('validates and serialises a request before the rest are compiled', async () => {
    const refused = await node.call('GET', '/v1/products?limit=1e309');
    expect(refused.status).toBe(400);
    const answered = await node.call('GET', '/healthz');
    expect(answered.status).toBe(200);
  });

  it('compiles every schema of every route', async () => {
    expect(await node.app.compilePendingSchemas()).toEqual([]);
  });
});
