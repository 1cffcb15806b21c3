import type { ContentSlot, ContentSlotDraft } from '../domain/content/index.js';
import type { VersionPrecondition, WriteOptions } from './catalog-store.js';

/** Content slots, each one versioned document. */
export interface ContentStore {
  putContentSlot(draft: ContentSlotDraft, options: WriteOptions): Promise<ContentSlot>;
  getContentSlot(id: string): Promise<ContentSlot | undefined>;
  listContentSlots(): Promise<ContentSlot[]>;
  deleteContentSlot(id: string, ifVersion: VersionPrecondition | undefined): Promise<boolean>;
}
