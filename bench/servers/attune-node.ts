/**
 * An Attune node for benchmarks, configured by environment variables like any node (logs at warn).
 * Waits for the demo load, then reports its port to the parent process.
 */
import { loadConfig } from '../../src/config/load.js';
import { createAttune } from '../../src/main.js';

// The load generator is one address sending what a crowd would: no per-address limits unless a suite sets them.
const loaded = loadConfig({
  LOG_LEVEL: 'warn',
  ATTUNE_RATE_LIMIT_PUBLISHABLE: 'off',
  ATTUNE_RATE_LIMIT_KEYLESS: 'off',
  ...process.env,
  PORT: '1',
  HOST: '127.0.0.1',
});
if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
const attune = await createAttune(loaded.config);
await attune.backgroundWork;
await attune.app.listen({ port: 0, host: '127.0.0.1' });
const address = attune.app.server.address();
process.send?.({ port: typeof address === 'object' && address !== null ? address.port : 0 });
// Run with --expose-gc, a full collection on request, so a soak can read memory that is still in use.
process.on('message', (message) => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (message !== 'gc' || collect === undefined) return;
  collect();
  process.send?.({ heapUsedBytes: process.memoryUsage().heapUsed });
});
process.once('SIGTERM', () => void attune.close().then(() => process.exit(0)));
