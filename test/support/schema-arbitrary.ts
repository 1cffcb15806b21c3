import fc from 'fast-check';

/** A JSON Schema as the served OpenAPI document writes one (no `$ref`: the routes inline theirs). */
export type JsonSchema = Readonly<Record<string, any>>;

/**
 * Values a test fixture created, by the name of the field or parameter that takes them: generated
 * requests name existing things often enough to get past "not found" to the code behind it.
 */
export type Known = Readonly<Record<string, readonly string[]>>;

const MAX_DEPTH = 6;
const MAX_ITEMS = 3;
const MAX_STRING = 24;

/**
 * Values that mostly satisfy `schema` (schemathesis-like): types, enums and constants, string
 * lengths, patterns and formats, number bounds, required and optional properties, array bounds,
 * and the schema's own examples. Free-form parts (no type) get any JSON. `name` is the field's name,
 * for `known` values.
 */
export function arbitraryFor(
  schema: JsonSchema,
  known: Known = {},
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const named = known[name];
  const generated = fromSchema(schema, known, depth);
  if (named !== undefined && named.length > 0 && accepts(schema, 'string'))
    return fc.oneof({ arbitrary: fc.constantFrom(...named), weight: 3 }, { arbitrary: generated, weight: 1 });
  const examples = Array.isArray(schema['examples']) ? (schema['examples'] as unknown[]) : [];
  return examples.length > 0 ? fc.oneof(fc.constantFrom(...examples), generated) : generated;
}

function fromSchema(schema: JsonSchema, known: Known, depth: number): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema['const']);
  if (Array.isArray(schema['enum']) && schema['enum'].length > 0) return fc.constantFrom(...schema['enum']);
  const choices = (schema['anyOf'] ?? schema['oneOf']) as JsonSchema[] | undefined;
  if (Array.isArray(choices) && choices.length > 0)
    return fc.oneof(
      ...choices.map((choice) => arbitraryFor({ ...withoutChoices(schema), ...choice }, known, '', depth)),
    );
  const type = schema['type'];
  if (Array.isArray(type))
    return fc.oneof(...type.map((one: string) => fromSchema({ ...schema, type: one }, known, depth)));
  switch (type) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return fc.integer(bounds(schema, true));
    case 'number':
      return fc.oneof(
        fc.integer(bounds(schema, true)),
        fc.double({ ...bounds(schema, false), noNaN: true, noDefaultInfinity: true }),
      );
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return arrayFor(schema, known, depth);
    case 'object':
      return objectFor(schema, known, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function withoutChoices(schema: JsonSchema): JsonSchema {
  const { anyOf: _anyOf, oneOf: _oneOf, examples: _examples, ...rest } = schema;
  return rest;
}

function accepts(schema: JsonSchema, type: string): boolean {
  return schema['type'] === type || (Array.isArray(schema['type']) && schema['type'].includes(type));
}

function bounds(schema: JsonSchema, integer: boolean): { min: number; max: number } {
  const exclusive =
    typeof schema['exclusiveMinimum'] === 'number'
      ? schema['exclusiveMinimum'] + (integer ? 1 : 1e-6)
      : undefined;
  const min = Math.max(schema['minimum'] ?? exclusive ?? -1_000, -1_000_000);
  const max = Math.min(schema['maximum'] ?? min + 100_000, 1_000_000_000);
  return { min, max: Math.max(min, max) };
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = (schema['minLength'] as number | undefined) ?? 0;
  const maxLength = Math.max(
    minLength,
    Math.min((schema['maxLength'] as number | undefined) ?? MAX_STRING, MAX_STRING),
  );
  switch (schema['format']) {
    case 'date-time':
      return fc
        .date({ min: new Date('2024-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
        .map((date) => date.toISOString());
    case 'uri':
      // Loopback, refused at once: a name would wait on DNS (the fuzzing node allows private targets).
      return fc.constantFrom('http://127.0.0.1:9/attune', 'http://localhost:9/x');
    case 'iso4217':
      return fc.constantFrom('GBP', 'EUR', 'USD');
    default:
      break;
  }
  if (typeof schema['pattern'] === 'string') {
    const pattern = new RegExp(schema['pattern'], 'u');
    // The schema's own bounds, not the cap above: a pattern may ask for more (`whsec_` and 32 characters).
    const longest = (schema['maxLength'] as number | undefined) ?? Number.MAX_SAFE_INTEGER;
    return fc.stringMatching(pattern).filter((value) => value.length >= minLength && value.length <= longest);
  }
  return fc.string({ minLength, maxLength });
}

function arrayFor(schema: JsonSchema, known: Known, depth: number): fc.Arbitrary<unknown[]> {
  const items = (schema['items'] as JsonSchema | undefined) ?? {};
  const minLength = (schema['minItems'] as number | undefined) ?? 0;
  const maxLength = Math.max(
    minLength,
    Math.min((schema['maxItems'] as number | undefined) ?? MAX_ITEMS, minLength + MAX_ITEMS),
  );
  const item = depth >= MAX_DEPTH ? fc.constant(null) : arbitraryFor(items, known, '', depth + 1);
  return schema['uniqueItems'] === true
    ? fc.uniqueArray(item, { minLength, maxLength, selector: (value) => JSON.stringify(value) })
    : fc.array(item, { minLength, maxLength });
}

function objectFor(schema: JsonSchema, known: Known, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = (schema['properties'] as Record<string, JsonSchema> | undefined) ?? {};
  const required = new Set((schema['required'] as string[] | undefined) ?? []);
  if (depth >= MAX_DEPTH) return fc.constant({});
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, property]) => [key, arbitraryFor(property, known, key, depth + 1)]),
  );
  const record = fc.record(model, { requiredKeys: [...required].filter((key) => key in properties) });
  const extra = schema['additionalProperties'];
  if (Object.keys(properties).length > 0 || extra === false || extra === undefined) return record;
  // A map (attributes, traits, properties): a few keys of its value schema.
  const value =
    typeof extra === 'object'
      ? arbitraryFor(extra as JsonSchema, known, '', depth + 1)
      : fc.jsonValue({ maxDepth: 1 });
  return fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/), value, { maxKeys: MAX_ITEMS });
}
