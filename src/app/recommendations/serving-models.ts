import type { Models, ProfileMerge } from '../../domain/recommendations/index.js';
import { HeldChanges } from './held-changes.js';
import type { Lesson } from './interactions.js';
import type { Learner } from './learner.js';

/** Erased profiles remembered, so their late lessons are dropped. */
const MAX_ERASED = 100_000;

/** A change to the online model, as it waits while the model is held. */
type Change =
  | { readonly kind: 'learn'; readonly learnt: Learnt }
  | { readonly kind: 'forget'; readonly profileId: string };

/** A change that reached the models in service while a read of the log was under way. */
export type Missed =
  | { readonly kind: 'lesson'; readonly lesson: Lesson }
  | ({ readonly kind: 'merge' } & ProfileMerge)
  | { readonly kind: 'erase'; readonly profileId: string };

/** A read of the event log, and what it may not have seen (kept open until it is adopted). */
export interface LogRead {
  readonly learner: Learner;
  readonly missed: Missed[];
}

/** What a node learnt from one commit: its lessons, and the profiles merged into others. */
export interface Learnt {
  readonly lessons: readonly Lesson[];
  readonly merges: readonly ProfileMerge[];
}

/**
 * The models that answer requests now, and the changes that reach them: lessons and merges as
 * events are committed (here or on another node), and erasures. A rebuild reads the log into a new
 * learner while these keep coming; what arrives meanwhile is kept for each open read and replayed
 * into the new learner before it is swapped in, so nothing slips between the two.
 */
export class ServingModels {
  #learner: Learner;
  #models: Models;
  /** One list per read of the log in progress: what it might not see. */
  readonly #openReads = new Set<Missed[]>();
  /** Profiles erased lately: lessons about them that arrive late are not learnt. */
  readonly #erased = new Set<string>();
  #stopped = false;
  /** Erasures so far, and how many of them the models in service were rebuilt without. */
  #erasures = 0;
  #rebuiltWithout = 0;
  readonly #erasuresAtRead = new Map<Missed[], number>();
  /** Lessons learnt since the node started. */
  #learnt = 0;
  /** What arrives while a snapshot reads the online model waits here, and is learnt after. */
  readonly #changes: HeldChanges<Change>;
  /** Ids of the lessons waiting in `#changes`, each with how many times it waits. */
  readonly #waitingLessons = new Map<string, number>();
  readonly #learntListeners: ((learnt: Learnt) => void)[] = [];

  /**
   * `catchUpSliceMs`: how long changes that waited are learnt before requests get their turn (tests:
   * 0); fair slices by default (see `FairSlices`).
   */
  constructor(learner: Learner, options: { readonly catchUpSliceMs?: number } = {}) {
    const ms = options.catchUpSliceMs;
    this.#changes = new HeldChanges<Change>(
      (change) =>
        change.kind === 'learn' ? this.#learnNow(change.learnt, true) : this.#forgetNow(change.profileId),
      ms === undefined ? {} : { minMs: ms, maxMs: ms },
    );
    this.#learner = learner;
    this.#models = { online: learner.model };
  }

  /** The models a request reads: always one consistent set. */
  get models(): Models {
    return this.#models;
  }

  /** The learner behind the online model in service. */
  get learner(): Learner {
    return this.#learner;
  }

  /** Lessons learnt by the models in service since the node started. */
  get learnt(): number {
    return this.#learnt;
  }

  /**
   * True while an erased customer's part in shared counts is still in the models in service (until
   * a rebuild that began after the erasure is adopted).
   */
  get awaitsRebuild(): boolean {
    return this.#erasures > this.#rebuiltWithout;
  }

  /** True when the profile was erased lately (a history loaded meanwhile must not be kept). */
  isErased(profileId: string): boolean {
    return this.#erased.has(profileId);
  }

  /** True once the node stops: nothing is swapped in after that. */
  get stopped(): boolean {
    return this.#stopped;
  }

  stop(): void {
    this.#stopped = true;
  }

  /**
   * Holds the online model still (a snapshot is being read from it): lessons, merges and erasures
   * that arrive meanwhile wait, in order. The returned function lets them in, in slices (see
   * {@link HeldChanges}), and resolves once they are learnt.
   */
  hold(): () => Promise<void> {
    return this.#changes.hold();
  }

  /**
   * Drops the least recently used histories past the customer budget, but not while changes wait
   * behind a hold or are caught up: a customer let go then would have their waiting purchases learnt
   * as by one not held, and the co-purchase counts would no longer be exact (EASE would then train
   * from every history in the store). The budget is overshot by the customers loaded meanwhile (a
   * snapshot's read of the model: seconds) and trimmed back by the first trim after.
   */
  trimCustomers(): void {
    if (this.mayLetGo) this.#learner.model.customers.trim();
  }

  /** False while changes wait behind a hold or are caught up: no customer may leave the cache then. */
  get mayLetGo(): boolean {
    return !this.#changes.busy;
  }

  /** Resolves once no change waits to be learnt (nothing held, the catch-up done). */
  settled(): Promise<void> {
    return this.#changes.settled();
  }

  /**
   * True while the lesson waits behind a hold: a history loaded from the log now leaves it out, as it
   * is learnt after. Asked as the log is read, so a lesson learnt meanwhile is kept in the history.
   */
  isWaiting(messageId: string): boolean {
    return this.#waitingLessons.has(messageId);
  }

  /**
   * Calls `listener` with each commit once the models in service have learnt it: at once, or after
   * a hold lets it in. What was computed from the models before then is out of date from here on.
   */
  onLearnt(listener: (learnt: Learnt) => void): void {
    this.#learntListeners.push(listener);
  }

  /** Merges and lessons into the online model in service, and into every read of the log under way. */
  learn(learnt: Learnt): void {
    if (this.#changes.busy)
      for (const { messageId } of learnt.lessons)
        this.#waitingLessons.set(messageId, (this.#waitingLessons.get(messageId) ?? 0) + 1);
    this.#changes.offer({ kind: 'learn', learnt });
  }

  /**
   * `waited`: the commit waited behind a hold. A customer let go meanwhile is loaded from the log when
   * next needed, and the log holds the lesson: only the shared counts learn it, as `adopt` does.
   */
  #learnNow(learnt: Learnt, waited = false): void {
    const { lessons, merges } = learnt;
    for (const merge of merges) {
      this.#learner.model.merge(merge);
      this.#remember({ kind: 'merge', ...merge });
    }
    for (const lesson of lessons) {
      if (waited) this.#stopWaiting(lesson.messageId);
      if (this.#erased.has(lesson.profileId)) continue;
      const letGo = waited && this.#learner.model.customers.status(lesson.profileId) === 'unknown';
      this.#learner.learn(lesson, letGo);
      this.#learnt += 1;
      this.#remember({ kind: 'lesson', lesson });
    }
    for (const listener of this.#learntListeners) listener(learnt);
  }

  #stopWaiting(messageId: string): void {
    const count = this.#waitingLessons.get(messageId) ?? 0;
    if (count > 1) this.#waitingLessons.set(messageId, count - 1);
    else this.#waitingLessons.delete(messageId);
  }

  /** Drops an erased customer's history at once; lessons about them still on their way are dropped too. */
  forget(profileId: string): void {
    this.#changes.offer({ kind: 'forget', profileId });
  }

  #forgetNow(profileId: string): void {
    this.#erased.add(profileId);
    this.#erasures += 1;
    if (this.#erased.size > MAX_ERASED) this.#erased.delete(this.#erased.values().next().value as string);
    this.#learner.model.forget(profileId);
    this.#remember({ kind: 'erase', profileId });
  }

  /** Starts keeping what the models in service learn, for a read of the log that begins now. */
  openRead(): Missed[] {
    const missed: Missed[] = [];
    this.#openReads.add(missed);
    this.#erasuresAtRead.set(missed, this.#erasures);
    return missed;
  }

  /** Stops keeping changes for a read (adopted, or abandoned). */
  closeRead(missed: Missed[]): void {
    this.#openReads.delete(missed);
    this.#erasuresAtRead.delete(missed);
  }

  /**
   * Serves a rebuilt set: first what was committed (or merged, or erased) since the read began goes
   * into it, then it replaces the models in service, in one synchronous step. A lesson the read
   * already learnt is skipped by its id.
   */
  adopt(read: LogRead, heavy: Omit<Models, 'online'>): void {
    const erasuresAtRead = this.#erasuresAtRead.get(read.missed) ?? 0;
    this.closeRead(read.missed);
    const { learner } = read;
    for (const change of read.missed) {
      if (change.kind === 'merge') learner.model.merge(change);
      else if (change.kind === 'erase') learner.model.forget(change.profileId);
      else if (!this.#erased.has(change.lesson.profileId)) {
        // A customer the new model does not hold is loaded from the log, which holds this lesson:
        // only the shared counts learn it here.
        const unheld = learner.model.customers.status(change.lesson.profileId) === 'unknown';
        learner.learn(change.lesson, unheld);
      }
    }
    learner.model.customers.trim();
    if (this.#stopped) return;
    this.swap(learner, heavy);
    this.#rebuiltWithout = Math.max(this.#rebuiltWithout, erasuresAtRead);
  }

  /** Puts `learner` and the heavier models in service together. */
  swap(learner: Learner, heavy: Omit<Models, 'online'>): void {
    this.#learner = learner;
    this.#models = { online: learner.model, ...heavy };
  }

  #remember(change: Missed): void {
    for (const missed of this.#openReads) missed.push(change);
  }
}
