import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding Attune's package.json, whether running from `src/` (tests) or `dist/src/`
 * (the built service), so shipped files such as the demo extract are found either way.
 */
export function packageRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory)
      throw new Error('cannot find the package root (no package.json above this file)');
    directory = parent;
  }
  return directory;
}
