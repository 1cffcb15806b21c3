import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { configFor } from '../config/load.js';
import { startTestAttune } from '../../test/support/test-attune.js';
import { createUserCommand } from './users-command.js';

const dataDir = mkdtempSync(join(tmpdir(), 'attune-users-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('`attune users create` makes a user who can sign in to a node on the same store', async () => {
  const config = configFor({
    DATA_DIR: dataDir,
    ATTUNE_DEMO: '0',
    LOG_LEVEL: 'silent',
    ATTUNE_PASSWORD_SCRYPT_LOG_N: '14',
  });
  const lines: string[] = [];
  const password = 'correct horse battery staple';
  const created = await createUserCommand(
    config,
    { email: 'ops@shop.example', role: 'admin', password },
    (line) => lines.push(line),
  );
  expect(created, lines.join('\n')).toBe(0);
  expect(lines.join('\n')).not.toContain(password);
  const refused = await createUserCommand(
    config,
    { email: 'x@shop.example', role: 'owner', password },
    (line) => lines.push(line),
  );
  expect(refused).toBe(1);

  const node = await startTestAttune({ ATTUNE_PASSWORD_SCRYPT_LOG_N: '14' }, { dataDir });
  try {
    const signIn = await node.app.inject({
      method: 'POST',
      url: '/v1/sessions',
      payload: { email: 'ops@shop.example', password },
    });
    expect(signIn.statusCode).toBe(201);
    expect(signIn.json().user).toMatchObject({ role: 'admin' });
  } finally {
    await node.close();
  }
});
