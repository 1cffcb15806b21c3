import { HttpProblem } from '../problem.js';

/** How many live streams one client may hold open on a node; undefined: no limit of that kind. */
export interface StreamQuotaLimits {
  readonly perAddress: number | undefined;
  readonly perKey: number | undefined;
}

/**
 * Open live streams per client address and per API key on this node, so one client cannot take
 * every stream a node may hold (`ATTUNE_STREAM_MAX_CONNECTIONS`) from the next shopper.
 */
export class StreamQuotas {
  readonly #byAddress = new Map<string, number>();
  readonly #byKey = new Map<string, number>();

  constructor(private readonly limits: StreamQuotaLimits) {}

  /**
   * Takes a place for one stream, or refuses with `429 stream_quota_exceeded`. Returns the function
   * that gives the place back (calling it twice gives it back once).
   */
  take(address: string, keyId: string): () => void {
    const { perAddress, perKey } = this.limits;
    if (perAddress !== undefined && (this.#byAddress.get(address) ?? 0) >= perAddress)
      throw quotaProblem('address', perAddress);
    if (perKey !== undefined && (this.#byKey.get(keyId) ?? 0) >= perKey) throw quotaProblem('key', perKey);
    increment(this.#byAddress, address, 1);
    increment(this.#byKey, keyId, 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      increment(this.#byAddress, address, -1);
      increment(this.#byKey, keyId, -1);
    };
  }
}

function increment(counts: Map<string, number>, name: string, by: number): void {
  const next = (counts.get(name) ?? 0) + by;
  if (next <= 0) counts.delete(name);
  else counts.set(name, next);
}

function quotaProblem(per: 'address' | 'key', limit: number): HttpProblem {
  return new HttpProblem(
    'stream_quota_exceeded',
    `this ${per === 'address' ? 'client address' : 'key'} holds ${limit} live streams on this node already; close one first`,
    { quota: per, limit },
  );
}
