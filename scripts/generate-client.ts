import { writeFileSync } from 'node:fs';
import { CLIENT_SCHEMA_PATH, renderClientSchema, servedOpenApiDocument } from './client-schema.js';

/** `npm run client:generate`: rewrites the typed client's types from the API's own OpenAPI document. */
writeFileSync(CLIENT_SCHEMA_PATH, await renderClientSchema(await servedOpenApiDocument()));
console.log(`wrote ${CLIENT_SCHEMA_PATH}`);
