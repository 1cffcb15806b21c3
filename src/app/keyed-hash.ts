import { hash } from 'node:crypto';

/** SHA-256's block size, bytes: the length of the key's inner and outer pads. */
const BLOCK_BYTES = 64;

/**
 * HMAC-SHA-256 (RFC 2104) under `key`, as lowercase hex: what `createHmac('sha256', key)` answers,
 * built from Node's one-shot `hash` (two calls a message) with the key's pads computed once.
 *
 * Why not `createHmac`: each call makes a native object that V8 holds weakly, and every
 * young-generation collection then finalises the ones that died. A serving node hashes customer ids
 * on its hot paths (for-you's experiments; decide's experiments and checkout), and with the API
 * keys' `createHash` those finalisations were about a millisecond of each collection's pause in a
 * node serving recommendations (docs/evaluation.md, "What a young-generation collection waits for").
 * The answer is the same bytes: `keyed-hash.test.ts` holds it to RFC 4231's vectors and to
 * `createHmac` for any key and message.
 *
 * The returned function reuses one buffer between calls; it is synchronous, so calls never interleave.
 */
export function hmacSha256Hex(key: string | Uint8Array): (message: string) => string {
  let keyBytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : Buffer.from(key);
  if (keyBytes.length > BLOCK_BYTES) keyBytes = hash('sha256', keyBytes, 'buffer');
  const innerPad = Buffer.alloc(BLOCK_BYTES, 0x36);
  // The outer pad followed by room for the inner digest (32 bytes, written in place on each call).
  const outer = Buffer.alloc(BLOCK_BYTES + 32, 0x5c);
  for (let index = 0; index < keyBytes.length; index += 1) {
    innerPad[index] = (innerPad[index] as number) ^ (keyBytes[index] as number);
    outer[index] = (outer[index] as number) ^ (keyBytes[index] as number);
  }
  // The inner pad followed by the message: room for ids of up to 192 bytes, grown for longer ones.
  let inner = Buffer.alloc(BLOCK_BYTES + 192);
  innerPad.copy(inner);
  return (message) => {
    const needed = BLOCK_BYTES + Buffer.byteLength(message, 'utf8');
    if (needed > inner.length) {
      inner = Buffer.alloc(needed);
      innerPad.copy(inner);
    }
    const written = inner.write(message, BLOCK_BYTES, 'utf8');
    outer.write(hash('sha256', inner.subarray(0, BLOCK_BYTES + written), 'hex'), BLOCK_BYTES, 'hex');
    return hash('sha256', outer, 'hex');
  };
}
