import { resolve } from 'node:path';
import { packageRoot } from './package-root.js';
import { openProductFile, type ProductFile } from './product-file-reader.js';

/** Opens a product file shipped with Attune, by its path from the package root. */
export function openShippedProductFile(pathFromRoot: string, defaultCurrency: string): ProductFile {
  return openProductFile(resolve(packageRoot(), pathFromRoot), defaultCurrency);
}
