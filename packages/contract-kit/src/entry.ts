import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

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
