import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Syncs a file to disk; a file handle's `sync()` (fsync) unless a test replaces it. */
export type FileSync = (handle: FileHandle) => Promise<void>;

/**
 * Group commit for the embedded store. SQLite commits with `synchronous = NORMAL`: the commit's
 * frames are written to the WAL file without waiting for the disk, so a commit no longer holds the
 * event loop for a disk sync. Before a write's promise resolves, {@link sync} syncs the WAL file from
 * the thread pool, and every write that committed before that sync began shares it. A write is
 * therefore on disk before anyone is told it succeeded, as with `synchronous = FULL`, without one
 * sync per commit on the thread that serves requests.
 *
 * The WAL file is opened once and kept open until the store closes: closing another descriptor of a
 * file SQLite has open could drop the locks SQLite holds on it.
 */
export class WalSync {
  #handle: Promise<FileHandle> | undefined;
  /** The sync in progress, which may have begun before the latest writes. */
  #running: Promise<void> | undefined;
  /** The sync that begins once the running one ends: it covers every write made meanwhile. */
  #next: Promise<void> | undefined;
  /**
   * The first failed sync. After one, the kernel may have dropped the pages it could not write, so a
   * later sync that succeeds proves nothing: every write fails from then on, until a restart
   * recovers from what the disk holds.
   */
  #failure: Error | undefined;

  constructor(
    private readonly walPath: string,
    private readonly syncFile: FileSync = (handle) => handle.sync(),
  ) {}

  /** Resolves once everything committed before this call is on disk (rejects if the disk refused). */
  sync(): Promise<void> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    if (this.#running === undefined) return this.#start();
    this.#next ??= this.#running
      .catch(() => undefined)
      .then(() => {
        this.#next = undefined;
        return this.#start();
      });
    return this.#next;
  }

  /** Waits for the syncs in progress, then closes the WAL file. */
  async close(): Promise<void> {
    await this.#next?.catch(() => undefined);
    await this.#running?.catch(() => undefined);
    const handle = await this.#handle?.catch(() => undefined);
    this.#handle = undefined;
    await handle?.close();
  }

  #start(): Promise<void> {
    const running = this.#syncOnce().finally(() => {
      if (this.#running === running) this.#running = undefined;
    });
    this.#running = running;
    return running;
  }

  async #syncOnce(): Promise<void> {
    this.#handle ??= this.#openWal();
    let handle: FileHandle;
    try {
      handle = await this.#handle;
    } catch (error) {
      this.#handle = undefined;
      throw error;
    }
    try {
      await this.syncFile(handle);
    } catch (error) {
      this.#failure ??= new Error('the embedded store could not sync its log to disk; restart the node', {
        cause: error,
      });
      throw this.#failure;
    }
  }

  /** Opens the WAL file, and syncs its directory once, so the file itself survives a power cut. */
  async #openWal(): Promise<FileHandle> {
    const handle = await open(this.walPath, 'r');
    const directory = await open(dirname(this.walPath), 'r');
    try {
      await this.syncFile(directory);
    } finally {
      await directory.close();
    }
    return handle;
  }
}
