/**
 * Two builds of Attune in one process, for `bench/build-ab.ts`: each build's node (the demo shop,
 * its own embedded store) listens on its own port. One process, so both share the machine's moments
 * of speed and slowness alike. `ATTUNE_BENCH_BUILDS` is a JSON array of two checkout folders, each
 * holding a `dist` built from its commit; sends `{ ports }` when both listen.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { loadConfig as LoadConfig } from '../../src/config/load.js';
import type { createAttune as CreateAttune } from '../../src/main.js';

/** What a build's `dist` gives; its types are this checkout's, which the other build shares. */
interface Build {
  readonly loadConfig: typeof LoadConfig;
  readonly createAttune: typeof CreateAttune;
}

const folders = JSON.parse(process.env['ATTUNE_BENCH_BUILDS'] ?? '[]') as string[];
const ports: number[] = [];
for (const folder of folders) {
  const { loadConfig } = (await import(`${folder}/dist/src/config/load.js`)) as Pick<Build, 'loadConfig'>;
  const { createAttune } = (await import(`${folder}/dist/src/main.js`)) as Pick<Build, 'createAttune'>;
  const loaded = loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'attune-bench-ab-')),
    ATTUNE_DEMO: '1',
    ATTUNE_SECRET_KEY: process.env['ATTUNE_SECRET_KEY'] ?? '',
    ATTUNE_RATE_LIMIT_PUBLISHABLE: 'off',
    ATTUNE_RATE_LIMIT_KEYLESS: 'off',
    LOG_LEVEL: 'warn',
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const attune = await createAttune(loaded.config, { logger: pino({ level: 'silent' }) });
  await attune.backgroundWork;
  await attune.app.listen({ port: 0, host: '127.0.0.1' });
  const address = attune.app.server.address();
  ports.push(typeof address === 'object' && address !== null ? address.port : 0);
}
process.send?.({ ports });
