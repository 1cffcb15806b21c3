import {
  chooseVariant,
  draftContentSlot,
  type ContentSlot,
  type ContentSlotDraft,
  type ContentSlotInput,
  type ContentViewer,
  ContentError,
} from '../../domain/content/index.js';
import { copyRecord } from '../../domain/shared/index.js';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import { followOtherNodes, rereadOnChange } from '../follow-other-nodes.js';
import { asStored, checkLoadable, loadEach, type UnloadableReport } from '../loadable.js';
import type { Store, VersionPrecondition } from '../../ports/store.js';
import { deviceTypeOf, type CustomerContext } from '../customers/customer-context.js';

/** The variant a slot shows this viewer now, and why. */
export interface ResolvedContent {
  readonly variantId: string;
  readonly payload: unknown;
  readonly reason: string;
}

/**
 * Content slots. Every slot lives in memory and is re-read when one changes on any node; choosing a
 * variant reads memory only.
 */
export class ContentService {
  #slots = new Map<string, ContentSlot>();
  /** Reloads run one after another, so an older read never lands after a newer one. */
  #reloading: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: {
      readonly store: Store;
      readonly bus: EventBus;
      readonly clock: Clock;
      readonly nodeId: string;
      /** Stored slots that do not load are left out and reported here. */
      readonly reportUnloadable: UnloadableReport;
    },
  ) {}

  async start(): Promise<void> {
    // Subscribe first: a change made elsewhere while the slots load is then read again after.
    await followOtherNodes(
      this.deps.bus,
      this.deps.nodeId,
      'content',
      rereadOnChange(() => this.#reload()),
    );
    await this.#reload();
  }

  /** @throws DomainError `invalid_content_slot`, `version_conflict`. */
  async put(id: string, input: ContentSlotInput, ifVersion?: VersionPrecondition): Promise<ContentSlot> {
    const draft = draftContentSlot(id, input);
    checkLoadable('content slot', () => loadSlot(asStored(draft)));
    const slot = await this.deps.store.putContentSlot(draft, {
      now: this.deps.clock.now(),
      ifVersion,
    });
    await this.#changed();
    return slot;
  }

  /** @throws DomainError `content_slot_not_found`. */
  get(id: string): ContentSlot {
    const slot = this.#slots.get(id);
    if (slot === undefined) throw notFound(id);
    return slot;
  }

  async delete(id: string, ifVersion?: VersionPrecondition): Promise<void> {
    if (!(await this.deps.store.deleteContentSlot(id, ifVersion))) throw notFound(id);
    await this.#changed();
  }

  /** What each named slot shows this customer now; a slot that does not exist is left out. */
  resolve(slots: readonly string[], customer: CustomerContext): Record<string, ResolvedContent> {
    const viewer = viewerOf(customer);
    const now = this.deps.clock.now();
    // Keyed by slot ids: any id, `__proto__` too, is a plain key.
    const resolved: Record<string, ResolvedContent> = copyRecord();
    for (const id of slots) {
      const slot = this.#slots.get(id);
      if (slot === undefined) continue;
      const tested = customer.experiments?.content.get(id);
      const forced =
        tested === undefined ? undefined : slot.variants.find((variant) => variant.id === tested);
      if (forced !== undefined) {
        resolved[id] = { variantId: forced.id, payload: forced.payload, reason: 'experiment' };
        continue;
      }
      const { variant, reason } = chooseVariant(slot, viewer, now);
      resolved[id] = { variantId: variant.id, payload: variant.payload, reason };
    }
    return resolved;
  }

  async #changed(): Promise<void> {
    await this.#reload();
    await this.deps.bus.publish('content', { origin: this.deps.nodeId });
  }

  #reload(): Promise<void> {
    this.#reloading = this.#reloading
      .catch(() => undefined)
      .then(async () => {
        const slots = loadEach(
          'content-slot',
          await this.deps.store.listContentSlots(),
          (slot) => slot.id,
          loadSlot,
          this.deps.reportUnloadable,
        );
        this.#slots = new Map(slots.map((slot) => [slot.id, slot]));
      });
    return this.#reloading;
  }
}

/** A stored slot, checked as its write was: one that would not pass is not served. */
function loadSlot<T extends ContentSlotDraft>(slot: T): T {
  draftContentSlot(slot.id, slot);
  return slot;
}

/** The viewer as audiences see them: segments and tier (only with consent), and the request's context. */
function viewerOf(customer: CustomerContext): ContentViewer {
  const { context } = customer;
  const page = context.page as { type?: unknown } | undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : undefined);
  const [deviceType, channel, pageType] = [
    text(deviceTypeOf(context)),
    text(context.channel),
    text(page?.type),
  ];
  return {
    segments: new Set(customer.segments),
    ...(customer.loyaltyTier !== undefined && { loyaltyTier: customer.loyaltyTier }),
    ...(customer.pricing.country !== undefined && { country: customer.pricing.country }),
    ...(deviceType !== undefined && { device: deviceType }),
    ...(channel !== undefined && { channel }),
    ...(pageType !== undefined && { pageType }),
  };
}

function notFound(id: string): ContentError {
  return new ContentError('content_slot_not_found', `no content slot ${id}`, {});
}
