import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Where a scale run keeps its history: the environment a node needs, its disk use, and cleanup. */
export interface BenchStore {
  readonly name: string;
  /** Settings for every node of the run (DATA_DIR, DATABASE_URL). */
  readonly env: Record<string, string>;
  diskMiB(): Promise<number>;
  drop(): Promise<void>;
}

function directoryBytes(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    total += entry.isDirectory() ? directoryBytes(full) : statSync(full).size;
  }
  return total;
}

/** The embedded store in a fresh temporary directory. */
export function sqliteBenchStore(): BenchStore {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-bench-scale-'));
  return {
    name: 'SQLite',
    env: { DATA_DIR: dataDir },
    diskMiB: () => Promise.resolve(directoryBytes(dataDir) / 1024 / 1024),
    drop: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
  };
}

/** The PostgreSQL URL the scale benchmark administers (a database of its own is made beside it). */
const ADMIN_URL = process.env['ATTUNE_BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
/** A database only this benchmark uses, so other users of the server are not disturbed. */
const DATABASE = 'attune_bench_scale';

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh PostgreSQL database, `attune_bench_scale` unless named (dropped first if a previous run
 * left it). Suites that may run beside the scale suite name their own, so neither drops the other's.
 */
export async function postgresBenchStore(database = DATABASE): Promise<BenchStore> {
  await admin(async (client) => {
    await client.query(`drop database if exists ${database} with (force)`);
    await client.query(`create database ${database}`);
  });
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-bench-scale-pg-'));
  return {
    name: 'PostgreSQL',
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    diskMiB: () =>
      admin(async (client) => {
        const result = await client.query<{ bytes: string }>(
          `select pg_database_size('${database}')::text as bytes`,
        );
        return Number(result.rows[0]?.bytes ?? 0) / 1024 / 1024;
      }),
    drop: async () => {
      await admin((client) => client.query(`drop database if exists ${database} with (force)`));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Whether the benchmark's PostgreSQL answers. */
export async function postgresAvailable(): Promise<boolean> {
  try {
    await admin((client) => client.query('select 1'));
    return true;
  } catch {
    return false;
  }
}
