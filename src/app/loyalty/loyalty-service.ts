import {
  draftLoyaltyProgram,
  type LoyaltyProgram,
  type LoyaltyProgramInput,
} from '../../domain/profiles/index.js';
import type { EventBus } from '../../ports/event-bus.js';
import { followOtherNodes } from '../follow-other-nodes.js';
import type { BackfillState, Store } from '../../ports/store.js';
import type { BackfillRunner } from '../segments/backfill-runner.js';

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
  #input: LoyaltyProgramInput | undefined;
  #program: LoyaltyProgram | undefined;

  constructor(
    private readonly deps: {
      readonly store: Store;
      readonly bus: EventBus;
      readonly backfill: BackfillRunner;
      readonly nodeId: string;
      readonly onChange?: () => void;
    },
  ) {}

  async start(): Promise<void> {
    await this.#reload();
    await followOtherNodes(this.deps.bus, this.deps.nodeId, 'loyalty', () => this.#reload());
  }

  program(): LoyaltyProgram | undefined {
    return this.#program;
  }

  async get(): Promise<StoredProgram | undefined> {
    if (this.#input === undefined) return undefined;
    const progress = await this.deps.store.getSetting(PROGRESS);
    return {
      ...this.#input,
      ...(progress !== undefined && { backfill: JSON.parse(progress) as BackfillState }),
    };
  }

  /** @throws DomainError `invalid_loyalty_program`. */
  async put(input: LoyaltyProgramInput): Promise<StoredProgram> {
    const program = draftLoyaltyProgram(input);
    await this.deps.store.setSetting(SETTING, JSON.stringify(input));
    this.#input = input;
    this.#program = program;
    this.deps.onChange?.();
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
    this.#input = stored === undefined ? undefined : (JSON.parse(stored) as LoyaltyProgramInput);
    this.#program = this.#input === undefined ? undefined : draftLoyaltyProgram(this.#input);
    this.deps.onChange?.();
  }
}
