import { execFile, execFileSync } from 'node:child_process';
import {
  cpSync,
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
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { problemAffectsResolutionKind } from '@arethetypeswrong/core/problems';
import { build } from 'esbuild';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// What someone who installs the clients from npm gets, checked from the packed tarballs in a
// fresh project outside the workspace: install (offline), README examples type-checked, a small
// program run against the mocks, publint, arethetypeswrong, and the size budget.

const execFileAsync = promisify(execFile);
const packages = resolve(import.meta.dirname, '../..');
/** Packages published to npm: the clients and what they depend on. */
const PUBLISHED = ['client-kit', 'huawei-signer', 'gecko', 'container-registry', 'hss'];
const CLIENTS = [
  ['gecko', 'createGeckoClient'],
  ['container-registry', 'createContainerRegistryClient'],
  ['hss', 'createHssClient'],
] as const;
/** The budget: what a client with the runtime adds on top of openapi-fetch, min+gzip. */
const BUDGET_BYTES = 5000;

/** pnpm, as the running pnpm was invoked (turbo and `pnpm test` set npm_execpath). */
function pnpm(args: string[], cwd: string): string {
  const execpath = process.env.npm_execpath;
  const [cmd, ...pre] =
    execpath?.endsWith('.cjs') || execpath?.endsWith('.js') ? [process.execPath, execpath] : ['pnpm'];
  return execFileSync(cmd as string, [...pre, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function packageDir(name: string, from = packages): string {
  return dirname(realpathSync(createRequire(join(from, 'noop.js')).resolve(`${name}/package.json`)));
}

let work: string;
const tarballs = new Map<string, string>();

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'scanapis-consumer-'));
  const dest = join(work, 'tarballs');
  mkdirSync(dest);
  for (const name of PUBLISHED) {
    const out = pnpm(['pack', '--pack-destination', dest], join(packages, name)).trim().split('\n').pop()!;
    tarballs.set(name, out.trim());
  }
  // The registry dependencies, packed from the workspace's own install: the consumer installs offline.
  const openapiFetch = packageDir('openapi-fetch', join(packages, 'client-kit'));
  const helpers = packageDir('openapi-typescript-helpers', openapiFetch);
  const typesNode = packageDir('@types/node', import.meta.dirname);
  const undici = packageDir('undici-types', typesNode);
  for (const dir of [openapiFetch, helpers, typesNode, undici]) {
    // pnpm's store hard-links identical files, and npm pack writes hard links as empty entries:
    // pack a plain copy, so that files like openapi-typescript-helpers' index.d.mts keep their content.
    const copy = join(work, 'copies', dir.split('/node_modules/').pop()!);
    cpSync(dir, copy, { recursive: true, dereference: true });
    execFileSync('npm', ['pack', copy, '--pack-destination', dest, '--silent'], {
      cwd: work,
      stdio: 'ignore',
    });
  }
  const deps = Object.fromEntries(
    readdirSync(dest).map((file) => {
      const name = file
        .replace(/-\d+\.\d+\.\d+.*\.tgz$/, '')
        .replace(/^scanapis-/, '@scanapis/')
        .replace(/^types-/, '@types/');
      return [name, `file:./tarballs/${file}`];
    }),
  );
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: deps }, null, 2),
  );
  execFileSync(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'],
    { cwd: work, stdio: 'pipe' },
  );
}, 120_000);

afterAll(() => {
  if (work && !process.env.SCANAPIS_KEEP_CONSUMER) rmSync(work, { recursive: true, force: true });
});

/** The ```ts blocks of a README, joined into one module (a README reads top to bottom). */
function readmeExamples(api: string): string {
  const text = readFileSync(join(packages, api, 'README.md'), 'utf8');
  const blocks = [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  expect(blocks.length, `${api}/README.md has TypeScript examples`).toBeGreaterThan(0);
  return blocks.join('\n');
}

describe('installed from the packed tarballs, outside the workspace', () => {
  it('every published package installs, with its dependencies resolved from the tarballs', () => {
    for (const name of PUBLISHED) {
      const pkg = JSON.parse(
        readFileSync(join(work, 'node_modules/@scanapis', name, 'package.json'), 'utf8'),
      );
      expect(pkg.name).toBe(`@scanapis/${name}`);
      expect(JSON.stringify(pkg.dependencies ?? {})).not.toContain('workspace:');
    }
  });

  it('the README examples and a program type-check against the installed packages (strict)', () => {
    mkdirSync(join(work, 'src'), { recursive: true });
    // Helpers the README examples call but do not define.
    writeFileSync(join(work, 'src', 'ambient.d.ts'), 'declare function getIamToken(): Promise<string>;\n');
    for (const [api] of CLIENTS)
      writeFileSync(join(work, 'src', `readme-${api}.ts`), `${readmeExamples(api)}\nexport {};\n`);
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
      execFileSync(process.execPath, [tsc, '-p', '.'], { cwd: work, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
    }
    expect(output).toBe('');
  }, 60_000);

  it('the program runs against the mocks: list, paginate, typed error', async () => {
    const mocks = await Promise.all(
      (['gecko', 'container-registry', 'hss'] as const).map(async (api) => {
        const { startMock } = (await import(`@scanapis/${api}-mock`)) as {
          startMock(o: { static?: boolean }): Promise<{ url: string; close(): Promise<void> }>;
        };
        return startMock({ static: true });
      }),
    );
    try {
      const [gecko, registry, hss] = mocks.map((m) => m.url);
      // Asynchronously: the mocks answer from this process's event loop.
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
      await Promise.all(mocks.map((m) => m.close()));
    }
  }, 60_000);
});

describe.each(PUBLISHED)('@scanapis/%s as published', (name) => {
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
