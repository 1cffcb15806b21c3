import { DomainError } from '../domain/shared/index.js';
import { AppError } from './errors.js';

/** A stored object a node left out when loading, because it does not load, and why. */
export interface SkippedObject {
  readonly id: string;
  readonly reason: string;
}

/**
 * Tells the node which stored objects of one kind (`segment`, `promotion`, ...) it left out at its
 * latest load: the whole list for that kind each time, so a fixed or deleted object stops being
 * reported. The node logs it, shows it on `/readyz` and counts it in `/metrics`.
 */
export type UnloadableReport = (kind: string, skipped: readonly SkippedObject[]) => void;

/**
 * Loads each of `items` with `load`, one at a time: an object that throws is left out and reported,
 * and the node carries on with the others, rather than one bad row stopping every start.
 */
export function loadEach<T, R>(
  kind: string,
  items: readonly T[],
  idOf: (item: T) => string,
  load: (item: T) => R,
  report: UnloadableReport,
): R[] {
  const loaded: R[] = [];
  const skipped: SkippedObject[] = [];
  for (const item of items) {
    try {
      loaded.push(load(item));
    } catch (error) {
      skipped.push({ id: idOf(item), reason: error instanceof Error ? error.message : String(error) });
    }
  }
  report(kind, skipped);
  return loaded;
}

/**
 * Builds what a node holds from stored objects (an index of promotions, say), leaving out any object
 * that does not load: each is first built alone, and those that throw are reported and skipped.
 */
export function buildFromLoadable<T, R>(
  kind: string,
  items: readonly T[],
  idOf: (item: T) => string,
  build: (items: readonly T[]) => R,
  report: UnloadableReport,
): R {
  const loadable = loadEach(
    kind,
    items,
    idOf,
    (item) => {
      build([item]);
      return item;
    },
    report,
  );
  return build(loadable);
}

/** A versioned draft as the store gives it back once written at `now`: what its loader will see. */
export function storedVersion<T extends object>(
  draft: T,
  now: number,
): T & { readonly version: number; readonly updatedAt: string } {
  return asStored({ ...draft, version: 1, updatedAt: new Date(now).toISOString() });
}

/** `value` as the store gives it back (JSON text, read again): what the loader will see of it. */
export function asStored<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Runs, before an object is stored, the very work that will load it, so nothing is stored that
 * cannot be loaded. A refusal the loader words itself (a `DomainError`: `invalid_rule`, ...) passes
 * through; anything else becomes `400 not_loadable`.
 * @throws DomainError
 */
export function checkLoadable<R>(kind: string, load: () => R): R {
  try {
    return load();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new AppError('not_loadable', `this ${kind} would not load, so it is refused`, {
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}
