import { execFile, execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { problemAffectsResolutionKind } from '@arethetypeswrong/core/problems';
import { build } from 'esbuild';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// What someone who installs scanapis gets, checked from the tarballs `pnpm pack:all` makes, in a
// fresh npm project outside the workspace: every public package installs (its registry
// dependencies from npm), README examples type-check, each mock starts through its bin, the root
// README's "Using the pieces" runs as written, every file of test/fixtures/outside/ runs there,
// publint, arethetypeswrong, and the size budget.

const execFileAsync = promisify(execFile);
const packages = resolve(import.meta.dirname, '../..');
const root = resolve(packages, '..');
const OUTSIDE = join(import.meta.dirname, 'fixtures', 'outside');
const CLIENTS = [
  ['gecko', 'createGeckoClient'],
  ['container-registry', 'createContainerRegistryClient'],
  ['hss', 'createHssClient'],
] as const;
const APIS = CLIENTS.map(([api]) => api);
/**
 * The budget: what a client with the runtime adds on top of openapi-fetch, min+gzip, the AK/SK
 * signer chunk included. Measured last: HSS 4,944 B (4,058 B up front + 886 B for the signer
 * chunk), Gecko 3,868 B, Container Registry 4,014 B.
 */
const BUDGET_BYTES = 5000;
/** What a tarball may hold: built code, bins, and the package's own texts. */
const ALLOWED = /^(dist\/.+\.(js|d\.ts|json)|bin\/[^/]+\.js|package\.json|README\.md|CHANGELOG\.md|LICENSE)$/;

interface Packed {
  name: string;
  file: string;
  bytes: number;
  files: string[];
}

function packageDir(name: string, from = packages): string {
  return dirname(realpathSync(createRequire(join(from, 'noop.js')).resolve(`${name}/package.json`)));
}

/** The workspace's own version of a tool, so the outside project tests with the same one. */
const versionOf = (name: string) =>
  JSON.parse(readFileSync(join(packageDir(name, import.meta.dirname), 'package.json'), 'utf8')).version;

/** Every workspace package's name → private flag. */
function workspacePackages(): Map<string, boolean> {
  const found = new Map<string, boolean>();
  for (const group of ['packages', 'apps', 'specs'])
    for (const dir of readdirSync(join(root, group))) {
      const file = join(root, group, dir, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8'));
      found.set(pkg.name, pkg.private === true);
    }
  return found;
}

/** The first ```ts block under a README heading, as written. */
export function exampleUnder(readme: string, heading: string): string {
  const text = readFileSync(readme, 'utf8');
  const at = text.indexOf(`\n${heading}\n`);
  expect(at, `${readme} has the heading ${heading}`).toBeGreaterThan(-1);
  const block = /```ts\n([\s\S]*?)```/.exec(text.slice(at));
  expect(block, `a ts block under ${heading}`).not.toBeNull();
  return block![1]!;
}

/** Output of a failed child process, for an assertion message. */
const outputOf = (error: unknown) =>
  `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;

/** How long one npm install may take before it is stopped and tried again, and how many tries. */
const INSTALL_ATTEMPT_MS = 240_000;
const INSTALL_ATTEMPTS = 2;
const INSTALL_BUDGET_MS = INSTALL_ATTEMPT_MS * INSTALL_ATTEMPTS;

/**
 * As a user installs: npm, registry dependencies from the npm registry (or npm's cache). On an
 * idle machine with an empty cache this takes about 20 s, and 84 s was seen under the whole
 * suite's load (hence 240 s an attempt). The registry sometimes stalls a request;
 * npm's own fetch timeout is 5 minutes, so each request gets 30 s and three retries instead, and a
 * whole attempt that still hangs is stopped and started again. Each attempt's time goes to stderr.
 */
async function installOutside(dir: string): Promise<void> {
  const args = [
    'install',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    '--ignore-scripts',
    '--loglevel=error',
  ];
  args.push('--fetch-timeout=30000', '--fetch-retries=3', '--fetch-retry-maxtimeout=10000');
  let last: unknown;
  for (let attempt = 1; attempt <= INSTALL_ATTEMPTS; attempt++) {
    const started = Date.now();
    try {
      await execFileAsync('npm', args, {
        cwd: dir,
        encoding: 'utf8',
        timeout: INSTALL_ATTEMPT_MS,
        killSignal: 'SIGKILL',
      });
      process.stderr.write(
        `consumer check: npm install took ${Date.now() - started} ms (attempt ${attempt})\n`,
      );
      return;
    } catch (error) {
      last = error;
      process.stderr.write(
        `consumer check: npm install attempt ${attempt} failed after ${Date.now() - started} ms: ${outputOf(error).trim().split('\n').slice(-3).join(' | ') || String(error)}\n`,
      );
    }
  }
  throw new Error(
    `npm install in the outside project failed ${INSTALL_ATTEMPTS} times: ${outputOf(last) || String(last)}`,
  );
}

let work: string;
let packed: Packed[] = [];
const tarballs = new Map<string, string>();
/** The public workspace packages, by the name after `@scanapis/`. */
const PUBLIC = [...workspacePackages()]
  .filter(([, priv]) => !priv)
  .map(([n]) => n.replace('@scanapis/', ''))
  .sort();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'scanapis-consumer-'));
  // The same script as `pnpm pack:all`, into the temp project.
  const { stdout } = await execFileAsync(
    process.execPath,
    [join(root, 'scripts', 'pack-all.mjs'), '--json', '--out', join(work, 'tarballs')],
    { cwd: root, encoding: 'utf8' },
  );
  packed = JSON.parse(stdout);
  for (const p of packed) tarballs.set(p.name.replace('@scanapis/', ''), p.file);
  const deps = Object.fromEntries(packed.map((p) => [p.name, `file:./tarballs/${basename(p.file)}`]));
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify(
      {
        name: 'consumer',
        private: true,
        type: 'module',
        dependencies: deps,
        // What the files of test/fixtures/outside/ run with.
        // msw: the mocks' optional peer, for their /msw entries and the outside MSW file.
        devDependencies: {
          vitest: versionOf('vitest'),
          '@types/node': versionOf('@types/node'),
          msw: versionOf('msw'),
        },
      },
      null,
      2,
    ),
  );
  await installOutside(work);
  cpSync(OUTSIDE, join(work, 'outside'), { recursive: true });
}, INSTALL_BUDGET_MS + 60_000);

afterAll(() => {
  if (work && !process.env.SCANAPIS_KEEP_CONSUMER) rmSync(work, { recursive: true, force: true });
});

/** The ```ts blocks of a package's README, joined into one module (a README reads top to bottom). */
/** The names a block of code declares at its top level: what it imports, `const`s, functions, classes. */
function topLevelNames(code: string): Set<string> {
  const names = new Set<string>();
  for (const [, list = ''] of code.matchAll(/^import\s+(?:type\s+)?\{([^}]*)\}/gm))
    for (const part of list.split(','))
      names.add(
        part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)
          .pop()!
          .trim(),
      );
  for (const [, name = ''] of code.matchAll(/^import\s+(?:\*\s+as\s+)?(\w+)\s+from/gm)) names.add(name);
  for (const [, name = ''] of code.matchAll(/^(?:export\s+)?(?:const|let|var|function|class)\s+(\w+)/gm))
    names.add(name);
  names.delete('');
  return names;
}

/**
 * A package README's TypeScript examples as programs: a block goes on from the blocks before it
 * (it may use what they declared), unless it declares a name they declared already — then it is
 * an example of its own and starts a new program.
 */
function readmeExamples(name: string): string[] {
  const text = readFileSync(join(packages, name, 'README.md'), 'utf8');
  const programs: { code: string; names: Set<string> }[] = [];
  for (const [, block = ''] of text.matchAll(/```ts\n([\s\S]*?)```/g)) {
    const names = topLevelNames(block);
    const current = programs.at(-1);
    if (current && ![...names].some((n) => current.names.has(n))) {
      current.code += `\n${block}`;
      for (const n of names) current.names.add(n);
    } else programs.push({ code: block, names });
  }
  return programs.map((p) => p.code);
}

/** Our packages `name` needs at run time, itself included: what its install line must list. */
function closure(name: string, seen = new Set<string>()): Set<string> {
  seen.add(name);
  const pkg = JSON.parse(readFileSync(join(packages, name, 'package.json'), 'utf8'));
  for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }))
    if (dep.startsWith('@scanapis/') && !seen.has(dep.slice(10))) closure(dep.slice(10), seen);
  return seen;
}

describe('the tarballs of `pnpm pack:all`', () => {
  it('cover every public package, the three clients and mocks among them, and what they depend on', () => {
    const workspace = workspacePackages();
    const names = packed.map((p) => p.name);
    expect(names).toEqual(PUBLIC.map((n) => `@scanapis/${n}`));
    for (const api of APIS)
      expect(names).toEqual(expect.arrayContaining([`@scanapis/${api}`, `@scanapis/${api}-mock`]));
    for (const p of packed) {
      const pkg = JSON.parse(readFileSync(join(work, 'node_modules', p.name, 'package.json'), 'utf8'));
      for (const [dep, range] of Object.entries({ ...pkg.dependencies, ...pkg.peerDependencies })) {
        expect(String(range), `${p.name} → ${dep}`).not.toMatch(/^(workspace|catalog):/);
        // Whatever it needs of ours at run time is public and packed too.
        if (workspace.has(dep)) expect(names, `${p.name} needs ${dep}`).toContain(dep);
      }
    }
  });

  it.each(['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json'])(
    'each holds %s, and only built code and texts (no source maps)',
    (file) => {
      for (const p of packed) {
        expect(p.files, p.name).toContain(file);
        expect(
          p.files.filter((f) => !ALLOWED.test(f)),
          p.name,
        ).toEqual([]);
      }
    },
  );

  it.each(APIS)('@scanapis/%s-mock carries the bundled spec it serves and its bin', (api) => {
    const mock = packed.find((p) => p.name === `@scanapis/${api}-mock`)!;
    expect(mock.files).toEqual(expect.arrayContaining(['dist/openapi.json', `bin/${api}-mock.js`]));
    const spec = JSON.parse(
      readFileSync(join(work, 'node_modules', mock.name, 'dist', 'openapi.json'), 'utf8'),
    );
    expect(spec).toEqual(JSON.parse(readFileSync(join(root, 'specs', api, 'dist', 'openapi.json'), 'utf8')));
  });
});

describe('each public package README says how to install it today', () => {
  it.each(PUBLIC)('@scanapis/%s: the tarballs of it and of what it needs, and the future npm i', (name) => {
    const text = readFileSync(join(packages, name, 'README.md'), 'utf8');
    expect(text).toContain('## Install');
    expect(text).toContain(`Once published: \`npm i @scanapis/${name}\`.`);
    const line =
      /^npm i \.\.\/scanapis\/dist\/packages\/scanapis-(?:\{([a-z,-]+)\}|([a-z-]+))-\[0-9\]\*\.tgz$/m.exec(
        text,
      );
    expect(line, 'an `npm i ../scanapis/dist/packages/scanapis-{…}-[0-9]*.tgz` line').not.toBeNull();
    const listed = (line![1] ?? line![2]!).split(',');
    expect(new Set(listed)).toEqual(closure(name));
    if (readmeExamples(name).length === 0 && !['client-kit'].includes(name))
      throw new Error(`${name}/README.md has no usage example`);
  });

  it('the root README installs every tarball, and says what it will be once published', () => {
    const text = readFileSync(join(root, 'README.md'), 'utf8');
    expect(text).toContain('npm i ../scanapis/dist/packages/*.tgz');
    expect(text).toContain('npm i @scanapis/gecko @scanapis/gecko-mock');
  });
});

describe('installed from the packed tarballs, outside the workspace', () => {
  it('the README examples, the root README example and a program type-check against the installed packages (strict)', () => {
    mkdirSync(join(work, 'src'), { recursive: true });
    // Helpers the README examples call but do not define.
    writeFileSync(join(work, 'src', 'ambient.d.ts'), 'declare function getIamToken(): Promise<string>;\n');
    // Every public package's README examples (the clients', mocks' and kits' alike).
    for (const name of PUBLIC) {
      for (const [i, program] of readmeExamples(name).entries())
        writeFileSync(join(work, 'src', `readme-${name}-${i + 1}.ts`), `${program}\nexport {};\n`);
    }
    writeFileSync(
      join(work, 'src', 'using-the-pieces.ts'),
      exampleUnder(join(root, 'README.md'), '## Using the pieces'),
    );
    cpSync(join(import.meta.dirname, 'fixtures', 'program.ts'), join(work, 'src', 'program.ts'));
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023', 'DOM'],
          types: ['node'],
          strict: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: false,
          outDir: 'dist',
        },
        include: ['src'],
      }),
    );
    const tsc = join(packageDir('typescript', import.meta.dirname), 'bin', 'tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', '.'], {
        cwd: work,
        encoding: 'utf8',
        stdio: 'pipe',
        timeout: 240_000,
      });
    } catch (error) {
      output = outputOf(error);
    }
    expect(output).toBe('');
  }, 300_000); // tsc over every README program and the .d.ts of every package: slow on a loaded machine

  it('each mock starts through its installed bin (npx <api>-mock --port 0 --static); the program runs against them', async () => {
    const started = await Promise.all(
      APIS.map(async (api) => {
        // Its own process group, as a terminal gives it: the signal below reaches the bin under npx.
        const child = spawn('npx', ['--no-install', `${api}-mock`, '--port', '0', '--static'], {
          cwd: work,
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: true,
        });
        const url = await new Promise<string>((ok, fail) => {
          let seen = '';
          child.stdout.on('data', (chunk) => {
            seen += chunk;
            const found = / listening on (http:\/\/\S+)/.exec(seen)?.[1];
            if (found) ok(found);
          });
          child.stderr.on('data', (chunk) => {
            seen += chunk;
          });
          child.once('exit', (code) => fail(new Error(`${api}-mock exited (${code}): ${seen}`)));
        });
        return { api, child, url };
      }),
    );
    try {
      for (const { url } of started) {
        const health = await fetch(`${url}/__scanapis/health`);
        expect(health.status).toBe(200);
      }
      const [gecko, registry, hss] = started.map((m) => m.url);
      const { stdout: out } = await execFileAsync(process.execPath, ['dist/program.js'], {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, GECKO_URL: gecko, REGISTRY_URL: registry, HSS_URL: hss },
      });
      expect(JSON.parse(out)).toEqual({
        gecko: {
          status: 200,
          scans: 1,
          firstPage: 1,
          error: { kind: 'http', status: 400, vendorMessage: 'Limit cannot exceed 1000' },
        },
        // The static mocks answer with the spec's examples: 2 images, 3 HSS images.
        registry: { status: 200, images: 2 },
        hss: { status: 200, total: 3, walked: 3 },
      });
    } finally {
      // SIGTERM to the process group (npm does not pass a SIGTERM on to the bin it runs): each bin
      // stops, and its port is closed.
      await Promise.all(
        started.map(({ child }) => {
          const exited = new Promise((ok) => child.once('exit', ok));
          process.kill(-child.pid!, 'SIGTERM');
          return exited;
        }),
      );
      for (const { url } of started)
        await expect(fetch(`${url}/__scanapis/health`), `${url} after SIGTERM`).rejects.toThrow();
    }
  }, 60_000);

  it('the root README\'s "Using the pieces" example runs as written', async () => {
    const { stdout } = await execFileAsync(process.execPath, ['dist/using-the-pieces.js'], {
      cwd: work,
      encoding: 'utf8',
    }).catch((error: unknown) => {
      throw new Error(`the example failed:\n${outputOf(error)}`);
    });
    // One line per TypeScript scan of the default dataset: its name and its critical count.
    const lines = stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^\S.* \d+$/);
  }, 60_000);

  const outside = readdirSync(OUTSIDE).sort();
  it('test/fixtures/outside/ has files to run', () => expect(outside.length).toBeGreaterThan(0));
  // Every file there runs in the outside project: *.test.{ts,mjs} with the vitest installed there
  // (60 s per test and hook: they start processes), any other *.mjs with node (exit code 0 passes).
  it.each(outside)(
    'test/fixtures/outside/%s passes in the outside project',
    async (file) => {
      const isTest = /\.test\.m?[jt]s$/.test(file);
      expect(isTest || file.endsWith('.mjs'), `${file}: a *.test.ts / *.test.mjs or a *.mjs program`).toBe(
        true,
      );
      const [cmd, args] = isTest
        ? [
            process.execPath,
            [
              join(work, 'node_modules', 'vitest', 'vitest.mjs'),
              'run',
              `outside/${file}`,
              '--testTimeout=60000',
              '--hookTimeout=60000',
            ],
          ]
        : [process.execPath, [`outside/${file}`]];
      await execFileAsync(cmd, args, { cwd: work, encoding: 'utf8', env: { ...process.env, CI: '1' } }).catch(
        (error: unknown) => {
          throw new Error(`${file} failed in ${work}:\n${outputOf(error)}`);
        },
      );
    },
    120_000,
  );
});

describe.each(PUBLIC)('@scanapis/%s as published', (name) => {
  it('publint: no errors, warnings or suggestions', async () => {
    const data = readFileSync(tarballs.get(name)!);
    const tarball = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    const { messages } = await publint({ level: 'suggestion', pack: { tarball } });
    expect(messages).toEqual([]);
  });

  it('arethetypeswrong: no problems for ESM consumers (node16-esm, bundler)', async () => {
    const result = await checkPackage(
      createPackageFromTarballData(new Uint8Array(readFileSync(tarballs.get(name)!))),
    );
    expect(result.types).not.toBe(false);
    if (!('problems' in result)) throw new Error('arethetypeswrong found no types');
    // ESM-only packages: CommonJS resolutions (node10, node16-cjs) are out of scope, as attw's esm-only profile says.
    const relevant = result.problems.filter((p) =>
      (['node16-esm', 'bundler'] as const).some((kind) => problemAffectsResolutionKind(p, kind, result)),
    );
    expect(relevant).toEqual([]);
  });
});

describe('size budget: a client with the runtime adds at most 5 kB min+gzip on top of openapi-fetch', () => {
  /** Bundles `contents` as an app would (minified, code-split): gzip sizes of what loads up front and of lazy chunks. */
  const measure = async (name: string, contents: string) => {
    const entry = join(work, `size-${name}.js`);
    writeFileSync(entry, contents);
    const out = await build({
      entryPoints: [entry],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      minify: true,
      write: false,
      metafile: true,
      outdir: join(work, 'size-out', name),
    });
    const gz = (path: string) =>
      gzipSync(out.outputFiles.find((f) => f.path === resolve(path))!.contents, { level: 9 }).length;
    const outputs = out.metafile.outputs;
    const entryChunk = Object.keys(outputs).find((k) => outputs[k]!.entryPoint)!;
    // What loads up front: the entry chunk and what it imports statically.
    const initial = new Set([entryChunk]);
    for (const chunk of initial) {
      for (const i of outputs[chunk]!.imports)
        if (i.kind === 'import-statement' && !i.external) initial.add(i.path);
    }
    const lazy = Object.keys(outputs).filter((k) => !initial.has(k) && k.endsWith('.js'));
    const sum = (chunks: string[]) => chunks.reduce((n, c) => n + gz(join(process.cwd(), c)), 0);
    const text = (chunks: string[]) =>
      chunks.map((c) => out.outputFiles.find((f) => f.path === resolve(c))!.text).join('\n');
    return {
      initial: sum([...initial]),
      lazy: sum(lazy),
      initialText: text([...initial]),
      lazyText: text(lazy),
    };
  };

  it.each(CLIENTS)('@scanapis/%s', async (api, factory) => {
    const base = await measure('openapi-fetch', `export { default } from 'openapi-fetch';`);
    const client = await measure(
      api,
      `export { ${factory} } from '@scanapis/${api}'; export { default } from 'openapi-fetch';`,
    );
    // Everything the client can load counts: what loads up front and, for HSS with AK/SK, the
    // signer chunk loaded on the first signed request.
    const added = client.initial + client.lazy - base.initial;
    console.log(
      `@scanapis/${api}: ${added} B min+gzip on top of openapi-fetch (${base.initial} B)` +
        (client.lazy
          ? ` = ${client.initial - base.initial} B up front + ${client.lazy} B loaded on the first AK/SK-signed request`
          : '') +
        `; budget ${BUDGET_BYTES} B`,
    );
    expect(added).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('the AK/SK signer is a chunk of its own: an HSS app that uses a token never loads it', async () => {
    const hss = await measure('hss-split', `export { createHssClient } from '@scanapis/hss';`);
    // The signing code (its algorithm name, its HMAC) is in the lazy chunk, and none of it up front.
    expect(hss.lazy).toBeGreaterThan(500);
    for (const marker of ['SDK-HMAC-SHA256', 'x-sdk-content-sha256', '"HMAC"']) {
      expect(hss.lazyText).toContain(marker);
      expect(hss.initialText).not.toContain(marker);
    }
  });
});
