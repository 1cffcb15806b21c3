/**
 * The ceiling for decide: a bare Fastify route that answers a POST with the same answer object a
 * decide call gave, serialised on every request (the JSON bytes alone cost most of the throughput).
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const answer = JSON.parse(readFileSync(process.env['ATTUNE_BENCH_ANSWER'] as string, 'utf8')) as unknown;
const app = Fastify({ logger: false });
app.post('/', () => answer);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address !== null ? address.port : 0 });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
