import { draftLoyaltyProgram, type LoyaltyProgramInput } from '../../domain/profiles/index.js';
import type { EventBus } from '../../ports/event-bus.js';
import { followOtherNodes, rereadOnChange } from '../follow-other-nodes.js';
import type { BackfillState, Store } from '../../ports/store.js';
import type { BackfillRunner } from '../segments/backfill-runner.js';
import { asStored, checkLoadable, loadEach, type UnloadableReport } from '../loadable.js';
import { LoyaltyProgramInForce } from './loyalty-program-in-force.js';

const SETTING = 'loyalty.program';
const PROGRESS = 'loyalty.backfill';

/** The stored program: what the merchant wrote, as read back. */
export interface StoredProgram extends LoyaltyProgramInput {
  readonly backfill?: BackfillState;
}

/**
 * The store's loyalty program: one per store, kept as a setting every node reads. A new or changed
 * program recomputes every customer's points from their order history and their tier.
 */
export class LoyaltyService {
  constructor(
    private readonly deps: {
      readonly store: Store;
      readonly bus: EventBus;
      readonly backfill: BackfillRunner;
      readonly nodeId: string;
      /** Where the program this node applies is kept: read by evaluation, written here. */
      readonly inForce: LoyaltyProgramInForce;
      /** A stored program that does not load is left out (none in force) and reported here. */
      readonly reportUnloadable: UnloadableReport;
    },
  ) {}

  async start(): Promise<void> {
    await this.#reload();
    await followOtherNodes(
      this.deps.bus,
      this.deps.nodeId,
      'loyalty',
      rereadOnChange(() => this.#reload()),
    );
  }

  async get(): Promise<StoredProgram | undefined> {
    const input = this.deps.inForce.input();
    if (input === undefined) return undefined;
    return { ...input, ...progressOf(await this.deps.store.getSetting(PROGRESS)) };
  }

  /** @throws DomainError `invalid_loyalty_program`. */
  async put(input: LoyaltyProgramInput): Promise<StoredProgram> {
    const program = draftLoyaltyProgram(input);
    checkLoadable('loyalty program', () => new LoyaltyProgramInForce().use(asStored(input)));
    await this.deps.store.setSetting(SETTING, JSON.stringify(input));
    this.deps.inForce.use(input);
    await this.deps.bus.publish('loyalty', { origin: this.deps.nodeId });
    void this.deps.backfill.run({
      change: { eventNames: new Set(), traits: false, everything: true },
      rebuild: { program },
      progress: (state) => this.deps.store.setSetting(PROGRESS, JSON.stringify(state)),
    });
    return input;
  }

  async #reload(): Promise<void> {
    const stored = await this.deps.store.getSetting(SETTING);
    const [program] = loadEach(
      'loyalty-program',
      stored === undefined ? [] : [stored],
      () => 'program',
      (text) => {
        const input = JSON.parse(text) as LoyaltyProgramInput;
        new LoyaltyProgramInForce().use(input);
        return input;
      },
      this.deps.reportUnloadable,
    );
    this.deps.inForce.use(program);
  }
}

/**
 * The back-fill's progress as stored. A value that does not read as one (a hand edit, a torn
 * write) is left out of the answer: it is bookkeeping, and must not fail the program's read.
 */
function progressOf(text: string | undefined): { backfill?: BackfillState } {
  if (text === undefined) return {};
  try {
    const state = JSON.parse(text) as Partial<BackfillState> | null;
    return typeof state?.status === 'string' ? { backfill: state as BackfillState } : {};
  } catch {
    return {};
  }
}
