import { fnv1a32 } from '../shared/index.js';

/**
 * A listing cursor that remembers what was shown rather than where the page ended: the next page is
 * the best of what has not been shown, so while events reorder the listing between pages no product
 * appears twice and none is skipped. Each shown product costs 4 bytes (a 32-bit hash of its id) in
 * the cursor; a hash collision at most hides one product with the same hash as one already shown.
 */
export interface SeenCursor {
  readonly shown: ReadonlySet<number>;
}

/** A product id's 32-bit hash, as cursors keep it: FNV-1a, stable across nodes and releases. */
export const idHash = fnv1a32;

/** The cursor after showing `ids`, as bytes (the HTTP edge encodes them). */
export function nextCursor(previous: SeenCursor | undefined, ids: readonly string[]): Uint8Array {
  const shown = [...(previous?.shown ?? []), ...ids.map(idHash)];
  const bytes = new Uint8Array(shown.length * 4);
  const view = new DataView(bytes.buffer);
  shown.forEach((hash, index) => view.setUint32(index * 4, hash));
  return bytes;
}

/** Reads a cursor's bytes; undefined when they cannot be one. */
export function readCursor(bytes: Uint8Array): SeenCursor | undefined {
  if (bytes.length === 0 || bytes.length % 4 !== 0) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shown = new Set<number>();
  for (let offset = 0; offset < bytes.length; offset += 4) shown.add(view.getUint32(offset));
  return { shown };
}
