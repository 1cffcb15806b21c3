import type { ApiKeyKind } from '../ports/store.js';
import type { Config } from '../config/schema.js';
import { createAttune } from '../main.js';

/** `attune keys create`: makes a key in the configured store and prints it once. */
export async function createKeyCommand(config: Config, kind: ApiKeyKind, label: string): Promise<number> {
  const attune = await createAttune({ ...config, demo: false, logLevel: 'warn' }, { role: 'command' });
  try {
    const { key, record } = await attune.keys.create(kind, label);
    process.stdout.write(
      `${record.kind} key ${record.id} (${label}); store it now, it is not shown again:\n${key}\n`,
    );
    return 0;
  } finally {
    await attune.close();
  }
}
