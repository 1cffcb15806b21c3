import type { Clock } from '../../ports/clock.js';

export interface WindowSchedulerDeps {
  readonly clock: Clock;
  /** Evaluates these profiles again now that a window of theirs has moved. */
  readonly recheck: (profileIds: readonly string[]) => Promise<void>;
  readonly onError: (error: unknown) => void;
}

/** Profiles re-checked per run. */
const RECHECK_BATCH = 200;

/**
 * Acts at the exact moment a time window makes a membership or tier lapse (or begin), rather than
 * sweeping every profile: a min-heap of (due time, profile) with one clock timer armed for the
 * earliest. A profile has at most one live entry; outdated ones are skipped when they surface.
 */
export class WindowScheduler {
  readonly #heap: { at: number; profileId: string }[] = [];
  readonly #due = new Map<string, number>();
  #cancel: (() => void) | undefined;
  #armedFor: number | undefined;
  #running = false;
  #stopped = false;

  constructor(private readonly deps: WindowSchedulerDeps) {}

  /** Sets (or with null clears) when a profile's windows next need a look. */
  schedule(profileId: string, at: number | null): void {
    if (at === null) {
      this.#due.delete(profileId);
      return;
    }
    this.#due.set(profileId, at);
    push(this.#heap, { at, profileId });
    this.#arm();
  }

  /** How many profiles wait for a re-check. */
  get size(): number {
    return this.#due.size;
  }

  stop(): void {
    this.#stopped = true;
    this.#cancel?.();
  }

  #arm(): void {
    if (this.#stopped || this.#running) return;
    const first = this.#heap[0];
    if (first === undefined || first.at === this.#armedFor) return;
    this.#cancel?.();
    this.#armedFor = first.at;
    this.#cancel = this.deps.clock.schedule(first.at, () => {
      this.#armedFor = undefined;
      void this.#run();
    });
  }

  async #run(): Promise<void> {
    if (this.#running || this.#stopped) return;
    this.#running = true;
    try {
      for (let ids = this.#takeDue(); ids.length > 0; ids = this.#takeDue()) {
        await this.deps.recheck(ids).catch((error: unknown) => {
          this.deps.onError(error);
          // Try these again shortly rather than dropping them.
          for (const id of ids) this.schedule(id, this.deps.clock.now() + 5_000);
        });
      }
    } finally {
      this.#running = false;
      this.#arm();
    }
  }

  #takeDue(): string[] {
    const now = this.deps.clock.now();
    const ids: string[] = [];
    while (ids.length < RECHECK_BATCH) {
      const top = this.#heap[0];
      if (top === undefined || top.at > now) break;
      pop(this.#heap);
      if (this.#due.get(top.profileId) !== top.at) continue;
      this.#due.delete(top.profileId);
      ids.push(top.profileId);
    }
    return ids;
  }
}

type Entry = { at: number; profileId: string };

function push(heap: Entry[], entry: Entry): void {
  heap.push(entry);
  for (let index = heap.length - 1; index > 0;) {
    const parent = (index - 1) >> 1;
    if ((heap[parent] as Entry).at <= entry.at) break;
    heap[index] = heap[parent] as Entry;
    heap[parent] = entry;
    index = parent;
  }
}

function pop(heap: Entry[]): Entry | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length === 0 || last === undefined) return top;
  heap[0] = last;
  for (let index = 0; ;) {
    const left = 2 * index + 1;
    const right = left + 1;
    let smallest = index;
    if (left < heap.length && (heap[left] as Entry).at < (heap[smallest] as Entry).at) smallest = left;
    if (right < heap.length && (heap[right] as Entry).at < (heap[smallest] as Entry).at) smallest = right;
    if (smallest === index) break;
    [heap[index], heap[smallest]] = [heap[smallest] as Entry, heap[index] as Entry];
    index = smallest;
  }
  return top;
}
