import type { Lesson } from './interactions.js';
import type { Learnt, ServingModels } from './serving-models.js';
import type { StoredHistories } from './stored-histories.js';

/**
 * Keeps the online model in service holding the histories it needs, when it holds only the active
 * customers: before it learns about a customer it does not hold, and before a request reads one,
 * their history is loaded from the log. Loads and lessons take turns in arrival order, so a history
 * is loaded without the lessons still waiting (they are learnt next) and nothing is learnt twice.
 * With every customer held (nothing evicted, nothing to load) lessons are learnt at once, as before.
 */
export class CustomerLoading {
  #turn: Promise<void> = Promise.resolve();
  /** Commits waiting for their turn, oldest first. */
  readonly #waiting: Learnt[] = [];

  constructor(
    private readonly deps: {
      readonly serving: ServingModels;
      readonly histories: StoredHistories;
      readonly onError: (error: unknown) => void;
    },
  ) {}

  /** Learns a commit: at once when its customers are held, else after loading them (in order). */
  learn(learnt: Learnt): void {
    this.#letGoFolded(learnt.lessons);
    const customers = [...new Set(learnt.lessons.map((lesson) => lesson.profileId))];
    if (this.#waiting.length === 0 && this.#toLoad(customers).length === 0) return this.#learnNow(learnt);
    this.#waiting.push(learnt);
    // A failed turn was reported by #take; what comes next still gets its turn.
    this.#take(async () => {
      try {
        // A load that was under way when this commit came may have read its events.
        this.#letGoFolded(learnt.lessons);
        await this.#load(customers);
      } finally {
        this.#waiting.shift();
        this.#learnNow(learnt);
      }
      // Histories that could not be loaded were begun empty here: they leave, to load whole later.
    }).catch(() => this.#dropUnloaded(customers));
  }

  /** Resolves once the customer's history is held (or known to be empty), for a request to read it. */
  ready(customer: string): Promise<void> {
    if (this.#waiting.length === 0 && this.#toLoad([customer]).length === 0) return Promise.resolve();
    // Room is made before the load, not after: the history just loaded is the one about to be read.
    return this.#take(() => {
      this.deps.serving.trimCustomers();
      return this.#load([customer]);
    });
  }

  /**
   * A purchase whose event a history loaded here already holds (committed on another node and read
   * back before its lesson came over the bus, or here between a commit and its relay) lets its
   * customer go, to load again without it: learnt into the history that holds it, whether it was a
   * first purchase would be unknown, and the co-purchase counts would no longer be exact. Not while
   * changes wait behind a hold: the customer's waiting lessons would then be learnt as for one not held.
   */
  #letGoFolded(lessons: readonly Lesson[]): void {
    const { serving } = this.deps;
    const { customers } = serving.learner.model;
    for (const lesson of lessons)
      if (
        lesson.interactions.some((interaction) => interaction.kind === 'purchase') &&
        customers.hasFolded(lesson.profileId, lesson.messageId) &&
        !serving.learner.knows(lesson) &&
        serving.mayLetGo &&
        // Let go, the customer must be one to load again (not one a complete cache calls new).
        (customers.bounded || !customers.complete)
      )
        customers.delete(lesson.profileId);
  }

  #dropUnloaded(customers: readonly string[]): void {
    const { model } = this.deps.serving.learner;
    for (const customer of customers) model.customers.delete(customer);
    // Their purchases were counted against an empty history: first purchases they may not have been.
    model.coPurchases.exact = false;
  }

  #learnNow(learnt: Learnt): void {
    this.deps.serving.learn(learnt);
    this.deps.serving.trimCustomers();
  }

  #take(work: () => Promise<void>): Promise<void> {
    const turn = this.#turn.then(work);
    this.#turn = turn.catch(this.deps.onError);
    return turn;
  }

  #toLoad(customers: readonly string[]): string[] {
    const held = this.deps.serving.learner.model.customers;
    return customers.filter((customer) => held.status(customer) === 'unknown');
  }

  /**
   * Loads the histories not held, leaving out the lessons still waiting (learnt after): here, and
   * behind a snapshot's hold in the models in service.
   */
  async #load(customers: readonly string[]): Promise<void> {
    const missing = this.#toLoad(customers);
    if (missing.length === 0) return;
    const waitingHere = new Set(
      this.#waiting.flatMap(({ lessons }) => lessons.map((lesson) => lesson.messageId)),
    );
    const { serving } = this.deps;
    const except = { has: (id: string) => waitingHere.has(id) || serving.isWaiting(id) };
    const loaded = await Promise.all(
      missing.map(
        async (customer) => [customer, await this.deps.histories.load(customer, { except })] as const,
      ),
    );
    // The learner may have been swapped, or a customer erased, while the log was read.
    const held = serving.learner.model.customers;
    for (const [customer, { history, recent }] of loaded)
      if (!serving.isErased(customer) && held.status(customer) === 'unknown')
        held.set(customer, history, recent);
  }
}
