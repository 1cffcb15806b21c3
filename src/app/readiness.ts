/**
 * Start-up work that must finish before the node takes traffic (loading memory from the store, the
 * demo import). `/readyz` answers 200 only when none is pending and the store and bus answer.
 */
export class Readiness {
  readonly #pending = new Set<string>();
  #failure: string | undefined;

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
}
