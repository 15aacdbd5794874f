import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Whether importing `entry` (a file path) makes Node resolve package `name` (or a subpath of
 * it): a fresh Node process imports the entry under a resolve hook that refuses `name`. Used to
 * prove that a mock's main entry never loads its optional peer dependency `msw`.
 */
export function importLoads(entry: string, name: string): boolean {
  const marker = `LOADED ${name}`;
  const hooks = `export async function resolve(s, c, next) {
    if (s === ${JSON.stringify(name)} || s.startsWith(${JSON.stringify(`${name}/`)})) throw new Error(${JSON.stringify(marker)});
    return next(s, c);
  }`;
  const register = `import { register } from 'node:module';
    register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      `data:text/javascript,${encodeURIComponent(register)}`,
      '--input-type=module',
      '-e',
      `await import(${JSON.stringify(pathToFileURL(entry).href)});`,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (run.status === 0) return false;
  if (run.stderr.includes(marker)) return true;
  throw new Error(`importing ${entry} failed: ${run.stderr.slice(0, 500)}`);
}

/**
 * The suite every mock package (and mock-kit) runs: `msw` is an optional peer dependency, so
 * only the `/msw` entry may load it. `dist` is the package's built folder.
 */
export function mswEntrySuite(dist: URL): void {
  describe('which entry loads msw (a fresh Node process each, msw refused by a resolve hook)', () => {
    it.each([
      ['the main entry never does', { given: 'index.js', want: false }],
      ['the /msw entry does', { given: 'msw.js', want: true }],
    ])(
      '%s',
      (_, { given, want }) => {
        expect(importLoads(fileURLToPath(new URL(given, dist)), 'msw')).toBe(want);
      },
      90_000, // a fresh Node process importing the whole entry: slow on a loaded machine
    );
  });
}
