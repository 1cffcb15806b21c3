/** Content slots: targeted, scheduled variants, and the choice of the one a viewer sees. */
export { chooseVariant, type ChosenContent, type ContentViewer } from './choose-variant.js';
export { ContentError, type ContentErrorCode } from './errors.js';
export {
  draftContentSlot,
  isDefault,
  type ContentAudience,
  type ContentSlot,
  type ContentSlotDraft,
  type ContentSlotInput,
  type ContentVariant,
} from './slot.js';
