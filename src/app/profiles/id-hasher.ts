import { createHmac } from 'node:crypto';
import type { Identity } from '../../ports/store.js';

/**
 * Salted hashes of customer ids (HMAC-SHA-256 under a per-store secret salt): what erasure keeps so
 * that replayed events of an erased customer are recognised, without keeping the ids themselves.
 */
export function createIdHasher(salt: string): (identity: Identity) => string {
  return (identity) => createHmac('sha256', salt).update(`${identity.kind}:${identity.value}`).digest('hex');
}
