/**
 * What no store keeps as text: NUL (PostgreSQL's text refuses it outright) and a UTF-16 surrogate
 * without its pair (no UTF-8 form exists; drivers silently turn it into U+FFFD, so two different
 * ids would become one). Matched per UTF-16 unit, hence no `u` flag.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when every store can keep `text` as sent: no NUL, no unpaired surrogate. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/**
 * The JSON pointer (under `base`) of the first string in `value` (a value or an object key, at any
 * depth) that {@link isStorableText} refuses; undefined when every string is storable. Walks with
 * its own stack, so however deep the value nests it cannot overflow the call stack.
 */
export function findUnstorableText(value: unknown, base = ''): string | undefined {
  const pending: [unknown, string][] = [[value, base]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [current, pointer] = next;
    if (typeof current === 'string') {
      if (!isStorableText(current)) return pointer;
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index -= 1)
        pending.push([current[index], `${pointer}/${index}`]);
    } else if (typeof current === 'object' && current !== null) {
      const keys = Object.keys(current);
      for (let index = keys.length - 1; index >= 0; index -= 1) {
        const key = keys[index] as string;
        const at = `${pointer}/${escapePointer(key)}`;
        if (!isStorableText(key)) return at;
        pending.push([(current as Record<string, unknown>)[key], at]);
      }
    }
  }
  return undefined;
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
