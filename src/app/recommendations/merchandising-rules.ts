import { followOtherNodes, rereadOnChange } from '../follow-other-nodes.js';
import type { Merchandising } from '../../domain/recommendations/index.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { SettingsStore } from '../../ports/store.js';
import { asStored, checkLoadable, loadEach, type ShapeCheck, type UnloadableReport } from '../loadable.js';

/** Merchandising is one small document, kept with the store-wide settings every node reads. */
const KEY = 'recommendations.rules';

export interface MerchandisingRulesDeps {
  readonly store: SettingsStore;
  readonly bus: EventBus;
  readonly nodeId: string;
  /** What the rules are written as: stored rules that no longer are, are left out (none in force). */
  readonly shape: ShapeCheck;
  /** Stored rules that do not load are reported here. */
  readonly reportUnloadable: UnloadableReport;
}

/**
 * The merchant's boosts, pins and diversity rules for recommendations (`PUT /v1/recommendations/rules`):
 * held in memory for every answer, stored as a setting, re-read when another node changes them.
 */
export class MerchandisingRules {
  #current: Merchandising = {};

  constructor(private readonly deps: MerchandisingRulesDeps) {}

  /** Follows other nodes' changes, then reads the rules in force. */
  async start(): Promise<void> {
    const { bus, nodeId } = this.deps;
    await followOtherNodes(
      bus,
      nodeId,
      'recommendations',
      rereadOnChange(async () => {
        this.#current = await this.#read();
      }),
    );
    this.#current = await this.#read();
  }

  /** The rules in force. */
  current(): Merchandising {
    return this.#current;
  }

  /** Stores new rules, applies them here at once and tells the other nodes. */
  async put(merchandising: Merchandising): Promise<Merchandising> {
    checkLoadable('merchandising rules', () => this.#load(JSON.stringify(asStored(merchandising))));
    await this.deps.store.setSetting(KEY, JSON.stringify(merchandising));
    this.#current = merchandising;
    await this.deps.bus.publish('recommendations', { origin: this.deps.nodeId });
    return merchandising;
  }

  async #read(): Promise<Merchandising> {
    const stored = await this.deps.store.getSetting(KEY);
    const [rules] = loadEach(
      'merchandising-rules',
      stored === undefined ? [] : [stored],
      () => 'rules',
      (text) => this.#load(text),
      this.deps.reportUnloadable,
    );
    return rules ?? {};
  }

  #load(text: string): Merchandising {
    const rules = JSON.parse(text) as unknown;
    this.deps.shape(rules);
    return rules as Merchandising;
  }
}
