import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { pino } from 'pino';
import { configFor } from '../src/config/load.js';
import { createAttune } from '../src/main.js';

/** Where the generated types of the typed client live (`packages/client`). */
export const CLIENT_SCHEMA_PATH = 'packages/client/src/schema.ts';

/** The OpenAPI document a node serves at `/openapi.json`, from a throwaway node with an empty store. */
export async function servedOpenApiDocument(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-openapi-'));
  const attune = await createAttune(
    configFor({
      DATA_DIR: dataDir,
      ATTUNE_DEMO: '0',
      LOG_LEVEL: 'silent',
      ATTUNE_SECRET_KEY: 'sk_openapi_document_only_0123456789',
    }),
    { logger: pino({ level: 'silent' }) },
  );
  try {
    const response = await attune.app.inject({ method: 'GET', url: '/openapi.json' });
    return response.json();
  } finally {
    await attune.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The client's TypeScript types for `document`, as openapi-typescript writes them. The version is left
 * out of the header so a release does not make the generated file stale.
 */
export async function renderClientSchema(document: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(
    JSON.stringify({ ...document, info: { ...(document['info'] as object), version: '-' } }),
  );
  return (
    '/**\n * Generated from the OpenAPI document by `npm run client:generate`; do not edit.\n' +
    ' * A test fails when it is out of date.\n */\n\n' +
    astToString(ast)
  );
}
