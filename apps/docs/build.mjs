#!/usr/bin/env node
// Builds the docs site into dist/: one Redoc page per bundled spec (`redocly build-docs
// --inlineBundle`, so no CDN) with the code samples of snippets/samples/ as `x-codeSamples` and a
// link to the try-it console on every operation, the bundled specs for download (unchanged),
// try.html (the console) and index.html.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { services } from '../../scripts/services.mjs';
import { APIS } from './src/apis.mjs';
import { FAVICON, renderIndex } from './src/render-index.mjs';
import { renderTry } from './src/render-try.mjs';
import { codeSamples } from './src/samples.mjs';
import {
  at,
  authLine,
  deref,
  loadSpec,
  operations,
  servers,
  specApis,
  specFile,
  specYamlFile,
} from './src/spec.mjs';
import { tryModel } from './src/try-model.mjs';

const run = promisify(execFile);
const here = (/** @type {string} */ path) => fileURLToPath(new URL(path, import.meta.url));
const dist = here('./dist/');
const redoclyCli = fileURLToPath(import.meta.resolve('@redocly/cli/bin/cli.js'));

/**
 * The only remote asset Redoc 3 loads even with --inlineBundle: the "API docs by Redoc" logo.
 * Swapped for an inline image so the page makes no request off the machine.
 */
const REDOC_LOGOS = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
const REDOC_LOGO_INLINE =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='44' height='14' viewBox='0 0 44 14'%3E%3Ctext x='0' y='11' font-family='sans-serif' font-size='12' font-weight='600' fill='%230044D4'%3ERedoc%3C/text%3E%3C/svg%3E";

/** @param {string} message @returns {never} */
function fail(message) {
  throw new Error(`docs build: ${message}`);
}

/** Checks the metadata against the specs: one entry per spec, every claimed fact present. */
function checkMetadata(/** @type {string[]} */ apis) {
  const described = APIS.map((m) => m.api);
  const missing = apis.filter((api) => !described.includes(api));
  if (missing.length) fail(`no entry in src/apis.mjs for ${missing.join(', ')}`);
  const extra = described.filter((api) => !apis.includes(api));
  if (extra.length)
    fail(`src/apis.mjs describes ${extra.join(', ')}, which is not a @scanapis/spec-* dependency`);
  for (const meta of APIS) {
    const spec = loadSpec(meta.api);
    for (const { evidence } of meta.adds) {
      for (const { pointer, contains } of evidence) {
        const value = at(spec, pointer);
        if (value === undefined) fail(`${meta.api}: src/apis.mjs cites ${pointer}, which the spec lacks`);
        if (contains !== undefined && !JSON.stringify(value).includes(contains)) {
          fail(`${meta.api}: ${pointer} no longer mentions ${JSON.stringify(contains)}`);
        }
      }
    }
  }
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * The spec the reference page renders: the bundled spec with, on every operation, the code samples
 * (`x-codeSamples`, from snippets/samples/) and a link to the try-it console. The hand-authored
 * spec and the downloadable copies stay as they are.
 * @param {string} api
 */
function docsSpec(api) {
  const spec = structuredClone(loadSpec(api));
  for (const rawItem of Object.values(spec.paths ?? {})) {
    const item = deref(spec, rawItem);
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId) fail(`${api}: ${method.toUpperCase()} without an operationId`);
      op['x-codeSamples'] = codeSamples(api, op.operationId);
      const tryIt = `[Try it in the console](try.html#${api}/${op.operationId}) against the local mock (\`pnpm start\`), or copy a sample from the panel beside this text.`;
      op.description = op.description ? `${op.description}\n\n${tryIt}` : tryIt;
    }
  }
  return spec;
}

/** Renders one API's Redoc page into dist/<api>.html. */
async function buildReference(
  /** @type {import('./src/apis.mjs').ApiMeta} */ meta,
  /** @type {string} */ work,
) {
  const spec = loadSpec(meta.api);
  const output = `${dist}${meta.api}.html`;
  const source = join(work, `${meta.api}.openapi.json`);
  await writeFile(source, JSON.stringify(docsSpec(meta.api)));
  await run(
    process.execPath,
    [
      redoclyCli,
      'build-docs',
      source,
      '--inlineBundle',
      '--output',
      output,
      '--template',
      here('./src/redoc.hbs'),
      '--title',
      `${spec.info.title} — scanapis API reference`,
      `--templateOptions.vendor=${meta.vendor}`,
      `--templateOptions.favicon=${FAVICON}`,
      '--openapi.hideDownloadButtons=true',
    ],
    {
      cwd: here('./'),
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 16 * 1024 * 1024,
    },
  ).catch((/** @type {any} */ error) =>
    fail(`redocly build-docs ${meta.api}: ${error.stderr || error.message}`),
  );

  let html = await readFile(output, 'utf8');
  if (!html.match(REDOC_LOGOS)) {
    fail(`${meta.api}: Redoc's logo URL changed; check the page for remote assets (see REDOC_LOGOS)`);
  }
  html = html.replace(REDOC_LOGOS, REDOC_LOGO_INLINE);
  if (html.includes('cdn.redoc.ly')) fail(`${meta.api}: the page still references cdn.redoc.ly`);
  if (!html.includes('"disableTelemetry":true')) fail(`${meta.api}: Redoc telemetry is not disabled`);
  await writeFile(output, html);
  await copyFile(specFile(meta.api), `${dist}${meta.api}.openapi.json`);
  await copyFile(specYamlFile(meta.api), `${dist}${meta.api}.openapi.yaml`);
}

/** @returns {Promise<import('./src/render-index.mjs').IndexEntry[]>} */
async function indexEntries() {
  return Promise.all(
    APIS.map(async (meta) => {
      const spec = loadSpec(meta.api);
      const service = services.find((s) => s.api === meta.api);
      if (!service) fail(`${meta.api}: no entry in scripts/services.mjs, so no local mock to point to`);
      // The mock's own line of test credentials, so the index cannot drift from what it accepts.
      const mock = await import(meta.mockPackage);
      const credentials = mock.testCredentials;
      const tryApi = tryModel({ meta, spec, mock, mockPort: service.port });
      if (typeof credentials !== 'string') fail(`${meta.mockPackage} exports no testCredentials line`);
      const snippetPath = `snippets/${meta.api}.ts`;
      const source = await readFile(here(`./${snippetPath}`), 'utf8').catch(() =>
        fail(`${meta.api}: missing apps/docs/${snippetPath}`),
      );
      return {
        meta,
        title: spec.info.title,
        version: spec.info.version,
        summary: spec.info.summary ?? '',
        operations: operations(spec),
        servers: servers(spec),
        auth: authLine(spec),
        mock: { url: `http://127.0.0.1:${service.port}`, credentials },
        snippet: { file: `apps/docs/${snippetPath}`, source },
        tryApi,
      };
    }),
  );
}

const started = Date.now();
const apis = specApis();
checkMetadata(apis);
await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
const work = await mkdtemp(join(tmpdir(), 'scanapis-docs-build-'));
try {
  await Promise.all(APIS.map((meta) => buildReference(meta, work)));
} finally {
  await rm(work, { recursive: true, force: true });
}
const entries = await indexEntries();
await writeFile(`${dist}index.html`, renderIndex(entries));
await writeFile(`${dist}try.html`, renderTry(entries.map((e) => e.tryApi)));
console.log(
  `docs: built index.html, try.html and ${APIS.map((m) => `${m.api}.html`).join(', ')} in ${Date.now() - started} ms`,
);
