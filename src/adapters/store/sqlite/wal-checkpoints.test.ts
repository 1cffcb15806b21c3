import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WalCheckpoints } from './wal-checkpoints.js';

const directories: string[] = [];

afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** A database in WAL mode in a fresh directory, with a table to write to. */
function walDatabase(): { database: SqliteDatabase.Database; filename: string; directory: string } {
  const directory = mkdtempSync(join(tmpdir(), 'attune-checkpoints-'));
  directories.push(directory);
  const filename = join(directory, 'store.db');
  const database = new SqliteDatabase(filename);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.exec('create table rows (id integer primary key, doc text not null)');
  return { database, filename, directory };
}

function writeRows(database: SqliteDatabase.Database, count: number): void {
  const insert = database.prepare('insert into rows (doc) values (?)');
  database.transaction(() => {
    for (let index = 0; index < count; index += 1) insert.run('x'.repeat(1_000));
  })();
}

async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

describe('WAL checkpoints on a worker thread', () => {
  it('fold the WAL into the database while the serving connection does not checkpoint', async () => {
    const { database, filename } = walDatabase();
    const checkpoints = WalCheckpoints.start(database, filename, {
      thresholdBytes: 64 * 1024,
      intervalMs: 10,
    });
    expect(checkpoints).toBeDefined();
    const sizeBefore = statSync(filename).size;
    writeRows(database, 200);
    // The serving connection leaves checkpoints this small to the worker.
    expect(database.pragma('wal_autocheckpoint', { simple: true })).toBeGreaterThan(200);
    expect(await eventually(() => statSync(filename).size > sizeBefore + 150 * 1_000)).toBe(true);
    await checkpoints?.close();
    database.close();
  });

  it('stop before the serving connection closes, so that one folds and removes the WAL last', async () => {
    const { database, filename } = walDatabase();
    const checkpoints = WalCheckpoints.start(database, filename, { intervalMs: 10 });
    writeRows(database, 50);
    await checkpoints?.close();
    database.close();
    expect(existsSync(`${filename}-wal`)).toBe(false);
    const reopened = new SqliteDatabase(filename, { readonly: true });
    expect(reopened.prepare('select count(*) as count from rows').get()).toEqual({ count: 50 });
    reopened.close();
  });

  it('hand checkpoints back to the serving connection when the worker stops unasked', async () => {
    const { database, filename, directory } = walDatabase();
    const script = join(directory, 'gone.mjs');
    writeFileSync(script, '// exits at once\n');
    const checkpoints = WalCheckpoints.start(database, filename, { script });
    expect(checkpoints).toBeDefined();
    expect(await eventually(() => database.pragma('wal_autocheckpoint', { simple: true }) === 4_000)).toBe(
      true,
    );
    database.close();
  });

  it('are left to SQLite on the serving connection when the built worker is missing', () => {
    const { database, filename, directory } = walDatabase();
    expect(
      WalCheckpoints.start(database, filename, { script: join(directory, 'missing.js') }),
    ).toBeUndefined();
    expect(database.pragma('wal_autocheckpoint', { simple: true })).toBe(4_000);
    database.close();
  });
});
