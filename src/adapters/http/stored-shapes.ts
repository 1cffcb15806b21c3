import type { TSchema } from '@sinclair/typebox';
import type { ShapeCheck } from '../../app/loadable.js';
import { asStored } from './common-schemas.js';
import { compileBodyValidator, toFieldError } from './validation.js';

/**
 * A check that a stored document still passes `schema`, the very body schema its write route
 * validates (as stored: {@link asStored}): so a node loads what the API would have accepted, and a
 * row an older or newer version (or a hand edit) left with a wrong type, an unknown enum value or a
 * field named `__proto__` is skipped rather than served.
 */
export function storedShapeCheck(schema: TSchema): ShapeCheck {
  const validate = compileBodyValidator(asStored(schema));
  return (document) => {
    if (validate(document)) return;
    const [first] = validate.errors ?? [];
    if (first === undefined) throw new Error('the stored document does not match its schema');
    const { code, pointer, detail } = toFieldError(first);
    throw new Error(`${code} at ${pointer === '' ? '/' : pointer}: ${detail}`);
  };
}
