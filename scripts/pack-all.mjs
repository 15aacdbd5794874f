#!/usr/bin/env node
// `pnpm pack:all`: a tarball of every public workspace package (no `"private": true`) in one
// folder, dist/packages/ by default (`--out <dir>` elsewhere; the consumer check packs into its
// temp project). `pnpm pack` writes real versions where the package.json says `workspace:^` or
// `catalog:`, so the tarballs install with npm outside the workspace. Run after a build (the root
// script builds first). Prints one line per package: tarball, packed size, files (`--json`: all
// of it, with the file lists).
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const root = resolve(import.meta.dirname, '..');

/** Every workspace package meant for users: `{ name, dir }`, sorted by name. */
export function publicPackages() {
  const found = [];
  for (const group of ['packages', 'apps', 'specs']) {
    for (const name of readdirSync(join(root, group))) {
      const dir = join(root, group, name);
      let pkg;
      try {
        pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      } catch {
        continue;
      }
      if (!pkg.private) found.push({ name: pkg.name, dir });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** pnpm as the running pnpm was invoked (`pnpm pack:all` and turbo set npm_execpath), else npx. */
function pnpmCommand() {
  const execpath = process.env.npm_execpath;
  if (execpath && /pnpm/.test(execpath) && /\.c?js$/.test(execpath)) return [process.execPath, [execpath]];
  return ['npx', ['-y', 'pnpm@10.34.9']];
}

/** Packs every public package into `out`; resolves to `{ name, file, bytes, files }` per package. */
export async function packAll(out = join(root, 'dist', 'packages')) {
  mkdirSync(out, { recursive: true });
  for (const file of readdirSync(out)) if (file.endsWith('.tgz')) rmSync(join(out, file));
  const [cmd, pre] = pnpmCommand();
  const filters = publicPackages().flatMap((p) => ['--filter', p.name]);
  // One recursive pack: one pnpm start-up for every package.
  const { stdout } = await execFileAsync(
    cmd,
    [...pre, '-r', ...filters, 'pack', '--json', '--pack-destination', out],
    { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  const packed = JSON.parse(stdout.slice(stdout.indexOf('[')));
  const results = packed.map((p) => ({
    name: p.name,
    file: p.filename,
    bytes: statSync(p.filename).size,
    files: p.files.map((f) => f.path).sort(),
  }));
  return results.sort((a, b) => a.name.localeCompare(b.name));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const usage = 'usage: node scripts/pack-all.mjs [--out <dir>] [--json]   (default dist/packages/)';
  let out;
  let json = false;
  try {
    const { values } = parseArgs({
      options: { out: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
    });
    if (values.help) {
      console.log(usage);
      process.exit(0);
    }
    out = values.out && resolve(values.out);
    json = values.json ?? false;
  } catch (error) {
    console.error(`pack-all: ${error.message} (${usage})`);
    process.exit(2);
  }
  try {
    const results = await packAll(out);
    if (json) console.log(JSON.stringify(results, null, 2));
    else {
      for (const r of results) {
        const kb = `${(r.bytes / 1024).toFixed(1)} kB`;
        console.log(`${r.file.replace(`${root}/`, '')}  ${kb}  ${r.files.length} files`);
      }
      console.log(`In a project of yours: npm i ${out ?? join(root, 'dist', 'packages')}/*.tgz`);
    }
  } catch (error) {
    console.error(`pack-all: ${(error.stderr || error.message).trim().split('\n').pop()}`);
    process.exit(1);
  }
}
