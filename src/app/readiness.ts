import type { SkippedObject } from './loadable.js';

/**
 * Start-up work that must finish before the node takes traffic (loading memory from the store, the
 * demo import). `/readyz` answers 200 only when none is pending and the store and bus answer.
 */
export class Readiness {
  readonly #pending = new Set<string>();
  #failure: string | undefined;
  readonly #skipped = new Map<string, readonly SkippedObject[]>();

  /** Marks `task` as running until `work` settles; a failure keeps the node unready and is reported. */
  track<T>(task: string, work: Promise<T>): Promise<T> {
    this.#pending.add(task);
    return work.then(
      (value) => {
        this.#pending.delete(task);
        return value;
      },
      (error: unknown) => {
        this.#pending.delete(task);
        this.#failure = `${task} failed: ${error instanceof Error ? error.message : String(error)}`;
        throw error;
      },
    );
  }

  /** What still keeps the node from being ready, or an empty list. */
  blockers(): string[] {
    return [
      ...(this.#failure === undefined ? [] : [this.#failure]),
      ...[...this.#pending].map((task) => `${task} in progress`),
    ];
  }

  /** Records the stored objects of `kind` the latest load left out (none: forgets the kind). */
  skipped(kind: string, objects: readonly SkippedObject[]): void {
    if (objects.length === 0) this.#skipped.delete(kind);
    else this.#skipped.set(kind, objects);
  }

  /** Every stored object left out at load, by kind: the node serves without them. */
  skippedObjects(): { kind: string; id: string; reason: string }[] {
    return [...this.#skipped].flatMap(([kind, objects]) => objects.map((object) => ({ kind, ...object })));
  }
}
