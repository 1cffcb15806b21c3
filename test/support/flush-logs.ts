import type { Attune } from '../../src/main.js';

/**
 * Writes what a node keeps in memory for a second before storing it: first exposures and impressions,
 * and decisions (a click citing a decision is attributed from the stored decision).
 */
export async function flushLogs(node: Attune): Promise<void> {
  const logs = node as unknown as {
    exposures: { flush(): Promise<void> };
    decisionLog: { flush(): Promise<void> };
  };
  await logs.exposures.flush();
  await logs.decisionLog.flush();
}
