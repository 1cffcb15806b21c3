import autocannon from 'autocannon';

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly non2xx: number;
}

export interface LoadOptions {
  readonly url: string;
  readonly connections?: number;
  readonly durationSeconds?: number;
  readonly headers?: Record<string, string>;
  /** Paths to cycle through, one per request. */
  readonly paths?: readonly string[];
  readonly method?: 'GET' | 'POST';
  readonly body?: string;
  /** A fresh body for each request (unique message ids, say). */
  readonly bodies?: () => string;
}

/** Runs autocannon against a URL and returns its throughput and latency figures. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const paths = options.paths;
  const result = await autocannon({
    url: options.url,
    connections: options.connections ?? 32,
    duration: options.durationSeconds ?? 10,
    headers: options.headers ?? {},
    method: options.method ?? 'GET',
    ...(options.body !== undefined && { body: options.body }),
    ...((paths !== undefined || options.bodies !== undefined) && {
      requests: [
        {
          setupRequest: (request) => {
            if (paths !== undefined) request.path = paths[next % paths.length];
            if (options.bodies !== undefined) request.body = options.bodies();
            next += 1;
            return request;
          },
        },
      ],
    }),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}
