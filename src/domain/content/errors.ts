/** Codes raised by content slots. */
export type ContentErrorCode = 'invalid_content_slot' | 'content_slot_not_found';
