import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/adapters/files/package-root.js';

const root = packageRoot();
const SKIPPED = new Set(['node_modules', 'dist', 'data', 'datasets', 'coverage', '.git', '.artifacts']);
const TEXT = /\.(ts|js|json|md)$/;

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return TEXT.test(entry.name) ? [path] : [];
  });
}

const inside = (path: string) => path === root || path.startsWith(`${root}${sep}`);

describe('the repository documents itself', () => {
  it('cites no design notes or data beside the checkout', () => {
    // Built from parts so that this file does not match itself.
    const outside = new RegExp(
      [`\\b(DESIGN|STYLE|EVALUATION)\\.${'md'}\\b`, `\\.\\./${'shared'}/(data|hooks)\\b`].join('|'),
    );
    const citing = filesUnder(root)
      .filter((file) => outside.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(citing).toEqual([]);
  });

  it('links, from the README and docs/, only to files that are in the repository', () => {
    const documents = [join(root, 'README.md'), ...filesUnder(join(root, 'docs'))];
    const broken: string[] = [];
    for (const document of documents) {
      for (const [, target = ''] of readFileSync(document, 'utf8').matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:|#)/.test(target)) continue;
        const path = resolve(dirname(document), target.split('#')[0] ?? '');
        if (!inside(path) || !existsSync(path)) broken.push(`${relative(root, document)} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
