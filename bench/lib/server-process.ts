import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ServerProcess {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts a benchmark server script (compiled, in bench/servers) in its own process, so the load
 * generator and the server do not share an event loop. The script sends `{ port }` when it listens.
 */
export function startServerProcess(script: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const path = fileURLToPath(new URL(`../servers/${script}.js`, import.meta.url));
  const child = fork(path, [], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before listening`)));
    child.once('message', (message: { port: number }) => {
      child.removeAllListeners('exit');
      resolve({
        url: `http://127.0.0.1:${message.port}`,
        stop: () =>
          new Promise((resolveStop) => {
            child.once('exit', () => resolveStop());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
