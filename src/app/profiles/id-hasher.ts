import type { Identity } from '../../ports/store.js';
import { hmacSha256Hex } from '../keyed-hash.js';

/**
 * Salted hashes of customer ids (HMAC-SHA-256 under a per-store secret salt): what erasure keeps so
 * that replayed events of an erased customer are recognised, without keeping the ids themselves.
 */
export function createIdHasher(salt: string): (identity: Identity) => string {
  const keyed = hmacSha256Hex(salt);
  return (identity) => keyed(`${identity.kind}:${identity.value}`);
}
