import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../files/package-root.js';
import { ERROR_CATALOG } from './error-catalog.js';

describe('error catalogue', () => {
  it('is documented row for row in docs/errors.md, with the same statuses', () => {
    const doc = readFileSync(`${packageRoot()}/docs/errors.md`, 'utf8');
    const documented = Object.fromEntries(
      [...doc.matchAll(/^\|\s*`([a-z_]+)`\s*\|\s*(\d{3})\s*\|/gm)].map((match) => [
        match[1],
        Number(match[2]),
      ]),
    );
    const catalogued = Object.fromEntries(
      Object.entries(ERROR_CATALOG).map(([code, entry]) => [code, entry.status]),
    );
    expect(documented).toEqual(catalogued);
  });

  it('gives every code a 4xx or 5xx status', () => {
    for (const entry of Object.values(ERROR_CATALOG)) expect(entry.status).toBeGreaterThanOrEqual(400);
  });
});
