import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CLIENT_SCHEMA_PATH,
  renderClientSchema,
  servedOpenApiDocument,
} from '../../scripts/client-schema.js';

describe('the typed client (packages/client)', () => {
  it('has the types of the OpenAPI document the API serves now', async () => {
    const generated = await renderClientSchema(await servedOpenApiDocument());
    const committed = readFileSync(CLIENT_SCHEMA_PATH, 'utf8');
    // A route or schema changed without the client: run `npm run client:generate` and commit the result.
    expect(
      committed === generated,
      'packages/client/src/schema.ts is out of date: npm run client:generate',
    ).toBe(true);
  });
});
