import type { FastifyInstance } from 'fastify';
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
 * The JSON Pointer of the first object or array found nested more than `maxDepth` levels deep in
 * `root`, or undefined when it nests no deeper. Iterative, so no depth can overflow it.
 */
export function findTooDeep(root: unknown, maxDepth = MAX_NESTING_DEPTH): string | undefined {
  const stack: Frame[] = [{ value: root, depth: 1, parent: undefined, key: '' }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const { value, depth } = frame;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > maxDepth) return pointerOf(frame);
    for (const key of Object.keys(value)) {
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, parent: frame, key });
    }
  }
  return undefined;
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

/** Refuses, before schema validation and before any use case, a body that nests too deep. */
export function installNestingLimit(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config.nestingCheckedByRoute === true) return;
    const pointer = findTooDeep(request.body);
    if (pointer !== undefined) throw nestingProblem(pointer);
  });
}
