import { draftProduct, type ProductInput } from '../../domain/catalog/index.js';
import { DomainError } from '../../domain/shared/index.js';

/** A row of an import file, as read: a record, or why it could not be read. */
export type ImportRow =
  | { readonly line: number; readonly record: Record<string, unknown> }
  | { readonly line: number; readonly error: { readonly code: string; readonly detail: string } };

/** A rejected row: its line number, the problem code and the offending field. */
export interface RejectedRow {
  readonly line: number;
  readonly code: string;
  readonly pointer?: string;
  readonly detail: string;
}

export interface ImportSummary {
  readonly imported: number;
  readonly rejected: readonly RejectedRow[];
}

/** Checks one record against the product schema (the same one the API uses). */
export type ProductRecordValidator = (
  record: Record<string, unknown>,
) =>
  | { ok: true; product: ProductInput & { id: string } }
  | { ok: false; code: string; pointer: string; detail: string };

/** Where imported products go: the catalogue service, or a running node's batch API. */
export interface ProductWriter {
  putProducts(items: readonly (ProductInput & { readonly id: string })[]): Promise<readonly unknown[]>;
}

export interface ImportOptions {
  readonly validate: ProductRecordValidator;
  readonly currency: string;
  readonly batchSize?: number;
  /** Called after each batch is written with the number of rows handled so far. */
  readonly onProgress?: (rowsHandled: number) => void;
}

/**
 * Imports products from a stream of rows in atomic batches. Bad rows are reported with their line
 * numbers and skipped; good rows are written. When an id repeats, the later row wins.
 */
export async function importProducts(
  rows: AsyncIterable<ImportRow>,
  writer: ProductWriter,
  options: ImportOptions,
): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? 1000;
  const rejected: RejectedRow[] = [];
  let batch = new Map<string, ProductInput & { id: string }>();
  let imported = 0;
  let handled = 0;
  // One batch is written while the next is read and checked: on a store across the network the
  // import would otherwise wait for each commit before reading on. Batches still go in file order.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (batch.size === 0) return;
    const items = [...batch.values()];
    const handledSoFar = handled;
    batch = new Map();
    await writing;
    writing = writer.putProducts(items).then((written) => {
      imported += written.length;
      options.onProgress?.(handledSoFar);
    });
    // Handled here so a failure waits for the next flush to be thrown, rather than ending the process.
    writing.catch(() => undefined);
  };
  for await (const row of rows) {
    handled += 1;
    const checked =
      'error' in row ? { ok: false as const, ...row.error, pointer: '' } : checkRow(row.record, options);
    if (!checked.ok) {
      rejected.push({
        line: row.line,
        code: checked.code,
        detail: checked.detail,
        ...(checked.pointer !== '' && { pointer: checked.pointer }),
      });
      continue;
    }
    if (batch.has(checked.product.id)) await flush();
    batch.set(checked.product.id, checked.product);
    if (batch.size >= batchSize) await flush();
  }
  await flush();
  await writing;
  return { imported, rejected };
}

function checkRow(
  record: Record<string, unknown>,
  options: ImportOptions,
): ReturnType<ProductRecordValidator> {
  const validated = options.validate(record);
  if (!validated.ok) return validated;
  try {
    const { id, ...input } = validated.product;
    draftProduct(id, input, options.currency);
    return validated;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const pointer = typeof error.details['pointer'] === 'string' ? error.details['pointer'] : '';
    return { ok: false, code: error.code, pointer, detail: error.message };
  }
}
