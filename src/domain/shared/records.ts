/**
 * Maps keyed by outside strings (brands, categories, event names, traits) that must stay plain
 * objects, because they travel as JSON inside a profile. Any string may be a key: `constructor`
 * must read as absent until it is set, and `__proto__` must be a key like any other.
 */

/** The value `record` holds under `key` itself, never one inherited from `Object.prototype`. */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A copy of `record` without a prototype, so writing any key (`__proto__` too) writes that key. */
export function copyRecord<T>(record: Readonly<Record<string, T>> = {}): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, record);
}

/** `record` with `key` set to `value`, as a copy without a prototype. */
export function withEntry<T>(record: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> {
  const copy = copyRecord(record);
  copy[key] = value;
  return copy;
}
