// The built site without a browser: what the index says about each API comes from its spec, the
// snippets shown are the type-checked files, and nothing points off the machine.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { services } from '../../../scripts/services.mjs';
import { APIS } from '../src/apis.mjs';
import { escapeHtml, inline } from '../src/render-index.mjs';
import { codeSamples, samplesOf } from '../src/samples.mjs';
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

  it('the index gives vendor, operations, servers, auth, mock, vendor pages and additions', () => {
    expect(body).toContain(escapeHtml(spec.info.title));
    expect(body).toContain(escapeHtml(meta.vendor));
    for (const op of operations(spec)) {
      expect(text(body)).toContain(`${op.method} ${escapeHtml(op.path)} — ${escapeHtml(op.summary)}`);
    }
    for (const s of servers(spec)) expect(body).toContain(escapeHtml(s.url));
    expect(text(body)).toContain(text(escapeHtml(authLine(spec)).replace(/`/g, '')));
    const service = services.find((s) => s.api === api)!;
    expect(body).toContain(`http://127.0.0.1:${service.port}`);
    for (const page of meta.pages) expect(text(body)).toContain(text(inline(page.title)));
    expect(meta.adds.length).toBeGreaterThan(0);
  });

  it('every operation on the index links to its reference section and to the try-it console', () => {
    for (const op of operations(spec)) {
      expect(body).toContain(`href="${api}.html${op.anchor}"`);
      expect(body).toContain(`href="try.html#${api}/${op.operationId}"`);
    }
  });

  it('the reference page carries every sample file verbatim as x-codeSamples, and a try-it link', () => {
    const page = read(`${api}.html`);
    const definition = /const __redoc_definition = (\{.*?\});\s*$/m.exec(page)?.[1];
    expect(definition, 'the spec inlined in the page').toBeDefined();
    const rendered = JSON.parse(definition!);
    for (const op of operations(spec)) {
      const renderedOp = rendered.paths[op.path][op.method.toLowerCase()];
      expect(renderedOp['x-codeSamples']).toEqual(codeSamples(api, op.operationId));
      for (const sample of samplesOf(api, op.operationId)) {
        expect(sample.source).toBe(readFileSync(sample.path, 'utf8'));
      }
      expect(renderedOp.description).toContain(`](try.html#${api}/${op.operationId})`);
    }
  });

  it('shows the snippet file verbatim, and the snippet installs, creates, lists and pages with the resource method', () => {
    const source = readFileSync(new URL(`../snippets/${api}.ts`, import.meta.url), 'utf8');
    expect(body).toContain(`<pre class="snippet"><code>${escapeHtml(source)}</code></pre>`);
    expect(source).toMatch(new RegExp(`^// Install: pnpm add ${meta.clientPackage}$`, 'm'));
    expect(source).toContain(`from '${meta.clientPackage}'`);
    expect(source).toMatch(/\bcreate\w+Client\(/);
    expect(source).toMatch(/for await \(const \w+ of \w+\.\w+\.list\(/);
    expect(source, 'names paginate() as the path-level equivalent').toMatch(/\w+\.paginate\('\//);
    expect(source, 'no hand-written paging loop').not.toMatch(/\bdo \{|\bwhile \(|\bfor \(let /);
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

// What a user reads never speaks of the spec's authoring: no "seed" pages, no paths outside this
// repository (`shared/...`), no `x-scanapis-*` extension names. Checked in every published file:
// the pages' text and the specs they render or offer for download (extension *keys* in the JSON
// are machine-readable and stay; their names never appear in a description).
const INTERNAL_WORDS: [string, RegExp][] = [
  ['"seed" (the authoring pages)', /(?<!--)\bseeds?\b/i],
  ['a shared/ path', /\bshared\//i],
  ['an x-scanapis-* name', /x-scanapis-/i],
];

/** Every string value of a JSON document, with the key path, skipping extension keys themselves. */
function strings(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (Array.isArray(node)) return node.flatMap((v, i) => strings(v, `${path}/${i}`));
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) => strings(v, `${path}/${k}`));
  }
  return [];
}

const published = readdirSync(DIST).filter((f) => /\.(?:html|json|yaml)$/.test(f));

it('publishes the index, the console, and per API a page and the spec in JSON and YAML', () => {
  expect(published.sort()).toEqual(
    [
      'index.html',
      'try.html',
      ...specApis().flatMap((a) => [`${a}.html`, `${a}.openapi.json`, `${a}.openapi.yaml`]),
    ].sort(),
  );
});

describe.each(published)('%s speaks to users', (file) => {
  it.each(INTERNAL_WORDS)('no %s', (_name, pattern) => {
    const content = read(file);
    if (file.endsWith('.json')) {
      const hits = strings(JSON.parse(content)).filter(([, v]) => pattern.test(v));
      expect(hits).toEqual([]);
      return;
    }
    if (file.endsWith('.yaml')) {
      // Keys are `x-scanapis-...:` at the start of a line; anything else is text.
      const lines = content
        .split('\n')
        .filter((l) => pattern.test(l) && !/^\s*x-scanapis-[a-z]+:\s*$/.test(l));
      expect(lines).toEqual([]);
      return;
    }
    // HTML: the text outside scripts, and the spec a Redoc page inlines (its string values).
    const visible = content
      .replace(/<script\b[\s\S]*?<\/script>/gi, '')
      .replace(/<style\b[\s\S]*?<\/style>/gi, '');
    expect(text(visible).match(new RegExp(`.{0,60}${pattern.source}.{0,60}`, 'i'))).toBeNull();
    const definition = /const __redoc_definition = (\{.*?\});\s*$/m.exec(content)?.[1];
    if (definition) expect(strings(JSON.parse(definition)).filter(([, v]) => pattern.test(v))).toEqual([]);
    const model = /<script type="application\/json" id="try-model">([\s\S]*?)<\/script>/.exec(content)?.[1];
    if (model) expect(strings(JSON.parse(model)).filter(([, v]) => pattern.test(v))).toEqual([]);
  });
});

it('the spec sources and their READMEs say the same: no seed wording, no shared/ paths, no x-scanapis names in descriptions', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const path = `${dir}${entry.name}`;
      if (entry.isDirectory()) walk(`${path}/`);
      else if (/\.(?:ya?ml|md)$/.test(entry.name)) files.push(path);
    }
  };
  walk(specsDir);
  expect(files.length).toBeGreaterThan(50);
  const hits = files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => /(?<!--)\bseeds?\b|\bshared\//i.test(line))
      .map((line) => `${file.slice(specsDir.length)}: ${line.trim()}`),
  );
  expect(hits).toEqual([]);
  const yamlHits = files
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => /x-scanapis-/.test(line) && !/^\s*x-scanapis-[a-z]+:\s*$/.test(line))
        .map((line) => `${file.slice(specsDir.length)}: ${line.trim()}`),
    );
  expect(yamlHits).toEqual([]);
});
