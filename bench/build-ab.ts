/**
 * Which of two builds spends less CPU a request on one route: both builds' nodes run in one process
 * (`servers/two-builds.ts`), and the load generator, in this one, hits them in turn, a window each,
 * 32 connections, the order swapped each round; the process's CPU (from /proc) over a window, per
 * answered request. The machine's speed drifts by tens of percent between runs here, which a
 * comparison of two separate runs cannot tell from the change; windows taken in turn share it.
 * The node loaded second costs some 6 % more whatever it is (identical builds: 1.06 both ways
 * round), so run it both ways round and take the square root of the quotient of the two ratios.
 *
 *   node dist/bench/build-ab.js <folder A> <folder B> [decide|decide-empty|recommendations|listing] [rounds=10] [seconds=3]
 *
 * Each folder is a checkout with `dist` built from its commit (`npx tsc -p .` is enough).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runLoad } from './lib/load.js';
import { cpuMs } from './lib/process-stats.js';
import { median } from './lib/report.js';
import { PAGE } from './suites/decide.js';

const SECRET = 'sk_bench_secret_key_0123456789abcdef';
const headers = { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' };
const [folderA, folderB, routeName = 'decide', rounds = '10', seconds = '3'] = process.argv.slice(2);
if (folderA === undefined || folderB === undefined)
  throw new Error('usage: build-ab <folder A> <folder B> [route]');

/** The decide benchmark's category page (`suites/decide.ts`), and the other routes' own questions. */
function requestFor(route: string, category: string): { path: string; body: object } {
  const page = { ...PAGE, listing: { category, limit: 24 } };
  const requests: Record<string, { path: string; body: object }> = {
    decide: { path: '/v1/decide', body: page },
    'decide-empty': { path: '/v1/decide', body: { userId: '17850' } },
    recommendations: {
      path: '/v1/recommendations',
      body: { userId: '17850', strategy: 'for-you', limit: 8 },
    },
    listing: { path: '/v1/listings', body: { userId: '17850', category, limit: 24 } },
  };
  const request = requests[route];
  if (request === undefined) throw new Error(`unknown route ${route}`);
  return request;
}

const server = fork(fileURLToPath(new URL('./servers/two-builds.js', import.meta.url)), [], {
  env: { ...process.env, ATTUNE_BENCH_BUILDS: JSON.stringify([folderA, folderB]), ATTUNE_SECRET_KEY: SECRET },
  execArgv: ['--max-old-space-size=2047', '--heap-growing-percent=40'],
  stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
});
try {
  const { ports } = await new Promise<{ ports: number[] }>((resolve) => server.once('message', resolve));
  const urls = ports.map((port) => `http://127.0.0.1:${port}`);
  const product = (await (await fetch(`${urls[0]}/v1/products/85123A`, { headers })).json()) as {
    categories: string[];
  };
  const { path, body } = requestFor(routeName, (product.categories[0] as string).split('/')[0] as string);
  const text = JSON.stringify(body);
  const perRequest: number[][] = [[], []];
  // Round 0 warms both up and is not counted.
  for (let round = 0; round <= Number(rounds); round += 1) {
    for (const which of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const before = cpuMs(server.pid ?? 0);
      const load = await runLoad({
        url: `${urls[which]}${path}`,
        method: 'POST',
        headers,
        body: text,
        connections: 32,
        durationSeconds: Number(seconds),
      });
      if (load.non2xx > 0 || load.errors > 0) throw new Error(`${path} failed under load`);
      if (round > 0)
        perRequest[which]?.push(
          (cpuMs(server.pid ?? 0) - before) / (load.requestsPerSecond * Number(seconds)),
        );
    }
  }
  const [a = [], b = []] = perRequest;
  const ratios = a.map((cpu, index) => (b[index] ?? 0) / cpu);
  const show = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ');
  console.log(`${path} (${routeName}), CPU ms a request, median of ${a.length} windows each`);
  console.log(`A ${folderA}: ${median(a).toFixed(3)} (${show(a)})`);
  console.log(`B ${folderB}: ${median(b).toFixed(3)} (${show(b)})`);
  console.log(`B / A: median ${median(ratios).toFixed(3)} (${show(ratios)})`);
} finally {
  server.kill('SIGKILL');
}
