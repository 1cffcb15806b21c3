import type { ProductRecordValidator } from '../../../app/catalog/product-import.js';
import { compileBodyValidator, toFieldError } from '../validation.js';
import { ProductItem } from './schemas.js';

/** Validates import-file records exactly as `POST /v1/products:batch` validates its items. */
export function createProductRecordValidator(): ProductRecordValidator {
  const validate = compileBodyValidator<ProductItem>(ProductItem);
  return (record) => {
    if (validate(record)) return { ok: true, product: record };
    const [first] = validate.errors ?? [];
    if (first === undefined)
      return { ok: false, code: 'invalid_value', pointer: '', detail: 'invalid product' };
    const field = toFieldError(first, validate.errors ?? []);
    return { ok: false, code: field.code, pointer: field.pointer, detail: field.detail };
  };
}
