/**
 * Category paths are slash-separated, lower-case segments (`home/kitchen/mugs`). A path is "in" a
 * category when it equals it or descends from it, segment by segment (`home/kitchenware` is not in
 * `home/kitchen`).
 */

/**
 * Normalises a category path: trims segments, lower-cases, drops empty segments.
 * Returns `undefined` when nothing is left (`" / "`).
 */
export function normalizeCategoryPath(path: string): string | undefined {
  const segments = path
    .split('/')
    .map((segment) => segment.trim().toLowerCase())
    .filter((segment) => segment.length > 0);
  return segments.length === 0 ? undefined : segments.join('/');
}

/** True when `path` equals `category` or is one of its descendants. Both must be normalised. */
export function isInCategory(path: string, category: string): boolean {
  return path === category || (path.startsWith(category) && path.charCodeAt(category.length) === 47);
}

/** A path and its ancestors, most specific first: `a/b/c` → `['a/b/c', 'a/b', 'a']`. */
export function categoryLineage(path: string): string[] {
  const lineage: string[] = [];
  let end = path.length;
  while (end > 0) {
    lineage.push(path.slice(0, end));
    end = path.lastIndexOf('/', end - 1);
  }
  return lineage;
}
