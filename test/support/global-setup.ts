import { connect } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL URL to test against, or null when it is not reachable and not required. */
    postgresUrl: string | null;
    /** The Redis URL to test against, or null when it is not reachable and not required. */
    redisUrl: string | null;
  }
}

const services = {
  postgresUrl: process.env['ATTUNE_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test',
  redisUrl: process.env['ATTUNE_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
} as const;

/**
 * Finds out whether PostgreSQL and Redis are reachable. CI sets ATTUNE_REQUIRE_SERVICES=1 and the run
 * fails without them; elsewhere the suites that need them are skipped, and this says so.
 */
export default async function setup(project: TestProject): Promise<void> {
  const required = process.env['ATTUNE_REQUIRE_SERVICES'] === '1';
  for (const [name, url] of Object.entries(services) as [keyof typeof services, string][]) {
    const reachable = await isReachable(url);
    if (!reachable && required) {
      throw new Error(`${name}: ${url} is not reachable and ATTUNE_REQUIRE_SERVICES=1 (CI never skips it)`);
    }
    if (!reachable) {
      console.warn(
        `\n⚠ ${url} is not reachable: the ${name === 'postgresUrl' ? 'PostgreSQL' : 'Redis'} suites are SKIPPED.\n`,
      );
    }
    project.provide(name, reachable ? url : null);
  }
}

function isReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port), timeout: 1_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
