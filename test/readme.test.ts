import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/adapters/files/package-root.js';
import { SETTINGS } from '../src/config/schema.js';
import { ATTUNE_VERSION } from '../src/version.js';

const root = packageRoot();
const readme = readFileSync(`${root}/README.md`, 'utf8');
const packageJson = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));

describe('the README stays true', () => {
  it('documents every setting Attune reads', () => {
    for (const setting of SETTINGS)
      expect(readme, setting.env).toMatch(new RegExp(`^\\| \`${setting.env}\` +\\|`, 'm'));
  });

  it('opens with the two commands, and CI runs the test one', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm run check');
    expect(readFileSync(`${root}/.ci/run`, 'utf8')).toContain('npm run check');
    expect(Object.keys(packageJson.scripts)).toEqual(
      expect.arrayContaining(['start', 'check', 'test', 'bench']),
    );
  });

  it('names the version that the code reports', () => {
    expect(ATTUNE_VERSION).toBe(packageJson.version);
  });
});
