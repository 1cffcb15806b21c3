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
 * The stored objects of one kind a node left out, for a loader that loads them all at start and
 * then one at a time as other nodes change them: it keeps the list whole, so each report (which
 * replaces the kind's list) names every object still left out.
 */
export class KindLoader {
  readonly #skipped = new Map<string, string>();

  constructor(
    private readonly kind: string,
    private readonly report: UnloadableReport,
  ) {}

  /** Loads every stored object of the kind, as {@link loadEach}: the list is replaced. */
  all<T, R>(items: readonly T[], idOf: (item: T) => string, load: (item: T) => R): R[] {
    return loadEach(this.kind, items, idOf, load, (kind, skipped) => {
      this.#skipped.clear();
      for (const { id, reason } of skipped) this.#skipped.set(id, reason);
      this.report(kind, skipped);
    });
  }

  /** Loads one object again; `undefined` when it does not load (it is then reported). */
  one<R>(id: string, load: () => R): R | undefined {
    try {
      const loaded = load();
      this.forget(id);
      return loaded;
    } catch (error) {
      this.#skipped.set(id, error instanceof Error ? error.message : String(error));
      this.#reportAll();
      return undefined;
    }
  }

  /** The object is gone (deleted, or written anew and loaded): it is no longer left out. */
  forget(id: string): void {
    if (this.#skipped.delete(id)) this.#reportAll();
  }

  #reportAll(): void {
    this.report(
      this.kind,
      [...this.#skipped].map(([id, reason]) => ({ id, reason })),
    );
  }
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

/**
 * Checks that a stored document has the shape its write was checked against (field types, known
 * enum values, no unknown or reserved field names); throws an `Error` naming the first field that
 * does not, which a loader reports as the reason the object is skipped.
 */
export type ShapeCheck = (document: unknown) => void;

/** The stored document of a versioned object: what was written, without the store's own fields. */
export function documentOf<T extends { readonly id: string }>(
  stored: T,
): Omit<T, 'id' | 'version' | 'updatedAt'> {
  const {
    id: _id,
    version: _version,
    updatedAt: _updatedAt,
    ...document
  } = stored as T & {
    version?: unknown;
    updatedAt?: unknown;
  };
  return document;
}
