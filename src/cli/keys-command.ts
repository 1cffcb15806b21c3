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

/** `attune keys revoke ID`: revokes a key; serving nodes refuse it once the change reaches them. */
export async function revokeKeyCommand(config: Config, id: string): Promise<number> {
  const attune = await createAttune({ ...config, demo: false, logLevel: 'warn' }, { role: 'command' });
  try {
    const revoked = await attune.keys.revoke(id);
    process.stdout.write(revoked ? `key ${id} revoked\n` : `no key ${id}, or it is revoked already\n`);
    return revoked ? 0 : 1;
  } finally {
    await attune.close();
  }
}
