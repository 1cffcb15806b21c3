import { randomUUID } from 'node:crypto';
import { HttpProblem } from '../problem.js';

/** How many live streams one client may hold open; undefined: no limit of that kind. */
export interface StreamQuotaLimits {
  readonly perAddress: number | undefined;
  readonly perKey: number | undefined;
}

/** One count a stream takes a place in (`address:203.0.113.9`, `key:key_ab12`) and its limit. */
export interface StreamPlace {
  readonly name: string;
  readonly limit: number;
}

/**
 * Stream counts shared by every node (Redis): each place is a lease its node keeps renewing while
 * the stream is open, so a node that dies stops counting once its leases run out.
 */
export interface SharedStreamCounts {
  /**
   * Takes a place for `holder` in every count unless one is full; resolves to the full one's name,
   * or undefined once the places are taken.
   */
  take(places: readonly StreamPlace[], holder: string): Promise<string | undefined>;
  /** Gives `holder`'s places back. */
  release(names: readonly string[], holder: string): Promise<void>;
}

/**
 * Open live streams per client address and per API key, so one client cannot take every stream a
 * node may hold (`ATTUNE_STREAM_MAX_CONNECTIONS`) from the next shopper. Counted on this node alone,
 * or across the nodes through `shared` (Redis) when given; should that fail, this node counts alone
 * meanwhile rather than refusing every stream.
 */
export class StreamQuotas {
  readonly #byAddress = new Map<string, number>();
  readonly #byKey = new Map<string, number>();

  constructor(
    private readonly limits: StreamQuotaLimits,
    private readonly shared?: {
      readonly counts: SharedStreamCounts;
      readonly onError: (error: unknown) => void;
    },
  ) {}

  /**
   * Takes a place for one stream, or refuses with `429 stream_quota_exceeded`. Resolves to the
   * function that gives the place back (calling it twice gives it back once).
   */
  async take(address: string, keyId: string): Promise<() => void> {
    const { perAddress, perKey } = this.limits;
    const places = [
      ...(perAddress === undefined ? [] : [{ name: `address:${address}`, limit: perAddress }]),
      ...(perKey === undefined ? [] : [{ name: `key:${keyId}`, limit: perKey }]),
    ];
    if (this.shared === undefined || places.length === 0) return this.#takeHere(address, keyId);
    const { counts, onError } = this.shared;
    const holder = randomUUID();
    let full: string | undefined;
    try {
      full = await counts.take(places, holder);
    } catch (error) {
      onError(error);
      return this.#takeHere(address, keyId);
    }
    if (full !== undefined) {
      const per = full.startsWith('address:') ? 'address' : 'key';
      throw quotaProblem(per, per === 'address' ? (perAddress as number) : (perKey as number));
    }
    return once(
      () =>
        counts.release(
          places.map((place) => place.name),
          holder,
        ),
      onError,
    );
  }

  #takeHere(address: string, keyId: string): () => void {
    const { perAddress, perKey } = this.limits;
    if (perAddress !== undefined && (this.#byAddress.get(address) ?? 0) >= perAddress)
      throw quotaProblem('address', perAddress);
    if (perKey !== undefined && (this.#byKey.get(keyId) ?? 0) >= perKey) throw quotaProblem('key', perKey);
    increment(this.#byAddress, address, 1);
    increment(this.#byKey, keyId, 1);
    return once(
      async () => {
        increment(this.#byAddress, address, -1);
        increment(this.#byKey, keyId, -1);
      },
      () => {},
    );
  }
}

/** `release` run on the first call only; a failure goes to `onError`. */
function once(release: () => Promise<void>, onError: (error: unknown) => void): () => void {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    void release().catch(onError);
  };
}

function increment(counts: Map<string, number>, name: string, by: number): void {
  const next = (counts.get(name) ?? 0) + by;
  if (next <= 0) counts.delete(name);
  else counts.set(name, next);
}

function quotaProblem(per: 'address' | 'key', limit: number): HttpProblem {
  return new HttpProblem(
    'stream_quota_exceeded',
    `this ${per === 'address' ? 'client address' : 'key'} holds ${limit} live streams already; close one first`,
    { quota: per, limit },
  );
}
