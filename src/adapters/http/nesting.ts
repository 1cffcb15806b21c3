import { isStorableText } from '../../domain/shared/index.js';
import { HttpProblem } from './problem.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route checks the nesting of its body itself (an event batch checks each event alone). */
    nestingCheckedByRoute?: boolean;
  }
}

/**
 * How deep a JSON body may nest: the body itself is level 1, `{"a":{"b":1}}` has 2 levels. Far more
 * than any storefront or back office sends, and far less than what would make recursive code fail.
 */
export const MAX_NESTING_DEPTH = 32;

interface Frame {
  readonly value: unknown;
  readonly depth: number;
  readonly parent: Frame | undefined;
  readonly key: string;
}

/**
 * What a walk over a request's input found: an object or array nested too deep, a string (value or
 * key) no store keeps (see `isStorableText`), or a number JSON cannot write (`1e309` parsed as
 * Infinity). Each with its JSON Pointer.
 */
export interface InputFault {
  readonly kind: 'too_deep' | 'text' | 'number';
  readonly pointer: string;
}

/**
 * The first fault of `root` in one walk: nesting deeper than `maxDepth` levels comes first wherever
 * it is, else the first string or number no store keeps (when `checkText`). Iterative, and pointers
 * are built only for what is found, so no depth can overflow it or make it slow.
 */
export function findInputFault(root: unknown, maxDepth = Infinity, checkText = true): InputFault | undefined {
  let unstorable: InputFault | undefined;
  const note = (kind: InputFault['kind'], frame: Frame) => {
    if (checkText && unstorable === undefined) unstorable = { kind, pointer: pointerOf(frame) };
  };
  const stack: Frame[] = [{ value: root, depth: 1, parent: undefined, key: '' }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const { value, depth } = frame;
    if (typeof value === 'string') {
      if (!isStorableText(value)) note('text', frame);
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) note('number', frame);
    } else if (typeof value === 'object' && value !== null) {
      if (depth > maxDepth) return { kind: 'too_deep', pointer: pointerOf(frame) };
      const keys = Object.keys(value);
      for (let index = keys.length - 1; index >= 0; index -= 1) {
        const key = keys[index] as string;
        const child = {
          value: (value as Record<string, unknown>)[key],
          depth: depth + 1,
          parent: frame,
          key,
        };
        if (!isStorableText(key)) note('text', child);
        stack.push(child);
      }
    }
    // Without a depth limit, nothing found later can come first.
    if (unstorable !== undefined && maxDepth === Infinity) return unstorable;
  }
  return unstorable;
}

/**
 * The JSON Pointer of the first object or array found nested more than `maxDepth` levels deep in
 * `root`, or undefined when it nests no deeper.
 */
export function findTooDeep(root: unknown, maxDepth = MAX_NESTING_DEPTH): string | undefined {
  return findInputFault(root, maxDepth, false)?.pointer;
}

function pointerOf(frame: Frame): string {
  const keys: string[] = [];
  for (let at: Frame | undefined = frame; at?.parent !== undefined; at = at.parent) {
    keys.push(at.key.replaceAll('~', '~0').replaceAll('/', '~1'));
  }
  return keys
    .reverse()
    .map((key) => `/${key}`)
    .join('');
}

/** The problem for a value nested too deep at `pointer` (in the body). */
export function nestingProblem(pointer: string): HttpProblem {
  return new HttpProblem('nesting_too_deep', `JSON may nest at most ${MAX_NESTING_DEPTH} levels`, {
    pointer,
    in: 'body',
  });
}
