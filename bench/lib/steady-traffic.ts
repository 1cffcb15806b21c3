/**
 * Steady mixed traffic for soak runs: each kind of request is sent at its own fixed rate (open loop,
 * not as fast as the server answers), so a run stays below saturation and its memory can be read
 * against time rather than against how fast the node happened to be.
 */

/** One kind of request and how often it is sent. */
export interface TrafficKind {
  readonly name: string;
  readonly perSecond: number;
  /** The next request of this kind: a path and, for a POST, its body. */
  readonly next: () => { readonly path: string; readonly body?: string };
}

/** What one kind of request met over a run. */
export interface KindFigures {
  readonly name: string;
  readonly sent: number;
  /** Answers other than 2xx, and requests that failed outright (refused, reset). */
  readonly errors: number;
  /** Requests not sent because too many of the kind were waiting (the node had fallen behind). */
  readonly skipped: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** Requests of one kind allowed in flight before further ones are skipped rather than queued. */
const MAX_IN_FLIGHT = 64;
const TICK_MS = 100;

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] as number;
}

/**
 * Sends every kind at its rate to `url` for `seconds`; answers each kind's figures once the last
 * request sent has been answered.
 */
export async function runSteadyTraffic(options: {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly kinds: readonly TrafficKind[];
  readonly seconds: number;
}): Promise<KindFigures[]> {
  const state = options.kinds.map((kind) => ({
    kind,
    owed: 0,
    inFlight: 0,
    sent: 0,
    errors: 0,
    skipped: 0,
    latencies: [] as number[],
  }));
  const pending = new Set<Promise<void>>();
  const send = (entry: (typeof state)[number]) => {
    const { path, body } = entry.kind.next();
    const started = performance.now();
    entry.inFlight += 1;
    entry.sent += 1;
    const request = fetch(`${options.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: options.headers,
      ...(body !== undefined && { body }),
    })
      .then(async (response) => {
        await response.arrayBuffer();
        if (!response.ok) entry.errors += 1;
      })
      .catch(() => {
        entry.errors += 1;
      })
      .finally(() => {
        entry.latencies.push(performance.now() - started);
        entry.inFlight -= 1;
        pending.delete(request);
      });
    pending.add(request);
  };
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (performance.now() - started >= options.seconds * 1000) {
        clearInterval(timer);
        return resolve();
      }
      for (const entry of state) {
        entry.owed += (entry.kind.perSecond * TICK_MS) / 1000;
        for (; entry.owed >= 1; entry.owed -= 1) {
          if (entry.inFlight >= MAX_IN_FLIGHT) entry.skipped += 1;
          else send(entry);
        }
      }
    }, TICK_MS);
  });
  await Promise.all(pending);
  return state.map((entry) => {
    const sorted = entry.latencies.sort((a, b) => a - b);
    return {
      name: entry.kind.name,
      sent: entry.sent,
      errors: entry.errors,
      skipped: entry.skipped,
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
    };
  });
}
