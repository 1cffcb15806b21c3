import { cpuMs } from './process-stats.js';
import { shopProduct } from './scale-shop.js';
import type { BenchStore } from './scale-stores.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

/** The secret key of every node the scale suite starts. */
export const SECRET = 'sk_bench_secret_key_0123456789abcdef';

export const headers = { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' };

/** Starts a node on `store` with `env` besides; `profileDir` writes a CPU profile there. */
export function startNode(
  store: BenchStore,
  profileDir?: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const flags = profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
  return startServerProcess(
    'attune-node',
    { ...store.env, ATTUNE_DEMO: '0', ATTUNE_SECRET_KEY: SECRET, LOG_LEVEL: 'warn', ...env },
    flags,
  );
}

/** Loads the catalogue through `POST /v1/products:batch` (1,000 a call); answers rows/s. */
export async function loadCatalogue(url: string, products: number): Promise<number> {
  const started = performance.now();
  for (let first = 0; first < products; first += 1_000) {
    const items = Array.from({ length: Math.min(1_000, products - first) }, (_, offset) =>
      shopProduct(first + offset),
    );
    const response = await fetch(`${url}/v1/products:batch`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ items }),
    });
    if (!response.ok) throw new Error(`products: ${response.status} ${await response.text()}`);
  }
  return products / ((performance.now() - started) / 1000);
}

/** Longest wait for a restarted node's background work (EASE training, say) before serving is measured. */
export const SETTLE_LIMIT_MS = 180_000;

/**
 * Waits until the node's CPU (every thread: EASE trains in a worker) stays under a tenth of a core
 * for 2 s, so serving is measured on a node at rest rather than while it finishes starting; answers
 * how long that took, ms (`limitMs` at most).
 */
export async function settle(pid: number, limitMs = SETTLE_LIMIT_MS): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    const before = cpuMs(pid);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    if (cpuMs(pid) - before < 200) break;
  }
  return performance.now() - started;
}
