import fc from 'fast-check';

/** The ways a careless or hostile client spoils an otherwise valid request. */
export const MUTATIONS = [
  'nul',
  'reserved-value',
  'reserved-key',
  'deep-nesting',
  'huge-number',
  'negative-number',
  'fractional-number',
  'long-string',
  'wrong-type',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

/** JavaScript names that break code using plain objects as maps (`{}`[name] is never undefined). */
export const RESERVED_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
] as const;

const HUGE = '@@attune-fuzz-huge@@';
const DEEP = '@@attune-fuzz-deep@@';
/** As deep as the review's reproduction nested a free-form field. */
const DEEP_LEVELS = 10_000;
const WRONG_TYPES: readonly unknown[] = [{}, [], true, 'abc', 1, null];

/**
 * The JSON text of `value` with one place (the `at`-th leaf or object, wrapping round) spoiled by
 * `mutation`. Built as text so it can hold what JSON.stringify cannot (1e309, 10,000 levels).
 */
export function mutatedJson(value: unknown, mutation: Mutation, at: number, pick: number): string {
  const copy: unknown = structuredClone(value);
  const places = placesIn(copy);
  const place = places[at % places.length];
  if (place === undefined) return spoiledText(JSON.stringify(spoil(copy, mutation, pick)));
  if (mutation === 'reserved-key') {
    const target = place.parent !== undefined && isObject(place.current) ? place.current : copy;
    if (isObject(target)) defineOwn(target, RESERVED_NAMES[pick % RESERVED_NAMES.length] as string, 'x');
    return spoiledText(JSON.stringify(isObject(copy) ? copy : spoil(copy, mutation, pick)));
  }
  if (place.parent === undefined) return spoiledText(JSON.stringify(spoil(copy, mutation, pick)));
  defineOwn(place.parent, place.key, spoil(place.current, mutation, pick));
  return spoiledText(JSON.stringify(copy));
}

/** A path or query value spoiled by `mutation` (before URL encoding). */
export function mutatedParameter(value: string, mutation: Mutation, pick: number): string {
  switch (mutation) {
    case 'nul':
      return `${value}\u0000`;
    case 'reserved-value':
    case 'reserved-key':
      return RESERVED_NAMES[pick % RESERVED_NAMES.length] as string;
    case 'deep-nesting':
      return '['.repeat(200) + ']'.repeat(200);
    case 'huge-number':
      return '1e309';
    case 'negative-number':
      return '-1';
    case 'fractional-number':
      return '2.5';
    case 'long-string':
      return 'x'.repeat(5_000);
    case 'wrong-type':
      return ['abc', 'true', '{}', ''][pick % 4] as string;
  }
}

/** A mutation and where and how it applies, for fast-check to draw. */
export function mutationArbitrary(allowed: readonly Mutation[]) {
  return fc.record({ mutation: fc.constantFrom(...allowed), at: fc.nat(), pick: fc.nat() });
}

interface Place {
  readonly parent: Record<string, unknown> | unknown[] | undefined;
  readonly key: string;
  readonly current: unknown;
}

function placesIn(root: unknown): Place[] {
  const places: Place[] = [{ parent: undefined, key: '', current: root }];
  const walk = (parent: Record<string, unknown> | unknown[]) => {
    for (const [key, current] of Object.entries(parent)) {
      places.push({ parent, key, current });
      if (current !== null && typeof current === 'object') walk(current as Record<string, unknown>);
    }
  };
  if (root !== null && typeof root === 'object') walk(root as Record<string, unknown>);
  return places;
}

function spoil(current: unknown, mutation: Mutation, pick: number): unknown {
  switch (mutation) {
    case 'nul':
      return typeof current === 'string' ? `${current}\u0000` : 'x\u0000';
    case 'reserved-value':
    case 'reserved-key':
      return RESERVED_NAMES[pick % RESERVED_NAMES.length];
    case 'deep-nesting':
      return DEEP;
    case 'huge-number':
      return HUGE;
    case 'negative-number':
      return typeof current === 'number' ? -Math.abs(current) - 1 : -1;
    case 'fractional-number':
      return typeof current === 'number' ? current + 0.5 : 0.5;
    case 'long-string':
      return 'x'.repeat(20_000);
    case 'wrong-type':
      return WRONG_TYPES[pick % WRONG_TYPES.length];
  }
}

function spoiledText(json: string): string {
  return json
    .replaceAll(JSON.stringify(HUGE), '1e309')
    .replaceAll(JSON.stringify(DEEP), '['.repeat(DEEP_LEVELS) + ']'.repeat(DEEP_LEVELS));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Sets an own, enumerable property, `__proto__` included (plain assignment would set the prototype). */
function defineOwn(target: Record<string, unknown> | unknown[], key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}
