import {
  Type,
  type ObjectOptions,
  type Static,
  type TObject,
  type TProperties,
  type TSchema,
  type TUnion,
} from '@sinclair/typebox';
import { ID_PATTERN, MAX_AMOUNT } from '../../domain/shared/index.js';
import { ERROR_CODE_KEYWORD } from './validation.js';

/** An object schema that rejects fields it does not list: unknown fields are a 400 (docs/api.md). */
export function StrictObject<T extends TProperties>(properties: T, options: ObjectOptions = {}) {
  return Type.Object(properties, { additionalProperties: false, ...options });
}

/**
 * A union of objects told apart by a `tag` field that each branch holds as a literal (`type`).
 * Ajv validates only the branch the tag names, so a problem names what is wrong in that branch: an
 * `anyOf` reports the first branch that fails, whatever the tag says (a `fixed_price` action with a
 * bad category was refused for a missing `target`, a field of `percent_off`).
 */
export function TaggedUnion<T extends TObject[]>(
  tag: string,
  branches: [...T],
  options: { description?: string } = {},
) {
  return Type.Unsafe<Static<TUnion<T>>>({
    type: 'object',
    required: [tag],
    discriminator: { propertyName: tag },
    oneOf: branches,
    ...options,
  });
}

/** A client-chosen id (products, segments, price lists, ...). */
export const Id = Type.String({
  pattern: ID_PATTERN,
  [ERROR_CODE_KEYWORD]: 'invalid_id',
  description: '1-128 characters of A-Z a-z 0-9 . _ : -',
  examples: ['85123A'],
});

/** An ISO 4217 alphabetic currency code. */
export const CurrencyCode = Type.String({
  format: 'iso4217',
  [ERROR_CODE_KEYWORD]: 'unknown_currency',
  description: 'ISO 4217 alphabetic code',
  examples: ['GBP'],
});

/** Money in integer minor units, never negative. */
export const Amount = Type.Integer({
  minimum: 0,
  maximum: MAX_AMOUNT,
  [ERROR_CODE_KEYWORD]: 'invalid_money',
  description: 'integer minor units (pence for GBP)',
  examples: [295],
});

/** An amount with its currency. */
export const Money = StrictObject(
  { amount: Amount, currency: CurrencyCode },
  { description: 'money in integer minor units of an ISO 4217 currency' },
);

/** An ISO 8601 UTC timestamp. */
export const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601, UTC' });

/** One value of a free attribute. */
export const AttributeScalar = Type.Union([Type.String({ maxLength: 1000 }), Type.Number(), Type.Boolean()]);

/** Free attributes (products, collection filters, matches). */
export const Attributes = Type.Record(
  Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,64}$' }),
  Type.Union([AttributeScalar, Type.Array(AttributeScalar, { maxItems: 100 })]),
  { maxProperties: 100, description: 'free attributes: a scalar or a list of scalars each' },
);

/** The experiments a viewer is in, as every storefront answer lists them. */
export const ExperimentEntries = Type.Array(
  Type.Object({ experimentId: Type.String(), variant: Type.String() }),
  { description: 'the experiments whose variants this answer applies' },
);

/** A userId or anonymousId a storefront request names. */
export const CustomerIdField = Type.String({ minLength: 1, maxLength: 256 });

/** A path with one `{id}`. */
export const IdParams = StrictObject({ id: Id });

/**
 * The storefront request's context (channel, device, country, locale, page, ...): price lists,
 * promotions, content and segments may read it. Open: a storefront may add its own keys.
 */
export const RequestContext = Type.Object(
  {
    channel: Type.Optional(Type.String({ maxLength: 100 })),
    device: Type.Optional(Type.String({ maxLength: 100 })),
    country: Type.Optional(Type.String({ maxLength: 100 })),
    locale: Type.Optional(Type.String({ maxLength: 100 })),
  },
  {
    additionalProperties: true,
    description: 'the request context: channel, device, country, locale, page, ...',
  },
);

/**
 * A slash-separated category path (`home/kitchen/mugs`; case and spaces around segments do not
 * count). One that names no segment (`' / '`) is refused: it would select nothing, silently.
 */
export const CategoryPath = Type.String({
  minLength: 1,
  maxLength: 300,
  pattern: '[^\\s/]',
  [ERROR_CODE_KEYWORD]: 'invalid_category',
  description: 'a slash-separated path such as home/kitchen/mugs, with at least one named segment',
});

/**
 * `schema` as what a node loads and answers is checked against, rather than what it accepts: a
 * category path that names no segment was stored before {@link CategoryPath} refused it, and is
 * kept as written (it selects nothing), so a stored rule holding one still loads and still reads
 * back. A response's union picks its branch by validating, so it needs this too.
 */
export function asStored<T extends TSchema>(schema: T): T {
  return withoutCategoryCheck(schema) as T;
}

function withoutCategoryCheck(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutCategoryCheck);
  if (typeof node !== 'object' || node === null) return node;
  const copy: Record<string | symbol, unknown> = {};
  // Symbol keys too: TypeBox marks kinds and optional fields with them.
  for (const key of Reflect.ownKeys(node))
    copy[key] = withoutCategoryCheck((node as Record<string | symbol, unknown>)[key]);
  if (copy[ERROR_CODE_KEYWORD] === 'invalid_category') delete copy['pattern'];
  return copy;
}

/** Which products a price-list rule, promotion or merchandising boost applies to. */
export const ProductMatch = StrictObject({
  productIds: Type.Optional(Type.Array(Id, { maxItems: 10_000 })),
  categories: Type.Optional(Type.Array(CategoryPath, { maxItems: 100 })),
  brands: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 100 })),
  collections: Type.Optional(Type.Array(Id, { maxItems: 100 })),
  attributes: Type.Optional(Attributes),
});

/** The progress of a back-fill over every profile (after a segment or the loyalty program changes). */
export const Backfill = Type.Object({
  status: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  processed: Type.Integer(),
  total: Type.Integer(),
  startedAt: Timestamp,
  finishedAt: Type.Optional(Timestamp),
  error: Type.Optional(Type.String()),
});

/** The paging fields of a list query (`?limit=&cursor=`), to spread into its schema. */
export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: 'page size, default 50' })),
  cursor: Type.Optional(Type.String({ maxLength: 512, description: 'nextCursor of the previous page' })),
};

/** The query of a list with nothing but paging. */
export const PageOnlyQuery = StrictObject(PageQuery);

/** A cursor-paginated list of `item`. */
export function PageOf<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'null on the last page' }),
  });
}

/** RFC 9457 problem details, with Attune's stable `code`. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'stable, machine-readable; see docs/errors.md' }),
    detail: Type.Optional(Type.String()),
    pointer: Type.Optional(Type.String({ description: 'JSON Pointer to the offending field' })),
    in: Type.Optional(
      Type.Union([Type.Literal('body'), Type.Literal('query'), Type.Literal('path'), Type.Literal('header')]),
    ),
  },
  { additionalProperties: true },
);

/** Documented error answers shared by authenticated routes. */
export const commonProblems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
};

const INCLUDE_DESCRIPTION =
  'product: title, images, handle, inStock (and reasons with titles); price: the price this customer pays and the badges';

/** What an answer adds to each product it names: its card (`product`), its price and badges (`price`). */
export function includeField(defaults = 'none') {
  return Type.Array(Type.Union([Type.Literal('product'), Type.Literal('price')]), {
    maxItems: 2,
    uniqueItems: true,
    description: `${INCLUDE_DESCRIPTION}; default ${defaults}`,
  });
}

/** `include` where an answer carries ids only unless asked. */
export const Include = includeField();
