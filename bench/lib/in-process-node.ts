import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/load.js';
import { createAttune, type Attune } from '../../src/main.js';

/** A silent node on its own embedded store, no demo, for suites that time calls in-process (no HTTP). */
export async function startInProcessNode(
  name: string,
  secretKey: string,
): Promise<{ attune: Attune; dispose: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), `attune-bench-${name}-`));
  const loaded = loadConfig({
    DATA_DIR: dataDir,
    ATTUNE_DEMO: '0',
    ATTUNE_SECRET_KEY: secretKey,
    LOG_LEVEL: 'silent',
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const attune = await createAttune(loaded.config, { logger: pino({ level: 'silent' }) });
  return {
    attune,
    dispose: async () => {
      await attune.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
