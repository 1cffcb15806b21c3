import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shopProduct } from './scale-shop.js';

/** What an import into a running node's store cost, and when the node served its last row. */
export interface ImportFigures {
  readonly rows: number;
  /** From the command's process start to its exit (node start-up and schema check included). */
  readonly rowsPerSecond: number;
  /** As the command reports it: from reading the file to the last commit. */
  readonly commandRowsPerSecond: number;
  /** From the command's start until the running node answered 200 for the last imported product. */
  readonly secondsUntilServed: number;
}

const CLI = fileURLToPath(new URL('../../src/cli/attune.js', import.meta.url));

/**
 * Runs `attune import products FILE` straight into the store of the node at `url` (same settings,
 * another process) with `rows` new products, and waits for the node to serve the last of them.
 */
export async function importIntoRunningNode(options: {
  readonly url: string;
  readonly secret: string;
  readonly env: Record<string, string>;
  readonly rows: number;
}): Promise<ImportFigures> {
  const directory = mkdtempSync(join(tmpdir(), 'attune-bench-import-'));
  try {
    const file = join(directory, 'products.ndjson');
    const lines = Array.from({ length: options.rows }, (_, index) =>
      JSON.stringify(shopProduct(index, 'import-')),
    );
    writeFileSync(file, `${lines.join('\n')}\n`);
    const started = performance.now();
    const output = await new Promise<string>((resolve, reject) => {
      // `ATTUNE_BENCH_IMPORT_COMMAND_CPU_PROF=dir` writes a CPU profile of the command there.
      const profileDir = process.env['ATTUNE_BENCH_IMPORT_COMMAND_CPU_PROF'];
      const flags = profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
      const child = spawn(process.execPath, [...flags, CLI, 'import', 'products', file], {
        env: { ...process.env, ...options.env, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.once('error', reject);
      child.once('exit', (code) =>
        code === 0 ? resolve(text) : reject(new Error(`import exited ${code}: ${text}`)),
      );
    });
    const imported = performance.now();
    const reported = new RegExp(`imported ${options.rows} products, rejected 0 rows in ([\\d.]+) s`).exec(
      output,
    );
    if (reported === null) throw new Error(`import: ${output}`);
    const last = `${options.url}/v1/products/import-${options.rows - 1}`;
    for (;;) {
      const response = await fetch(last, { headers: { authorization: `Bearer ${options.secret}` } });
      if (response.status === 200) break;
      if (performance.now() - imported > 600_000) throw new Error('the running node never served the import');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return {
      rows: options.rows,
      rowsPerSecond: options.rows / ((imported - started) / 1000),
      commandRowsPerSecond: options.rows / Number(reported[1]),
      secondsUntilServed: (performance.now() - started) / 1000,
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
