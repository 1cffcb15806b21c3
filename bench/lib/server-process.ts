import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { NODE_FLAGS } from '../../src/cli/heap-limit.js';

export interface ServerProcess {
  readonly url: string;
  /** The server's process id (to read its memory and CPU time from /proc). */
  readonly pid: number;
  stop(): Promise<void>;
  /**
   * Asks the server for a full garbage collection and answers its V8 heap in use after it, MiB
   * (undefined when the server cannot: it needs `--expose-gc` and to answer `gc` messages).
   */
  collectGarbage(): Promise<number | undefined>;
}

/**
 * The Node flags an Attune node runs with in the benchmarks: those `npm start` uses, or the
 * space-separated `ATTUNE_BENCH_NODE_FLAGS` instead (to measure V8's sizing, say).
 */
export function attuneNodeFlags(): string[] {
  const chosen = process.env['ATTUNE_BENCH_NODE_FLAGS'];
  return chosen === undefined ? [...NODE_FLAGS] : chosen.split(' ').filter(Boolean);
}

/** Longest wait for a server's answer to a `gc` message. */
const GC_ANSWER_MS = 10_000;

/**
 * Starts a benchmark server script (compiled, in bench/servers) in its own process, so the load
 * generator and the server do not share an event loop. The script sends `{ port }` when it listens.
 * `execArgv` passes Node flags to the server (`--cpu-prof`, say); an Attune node also gets those
 * `npm start` gives it ({@link attuneNodeFlags}), so what is measured is what ships.
 */
export function startServerProcess(
  script: string,
  env: Record<string, string> = {},
  execArgv: readonly string[] = [],
): Promise<ServerProcess> {
  const path = fileURLToPath(new URL(`../servers/${script}.js`, import.meta.url));
  const child = fork(path, [], {
    env: { ...process.env, ...env },
    execArgv: [...(script === 'attune-node' ? attuneNodeFlags() : []), ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before listening`)));
    child.once('message', (message: { port: number }) => {
      child.removeAllListeners('exit');
      resolve({
        url: `http://127.0.0.1:${message.port}`,
        pid: child.pid ?? 0,
        collectGarbage: () =>
          new Promise((resolveGc) => {
            const timer = setTimeout(() => {
              child.off('message', answer);
              resolveGc(undefined);
            }, GC_ANSWER_MS);
            const answer = (reply: { heapUsedBytes?: number }) => {
              if (reply.heapUsedBytes === undefined) return;
              clearTimeout(timer);
              child.off('message', answer);
              resolveGc(reply.heapUsedBytes / 1024 / 1024);
            };
            child.on('message', answer);
            child.send('gc');
          }),
        stop: () =>
          new Promise((resolveStop) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
            child.once('exit', () => resolveStop());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
