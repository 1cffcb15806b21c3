import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from './sqlite-store.js';
import { WalSync } from './wal-sync.js';

/** A disk whose syncs finish only when the test says so. */
function heldDisk() {
  const waiting: { file: FileHandle; finish: (error?: Error) => void }[] = [];
  const syncFile = (file: FileHandle) =>
    new Promise<void>((resolve, reject) =>
      waiting.push({ file, finish: (error) => (error === undefined ? resolve() : reject(error)) }),
    );
  /** Finishes the syncs begun so far; answers how many there were. */
  const finishAll = async (error?: Error): Promise<number> => {
    await until(() => waiting.length > 0);
    const now = waiting.splice(0);
    for (const sync of now) sync.finish(error);
    await new Promise((resolve) => setImmediate(resolve));
    return now.length;
  };
  return { syncFile, waiting, finishAll };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2));
}

/** Whether `promise` settled within a few turns of the event loop. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('WalSync (group commit of the embedded store)', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function walIn(): string {
    dir = mkdtempSync(join(tmpdir(), 'attune-wal-'));
    return join(dir, 'attune.db-wal');
  }

  it('makes a write that came during a sync wait for the next one, which serves every such write', async () => {
    const path = walIn();
    writeFileSync(path, '');
    const disk = heldDisk();
    const wal = new WalSync(path, disk.syncFile);
    const first = wal.sync();
    await disk.finishAll(); // the directory, synced once when the WAL is first opened
    await until(() => disk.waiting.length === 1);
    const second = wal.sync();
    const third = wal.sync();
    expect(await disk.finishAll()).toBe(1);
    await first;
    expect(await settled(second)).toBe(false);
    expect(await disk.finishAll()).toBe(1);
    await Promise.all([second, third]);
    await wal.close();
  });

  it('fails every later write once a sync failed: the disk may have dropped what it could not write', async () => {
    const path = walIn();
    writeFileSync(path, '');
    const disk = heldDisk();
    const wal = new WalSync(path, disk.syncFile);
    const first = expect(wal.sync()).rejects.toThrow(/could not sync/);
    await disk.finishAll();
    await disk.finishAll(new Error('EIO'));
    await first;
    await expect(wal.sync()).rejects.toThrow(/could not sync/);
    await wal.close();
  });

  it('answers a write only once the WAL holding it is on disk, while reads go on meanwhile', async () => {
    dir = mkdtempSync(join(tmpdir(), 'attune-wal-'));
    const disk = heldDisk();
    const store = createSqliteStore(join(dir, 'attune.db'), { syncFile: disk.syncFile });
    const migrated = store.migrate();
    while (!(await settled(migrated))) await disk.finishAll();
    await migrated;
    const write = store.setSetting('greeting', 'hello');
    expect(await settled(write)).toBe(false);
    // The connection is free while the write waits for the disk: a read sees the committed value.
    expect(await store.getSetting('greeting')).toBe('hello');
    expect(await disk.finishAll()).toBeGreaterThan(0);
    await write;
    // A read alone syncs nothing.
    const read = store.getSetting('greeting');
    expect(await settled(read)).toBe(true);
    expect(disk.waiting).toHaveLength(0);
    const closed = store.close();
    while (!(await settled(closed))) if (disk.waiting.length > 0) await disk.finishAll();
  });
});
