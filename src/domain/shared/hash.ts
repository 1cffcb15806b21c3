/**
 * FNV-1a over a string's UTF-16 code units: pure integer arithmetic, so every node and runtime
 * gives the same number for the same text (experiments bucket by it, cursors and demo colours
 * keep it).
 */

const OFFSET_BASIS = 0x811c9dc5;
const PRIME = 0x01000193;
/** A second starting point, for a second hash of the same text independent of the first. */
const SECOND_BASIS = 0x050c5d1f;

function fnv1a(text: string, basis: number): number {
  let hash = basis;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, PRIME);
  }
  return hash >>> 0;
}

/** FNV-1a of `text`, as an unsigned 32-bit integer. */
export function fnv1a32(text: string): number {
  return fnv1a(text, OFFSET_BASIS);
}

/**
 * A 53-bit fingerprint of `text` (two FNV-1a hashes from different starting points), exact as a
 * JavaScript number: 8 bytes to remember an id by where the id itself takes some 40, with a
 * chance of two ids sharing one of about one in 2⁵³ a pair.
 */
export function fingerprint(text: string): number {
  return fnv1a(text, OFFSET_BASIS) * 2 ** 21 + (fnv1a(text, SECOND_BASIS) >>> 11);
}
