// The built site without a browser: what the index says about each API comes from its spec, the
// snippets shown are the type-checked files, and nothing points off the machine.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { services } from '../../../scripts/services.mjs';
import { APIS } from '../src/apis.mjs';
import { escapeHtml } from '../src/render-index.mjs';
import { authLine, docsPackage, loadSpec, operations, servers, specApis } from '../src/spec.mjs';
import { DIST } from './browser.js';

const specsDir = fileURLToPath(new URL('../../../specs/', import.meta.url));
const read = (file: string) => readFileSync(`${DIST}${file}`, 'utf8');
const index = read('index.html');
const text = (html: string) => html.replace(/<[^>]+>/g, '');

it('documents every spec package in the workspace', () => {
  const workspaceSpecs = readdirSync(specsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => JSON.parse(readFileSync(`${specsDir}${d.name}/package.json`, 'utf8')).name as string);
  expect(workspaceSpecs.length).toBeGreaterThanOrEqual(3);
  for (const name of workspaceSpecs) expect(docsPackage.devDependencies, name).toHaveProperty(name);
  expect(APIS.map((m) => m.api).sort()).toEqual(specApis());
});

describe.each(specApis())('%s', (api) => {
  const spec = loadSpec(api);
  const meta = APIS.find((m) => m.api === api)!;
  const section = index.slice(index.indexOf(`<section class="api" id="${api}"`));
  const body = section.slice(0, section.indexOf('</section>'));

  it('has a reference page with the spec inside, and the spec for download', () => {
    const page = read(`${api}.html`);
    expect(page).toContain(`<title>${escapeHtml(spec.info.title)}`);
    expect(page).toContain('const __redoc_definition');
    expect(JSON.parse(read(`${api}.openapi.json`))).toEqual(spec);
  });

  it('the index gives vendor, operations, servers, auth, mock, seed pages and additions', () => {
    expect(body).toContain(escapeHtml(spec.info.title));
    expect(body).toContain(escapeHtml(meta.vendor));
    for (const op of operations(spec)) {
      expect(text(body)).toContain(`${op.method} ${escapeHtml(op.path)} — ${escapeHtml(op.summary)}`);
    }
    for (const s of servers(spec)) expect(body).toContain(escapeHtml(s.url));
    expect(text(body)).toContain(text(escapeHtml(authLine(spec)).replace(/`/g, '')));
    const service = services.find((s) => s.api === api)!;
    expect(body).toContain(`http://127.0.0.1:${service.port}`);
    for (const seed of meta.seeds) expect(body).toContain(seed.file);
    expect(meta.adds.length).toBeGreaterThan(0);
  });

  it('shows the snippet file verbatim, and the snippet installs, creates, lists and paginates', () => {
    const source = readFileSync(new URL(`../snippets/${api}.ts`, import.meta.url), 'utf8');
    expect(body).toContain(`<pre class="snippet"><code>${escapeHtml(source)}</code></pre>`);
    expect(source).toMatch(new RegExp(`^// Install: pnpm add ${meta.clientPackage}$`, 'm'));
    expect(source).toContain(`from '${meta.clientPackage}'`);
    expect(source).toMatch(/\bcreate\w+Client\(/);
    expect(source).toMatch(/\b(?:for|while) \(/);
  });
});

it('says what each spec adds where the issue asks for it', () => {
  const all = text(index);
  expect(all).toContain('exactly one of imageId or repositoryId');
  expect(all).toContain('AK/SK signing');
  expect(all).toContain('gk_');
  expect(all).toContain('1,000 requests per hour');
});

it.each(['index.html', ...specApis().map((api) => `${api}.html`)])(
  '%s loads nothing from elsewhere',
  (file) => {
    const html = read(file);
    // Scripts, styles, images and frames: inline or local only.
    expect(html.match(/<(?:script|img|iframe|source)\b[^>]*\bsrc=["']?(?:https?:)?\/\//gi) ?? []).toEqual([]);
    expect(html.match(/<link\b[^>]*\bhref=["']?(?:https?:)?\/\//gi) ?? []).toEqual([]);
    expect(html.match(/url\(\s*["']?(?:https?:)?\/\//gi) ?? []).toEqual([]);
    expect(html.match(/@import\s+(?:url\()?["']?(?:https?:)?\/\//gi) ?? []).toEqual([]);
    expect(html).not.toContain('cdn.redoc.ly');
  },
);
