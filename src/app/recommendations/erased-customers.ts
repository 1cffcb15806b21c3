import { followOtherNodes } from '../follow-other-nodes.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { ProfileService } from '../profiles/profile-service.js';
import type { ServingModels } from './serving-models.js';

/** How long after an erasure its rebuild starts; more erasures meanwhile share it. */
const ERASURE_REBUILD_DELAY_MS = 30_000;

export interface ErasedCustomersDeps {
  readonly bus: EventBus;
  readonly nodeId: string;
  readonly profiles: ProfileService;
  readonly serving: ServingModels;
  /** Rebuilds the models from the store (which no longer holds the erased customers). */
  readonly rebuild: () => Promise<unknown>;
  readonly onError: (error: unknown) => void;
}

/**
 * Customers erased here or on another node leave the models: their history at once, with lessons
 * about them still on their way; their part in shared counts with a rebuild soon after (erasures
 * come in bursts, and each rebuild reads the whole log).
 */
export class ErasedCustomers {
  #rebuildTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: ErasedCustomersDeps) {}

  /** Follows erasures made on this node and on the others. */
  async start(): Promise<void> {
    const { bus, nodeId, profiles } = this.deps;
    profiles.onErased(({ profileId }) => this.#erased(profileId));
    await followOtherNodes(bus, nodeId, 'erasures', {
      changed: ({ profileId }) => this.#erased(profileId),
      // Who was erased is not known: the rebuild reads a log that no longer holds them.
      missed: () => this.#rebuildSoon(),
    });
  }

  stop(): void {
    clearTimeout(this.#rebuildTimer);
  }

  #erased(profileId: string): void {
    this.deps.serving.forget(profileId);
    this.#rebuildSoon();
  }

  #rebuildSoon(): void {
    if (this.#rebuildTimer !== undefined) return;
    this.#rebuildTimer = setTimeout(() => {
      this.#rebuildTimer = undefined;
      void this.deps.rebuild().catch(this.deps.onError);
    }, ERASURE_REBUILD_DELAY_MS);
    this.#rebuildTimer.unref();
  }
}
