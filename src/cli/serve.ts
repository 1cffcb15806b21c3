import type { Config } from '../config/schema.js';
import { createAttune } from '../main.js';
import { heapLimitMib } from './heap-limit.js';

/** `attune serve`: starts a node, prints first-start keys once, shuts down gracefully on SIGTERM/SIGINT. */
export async function serve(config: Config): Promise<void> {
  const attune = await createAttune(config);
  for (const { key, record } of attune.createdKeys) {
    // Printed straight to the terminal, never through the logger: the one time a key is shown.
    process.stderr.write(
      `\n  New ${record.kind} key (${record.id}); store it now, it is not shown again:\n    ${key}\n`,
    );
  }
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    attune.logger.info({ signal }, 'shutting down: finishing in-flight requests');
    attune.close().then(
      () => process.exit(0),
      (error: unknown) => {
        attune.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  await attune.app.listen({ port: config.port, host: config.host });
  attune.logger.info(
    {
      store: attune.store.kind,
      bus: config.redisUrl === undefined ? 'in-process' : 'redis',
      node: attune.nodeId,
      heapLimitMiB: heapLimitMib(),
    },
    `Attune ${config.databaseUrl === undefined ? 'on the embedded store' : 'on PostgreSQL'} listening on http://${config.host}:${config.port} (docs at /docs)`,
  );
}
