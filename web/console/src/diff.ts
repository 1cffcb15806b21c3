/** What changed between an audit entry's `before` and `after`, field by field (JSON pointers). */
export interface FieldChange {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Every leaf that differs; a created object is all `added`, a deleted one all `removed`. */
export function diffOf(before: unknown, after: unknown): FieldChange[] {
  const old = leaves(before);
  const next = leaves(after);
  const changes: FieldChange[] = [];
  for (const [path, value] of old) {
    if (!next.has(path)) changes.push({ path, kind: 'removed', before: value });
    else if (!sameLeaf(value, next.get(path)))
      changes.push({ path, kind: 'changed', before: value, after: next.get(path) });
  }
  for (const [path, value] of next) if (!old.has(path)) changes.push({ path, kind: 'added', after: value });
  // `{}` becoming `{ segments: [...] }` is told by the fields added, not by an empty object removed.
  const filled = (path: string, side: Map<string, unknown>) =>
    [...side.keys()].some((other) => other.startsWith(`${path}/`));
  return changes
    .filter((change) =>
      change.kind === 'removed' && isEmptyContainer(change.before)
        ? !filled(change.path, next)
        : change.kind === 'added' && isEmptyContainer(change.after)
          ? !filled(change.path, old)
          : true,
    )
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function leaves(value: unknown, path = '', into = new Map<string, unknown>()): Map<string, unknown> {
  if (value === null || value === undefined) {
    if (path !== '' && value === null) into.set(path, null);
    return into;
  }
  if (typeof value !== 'object') {
    into.set(path === '' ? '/' : path, value);
    return into;
  }
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  // An empty object or list is a value of its own, or adding one would show no change.
  if (entries.length === 0 && path !== '') into.set(path, Array.isArray(value) ? [] : {});
  for (const [key, item] of entries)
    leaves(item, `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, into);
  return into;
}

function isEmptyContainer(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

function sameLeaf(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
