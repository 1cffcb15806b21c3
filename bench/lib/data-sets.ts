import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { packageRoot } from '../../src/adapters/files/package-root.js';

/**
 * The folder holding the public data sets the quality benchmarks and the raw-data demo test read
 * (docs/evaluation.md lists them and where to get them): `ATTUNE_DATASETS` when set, else
 * `datasets/` in the checkout (ignored by git: the files are large and not ours to ship).
 */
export function dataSetsDir(): string {
  return resolve(process.env['ATTUNE_DATASETS'] ?? resolve(packageRoot(), 'datasets'));
}

/**
 * The path of one data set file, such as `online-retail/online_retail.csv.gz`.
 * @throws Error naming the file and the folder when it is missing, rather than a bare ENOENT.
 */
export function dataSetFile(relativePath: string): string {
  const path = resolve(dataSetsDir(), relativePath);
  if (!existsSync(path))
    throw new Error(`missing ${path}: put the public data sets in ATTUNE_DATASETS (see docs/evaluation.md)`);
  return path;
}
