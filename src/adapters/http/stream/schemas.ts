import { Type } from '@sinclair/typebox';
import { CurrencyCode, CustomerIdField, StrictObject } from '../common-schemas.js';
import { ERROR_CODE_KEYWORD } from '../validation.js';

const ID = '[A-Za-z0-9._:\\-]{1,128}';
/** The page's context, as decide's `context` carries it: price lists and segments may read it. */
const ContextValue = Type.String({ minLength: 1, maxLength: 64 });

/** The stream's query: a browser's EventSource cannot send headers, so key and token come here. */
export const StreamQuery = StrictObject({
  userId: Type.Optional(CustomerIdField),
  anonymousId: Type.Optional(CustomerIdField),
  key: Type.Optional(Type.String({ maxLength: 512, description: 'a publishable (or secret) API key' })),
  token: Type.Optional(
    Type.String({ maxLength: 4096, description: 'the customer token for userId (without it, anonymous)' }),
  ),
  currency: Type.Optional(CurrencyCode),
  country: Type.Optional(ContextValue),
  channel: Type.Optional(ContextValue),
  device: Type.Optional(ContextValue),
  products: Type.Optional(
    Type.String({
      pattern: `^${ID}(,${ID}){0,49}$`,
      maxLength: 6_500,
      [ERROR_CODE_KEYWORD]: 'invalid_id',
      description:
        'up to 50 comma-separated ids of products the page shows; the cart and recent views are added',
    }),
  ),
  lastEventId: Type.Optional(
    Type.String({ maxLength: 64, description: 'resume after this id (as the Last-Event-ID header does)' }),
  ),
});
