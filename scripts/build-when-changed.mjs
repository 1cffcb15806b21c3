// Runs `npm run build` only when a source file changed since the last build, so `npm start`, `npm test`
// and `npm run bench` start at once when nothing did. Plain JavaScript: it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = [
  'src',
  'bench',
  'scripts',
  'web',
  'packages/client/src',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
];
const SKIPPED = new Set(['node_modules', 'dist']);
const STAMP = 'dist/.build-stamp';

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (!SKIPPED.has(entry)) newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

const builtAt = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
const changedAt = Math.max(...SOURCES.map(newestChange));
const built = ['web/dist/index.html', 'web/console/dist/index.html'].every((page) => existsSync(page));
if (changedAt < builtAt && built) process.exit(0);

const startedAt = new Date();
const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
mkdirSync('dist', { recursive: true });
// Stamped with the time the build started, so a file saved during the build still counts as changed.
writeFileSync(STAMP, startedAt.toISOString());
utimesSync(STAMP, startedAt, startedAt);
