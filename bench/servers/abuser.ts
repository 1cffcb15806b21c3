/**
 * One attacker of the abuse benchmark, in a process of its own so it does not share an event loop
 * with the client that measures decide: `ATTUNE_BENCH_ABUSE` is `keyless` (20 clients posting 4 MB
 * batches without a key), `slow` (5,000 connections trickling their headers) or `limited` (one
 * publishable key hammering past its limit). Attacks `ATTUNE_BENCH_TARGET` (a port) until SIGTERM,
 * then sends what it saw to the parent process.
 */
import autocannon from 'autocannon';
import { fourMegabyteBatch, openSlowConnections, postWithoutKey } from '../lib/abusers.js';

const port = Number(process.env['ATTUNE_BENCH_TARGET']);
const kind = process.env['ATTUNE_BENCH_ABUSE'];
const publishableKey = process.env['ATTUNE_BENCH_KEY'] ?? '';

let report: () => Promise<unknown>;
if (kind === 'keyless') {
  const posters = postWithoutKey(port, 20, fourMegabyteBatch());
  report = async () => {
    await posters.stop();
    return { answered: posters.answered() };
  };
} else if (kind === 'slow') {
  const slow = await openSlowConnections(port, 5_000);
  report = async () => {
    const open = slow.open();
    slow.stop();
    return { open };
  };
} else if (kind === 'limited') {
  const statuses = { ok: 0, refused: 0 };
  const instance = autocannon(
    {
      url: `http://127.0.0.1:${port}/v1/products?limit=5`,
      headers: { authorization: `Bearer ${publishableKey}` },
      connections: 16,
      duration: 3_600,
    },
    // With a callback autocannon hands back the running instance, which can be stopped.
    () => {},
  );
  instance.on('response', (_client: unknown, statusCode: number) =>
    statusCode === 429 ? statuses.refused++ : statuses.ok++,
  );
  report = async () => {
    instance.stop();
    return statuses;
  };
} else {
  throw new Error(`unknown ATTUNE_BENCH_ABUSE ${String(kind)}`);
}
process.send?.({ ready: true });
process.once('SIGTERM', () => {
  void report().then((seen) => process.send?.({ seen }, () => process.exit(0)));
});
