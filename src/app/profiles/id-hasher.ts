import { createHmac } from 'node:crypto';
import type { Identity } from '../../ports/store.js';

/**
 * Hashes kept for the ids hashed lately, at most. A decide call hashes its customer's ids several
 * times (promotion usage and impressions are stored by hash): about 1 % of the call's CPU in an
 * in-process profile, for the same few ids again and again.
 */
const REMEMBERED = 10_000;

/**
 * Salted hashes of customer ids (HMAC-SHA-256 under a per-store secret salt): what erasure keeps so
 * that replayed events of an erased customer are recognised, without keeping the ids themselves.
 * The latest ids' hashes are remembered in memory only (the oldest first out).
 */
export function createIdHasher(salt: string): (identity: Identity) => string {
  const remembered = new Map<string, string>();
  return (identity) => {
    const text = `${identity.kind}:${identity.value}`;
    const known = remembered.get(text);
    if (known !== undefined) return known;
    const hash = createHmac('sha256', salt).update(text).digest('hex');
    if (remembered.size >= REMEMBERED) remembered.delete(remembered.keys().next().value as string);
    remembered.set(text, hash);
    return hash;
  };
}
