import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { isCurrencyCode } from '../../domain/shared/index.js';
import { isErrorCode, type ErrorCode } from './error-catalog.js';
import type { ProblemLocation } from './problem.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** Schema annotation naming the problem code when this schema fails (`Money.amount` → `invalid_money`). */
export const ERROR_CODE_KEYWORD = 'x-error-code';

function createAjv(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: false,
    coerceTypes,
    removeAdditional: false,
    useDefaults: false,
    verbose: true,
    strict: true,
    strictRequired: false,
    // NaN and Infinity (`1e309` in JSON or a query) are never numbers a field can hold.
    strictNumbers: true,
    // Tagged unions (`TaggedUnion`): only the branch the tag names is checked and reported.
    discriminator: true,
  });
  addFormats(ajv, ['date-time', 'uri', 'email']);
  ajv.addFormat('iso4217', { type: 'string', validate: isCurrencyCode });
  ajv.addKeyword({ keyword: ERROR_CODE_KEYWORD, schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-read-only', schemaType: 'boolean' });
  return ajv;
}

// Bodies are JSON: nothing is coerced, so "12" is not the integer 12. Query strings and path
// parameters are text: numbers and booleans in them are coerced.
const bodyAjv = createAjv(false);
const parameterAjv = createAjv(true);

/** Fastify validator compiler: strict for bodies, coercing for query strings, params and headers. */
export const compileValidator: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  httpPart === 'body'
    ? bodyAjv.compile(schema as object)
    : finiteNumbersOnly(parameterAjv.compile(schema as object));

/**
 * Ajv coerces `?limit=1e309` (or `Infinity`) to Infinity and then skips the bounds, so a coerced
 * parameter is also refused when it came out infinite or NaN: no route is handed a number it
 * cannot count with.
 */
function finiteNumbersOnly(validate: ValidateFunction): ValidateFunction {
  const checked = ((data: unknown) => {
    if (!validate(data)) {
      checked.errors = validate.errors ?? null;
      return false;
    }
    const field = Object.entries(data as Record<string, unknown>).find(
      ([, value]) => typeof value === 'number' && !Number.isFinite(value),
    );
    checked.errors =
      field === undefined
        ? null
        : [
            {
              keyword: 'maximum',
              instancePath: `/${escapePointer(field[0])}`,
              schemaPath: '',
              params: {},
              message: 'must be a finite number',
            },
          ];
    return field === undefined;
  }) as ValidateFunction;
  return checked;
}

/** Compiles a schema for use outside a route (file imports validate rows like request bodies). */
export function compileBodyValidator<T>(schema: object): ValidateFunction<T> {
  return bodyAjv.compile<T>(schema);
}

export interface FieldError {
  readonly code: ErrorCode;
  readonly pointer: string;
  readonly detail: string;
  /** For a field that takes one of a fixed set of values (an enum): that set. */
  readonly allowed?: readonly unknown[];
}

/**
 * The values a field allows when its schema is a choice of constants (TypeBox's union of literals,
 * which Ajv checks as `anyOf` of `const` and reports branch by branch), else `undefined`.
 */
function allowedValuesAt(
  instancePath: string,
  errors: readonly ErrorObject[],
): readonly unknown[] | undefined {
  const choice = errors.find((error) => error.keyword === 'anyOf' && error.instancePath === instancePath);
  const branches = choice?.schema;
  if (!Array.isArray(branches) || branches.length === 0) return undefined;
  const values = branches.map((branch: unknown) =>
    typeof branch === 'object' && branch !== null && 'const' in branch ? branch.const : undefined,
  );
  if (values.some((value) => value === undefined)) return undefined;
  return values;
}

/** A tagged union's tag that is not a string, or names no branch: the tag field, with the tags allowed. */
function tagError(error: ErrorObject): FieldError {
  const { error: kind, tag } = error.params as { error: string; tag: string };
  const pointer = `${error.instancePath}/${escapePointer(tag)}`;
  if (kind === 'tag') return { code: 'invalid_type', pointer, detail: `${pointer} must be a string` };
  const branches = (error.parentSchema as { oneOf?: unknown[] } | undefined)?.oneOf ?? [];
  const allowed = branches.map(
    (branch) => (branch as { properties?: Record<string, { const?: unknown }> }).properties?.[tag]?.const,
  );
  return {
    code: 'invalid_value',
    pointer,
    detail: `${pointer} must be one of ${allowed.map((value) => JSON.stringify(value)).join(', ')}`,
    allowed,
  };
}

/** Turns one Ajv error into a problem field error: a precise code and the JSON pointer of the field. */
export function toFieldError(error: ErrorObject, all: readonly ErrorObject[] = [error]): FieldError {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    const field = String(params['additionalProperty']);
    return {
      code: 'unknown_field',
      pointer: `${error.instancePath}/${escapePointer(field)}`,
      detail: `unknown field ${field}`,
    };
  }
  if (error.keyword === 'required') {
    const field = String(params['missingProperty']);
    return {
      code: 'missing_field',
      pointer: `${error.instancePath}/${escapePointer(field)}`,
      detail: `${field} is required`,
    };
  }
  if (error.keyword === 'discriminator') return tagError(error);
  const allowed = allowedValuesAt(error.instancePath, all);
  if (allowed !== undefined) {
    return {
      code: 'invalid_value',
      pointer: error.instancePath,
      detail: `${error.instancePath === '' ? 'the value' : error.instancePath} must be one of ${allowed.map((value) => JSON.stringify(value)).join(', ')}`,
      allowed,
    };
  }
  const annotated = (error.parentSchema as Record<string, unknown> | undefined)?.[ERROR_CODE_KEYWORD];
  const code =
    typeof annotated === 'string' && isErrorCode(annotated) ? annotated : codeForKeyword(error.keyword);
  const field = error.instancePath === '' ? 'the value' : error.instancePath;
  return { code, pointer: error.instancePath, detail: `${field} ${error.message ?? 'is not valid'}` };
}

/** Where Fastify's `validationContext` points, in problem terms. */
export function locationOf(context: string | undefined): ProblemLocation {
  if (context === 'querystring') return 'query';
  if (context === 'params') return 'path';
  if (context === 'headers') return 'header';
  return 'body';
}

function codeForKeyword(keyword: string): ErrorCode {
  switch (keyword) {
    case 'type':
      return 'invalid_type';
    case 'format':
    case 'pattern':
      return 'invalid_format';
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minLength':
    case 'maxLength':
    case 'minProperties':
    case 'maxProperties':
    case 'minItems':
      return 'out_of_range';
    case 'maxItems':
      return 'too_many_items';
    default:
      return 'invalid_value';
  }
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
