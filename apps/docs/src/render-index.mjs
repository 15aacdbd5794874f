// The index page: every API with its vendor, operations (each linked to its reference section and
// to the try-it console), servers, auth, local mock, the vendor's pages, what this reference adds
// to them and a copy-paste snippet. Self-contained HTML and CSS, no scripts, no external assets,
// so it works offline and from disk; it fits a 390 px phone screen without horizontal scrolling.

/**
 * @typedef {import('./spec.mjs').Operation} Operation
 * @typedef {import('./spec.mjs').Server} Server
 * @typedef {import('./apis.mjs').ApiMeta} ApiMeta
 * @typedef {{
 *   meta: ApiMeta,
 *   title: string,
 *   version: string,
 *   summary: string,
 *   operations: Operation[],
 *   servers: Server[],
 *   auth: string,
 *   mock: { url: string, credentials: string },
 *   snippet: { file: string, source: string },
 *   tryApi: import('./try-model.mjs').TryApi,
 * }} IndexEntry
 */

/** A small inline icon, so the browser does not ask for /favicon.ico. */
export const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%230b5cad'/%3E%3Cpath d='M4 5h8M4 8h8M4 11h5' stroke='white' stroke-width='1.5'/%3E%3C/svg%3E";

/** @param {string} text @returns {string} */
export function escapeHtml(text) {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Escapes text and turns `code` spans into <code>. @param {string} text @returns {string} */
export function inline(text) {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** @param {Server} server @returns {string} */
function renderServer(server) {
  const vars = Object.entries(server.variables)
    .map(
      ([name, value]) => `<code>{${escapeHtml(name)}}</code> defaults to <code>${escapeHtml(value)}</code>`,
    )
    .join(', ');
  return `<li><code>${escapeHtml(server.url)}</code>${server.description ? ` — ${inline(server.description)}` : ''}${vars ? ` (${vars})` : ''}</li>`;
}

/** @param {string} api @param {Operation} op @returns {string} */
function renderOperation(api, op) {
  const reference = `${api}.html${op.anchor}`;
  return `<li><span class="method">${escapeHtml(op.method)}</span> <code>${escapeHtml(op.path)}</code> — <a href="${escapeHtml(reference)}">${inline(op.summary)}</a> <span class="muted">(<code>${escapeHtml(op.operationId)}</code>)</span> · <a class="try" href="try.html#${escapeHtml(api)}/${escapeHtml(op.operationId)}">Try it</a></li>`;
}

/** @param {import('./apis.mjs').VendorPage} page @returns {string} */
function renderVendorPage(page) {
  return `<li>${inline(page.title)}${page.address ? ` — <code>${escapeHtml(page.address)}</code>` : ''}</li>`;
}

/** @param {IndexEntry} entry @returns {string} */
function renderApi(entry) {
  const { meta } = entry;
  const page = `${meta.api}.html`;
  const pages = meta.pages.map(renderVendorPage).join('\n');
  const pageWord = meta.pages.length === 1 ? 'page' : 'pages';
  return `<section class="api" id="${escapeHtml(meta.api)}" aria-labelledby="${escapeHtml(meta.api)}-title">
<h2 id="${escapeHtml(meta.api)}-title">${escapeHtml(entry.title)} <span class="version">${escapeHtml(entry.version)}</span></h2>
<p class="lead"><span class="vendor">${escapeHtml(meta.vendor)}</span>${entry.summary ? ` · ${inline(entry.summary)}` : ''}</p>
<p><a class="button" href="${page}">Read the ${escapeHtml(entry.title)} reference →</a></p>
<dl>
<dt>Operations</dt><dd><ul>${entry.operations.map((op) => renderOperation(meta.api, op)).join('\n')}</ul></dd>
<dt>Servers</dt><dd><ul>${entry.servers.map(renderServer).join('\n')}</ul></dd>
<dt>Auth</dt><dd>${inline(entry.auth)}</dd>
<dt>Local mock</dt><dd><code>${escapeHtml(entry.mock.url)}</code> after <code>pnpm start</code> (<code>${escapeHtml(meta.mockPackage)}</code>) — ${inline(entry.mock.credentials)}</dd>
<dt>Vendor ${pageWord}</dt><dd><ul>${pages}</ul></dd>
<dt>Spec</dt><dd><a href="${meta.api}.openapi.json">openapi.json</a> · <a href="${meta.api}.openapi.yaml">openapi.yaml</a> (bundled, OpenAPI 3.1)</dd>
</dl>
<h3>What this reference adds to the vendor’s ${pageWord}</h3>
<ul class="adds">${meta.adds.map((a) => `<li>${inline(a.text)}</li>`).join('\n')}</ul>
<h3>Quick start: <code>${escapeHtml(meta.clientPackage)}</code></h3>
<p class="muted">Install, create the client, list one page with the resource method, then every item by iterating it (<code>paginate()</code> does the same over a path). This is <code>${escapeHtml(entry.snippet.file)}</code>, type-checked against the real package and run against the mock in the test run. Every operation has curl and TypeScript samples in its reference.</p>
<pre class="snippet"><code>${escapeHtml(entry.snippet.source)}</code></pre>
</section>`;
}

/** @param {IndexEntry[]} entries @returns {string} */
export function renderIndex(entries) {
  const rows = entries
    .map(
      (e) =>
        `<tr><td data-label="API"><a href="#${escapeHtml(e.meta.api)}">${escapeHtml(e.title)}</a></td><td data-label="Vendor">${escapeHtml(e.meta.vendor)}</td><td data-label="Operations">${e.operations.length}</td><td data-label="Reference"><a href="${e.meta.api}.html">${e.meta.api}.html</a></td><td data-label="Local mock"><code>${escapeHtml(e.mock.url)}</code></td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>scanapis — API reference</title>
<link rel="icon" href="${FAVICON}">
<style>
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;--accent:#0b5cad;--code:#eff2f5}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#151b23;--line:#3d444d;--accent:#4493f8;--code:#1f2630}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header,main,footer{max-width:62rem;margin:0 auto;padding:0 1.25rem}
header{padding-top:2.5rem;padding-bottom:1rem}
h1{font-size:2rem;margin:0 0 .25rem}
h2{font-size:1.5rem;margin:0 0 .25rem}
h3{font-size:1.05rem;margin:1.5rem 0 .5rem}
a{color:var(--accent)}
code{font:.875em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--code);padding:.1em .3em;border-radius:4px;overflow-wrap:anywhere}
.muted,.version{color:var(--muted)}
.version{font-size:1rem;font-weight:500}
.lead{margin:.25rem 0 1rem;color:var(--muted)}
.vendor{font-weight:600;color:var(--fg)}
table{width:100%;border-collapse:collapse;margin:1rem 0 2rem;font-size:.95rem}
th,td{text-align:left;padding:.5rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--panel)}
.api{border:1px solid var(--line);border-radius:10px;padding:1.5rem;margin:0 0 2rem;background:var(--bg)}
dl{display:grid;grid-template-columns:9rem 1fr;gap:.5rem 1rem;margin:1rem 0}
dt{font-weight:600}
dd{margin:0}
dd ul,.adds{margin:0;padding-left:1.1rem}
.method{display:inline-block;min-width:3.2rem;font:600 .75rem/1.6 ui-monospace,monospace;color:#fff;background:#1a7f37;border-radius:4px;text-align:center}
.button{display:inline-block;padding:.45rem .9rem;border-radius:6px;background:var(--accent);color:#fff;text-decoration:none;font-weight:600}
.button:hover{filter:brightness(1.1)}
pre.snippet{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:1rem;overflow-x:auto;margin:0;max-width:100%}
.api,dd,dl{min-width:0}
a.try{font-weight:600;white-space:nowrap}
table.summary td code{white-space:nowrap;overflow-wrap:normal}
pre.snippet code{background:none;padding:0;font-size:.85rem;line-height:1.5}
footer{padding-bottom:3rem;color:var(--muted);font-size:.9rem}
@media (max-width:40rem){dl{grid-template-columns:minmax(0,1fr)}dt{margin-top:.5rem}header,main,footer{padding:0 .75rem}.api{padding:1rem .85rem}
table.summary,table.summary tbody,table.summary tr,table.summary td{display:block;width:100%}
table.summary thead{display:none}
table.summary tr{border:1px solid var(--line);border-radius:8px;margin:0 0 .75rem;padding:.25rem 0}
table.summary td{border:0;padding:.2rem .75rem;display:grid;grid-template-columns:6.5rem minmax(0,1fr);gap:.5rem}
table.summary td::before{content:attr(data-label);font-weight:600;color:var(--muted)}}
</style>
</head>
<body>
<header>
<h1>scanapis — API reference</h1>
<p class="muted">The vendor APIs that list container-image and code scans, as hand-authored OpenAPI 3.1 specs with typed clients and local mocks. Each reference is rendered from the bundled spec with Redoc, has curl and TypeScript samples on every operation and works offline; the <a href="try.html">try-it console</a> sends any operation to the local mocks started by <code>pnpm start</code>.</p>
</header>
<main>
<table class="summary">
<thead><tr><th>API</th><th>Vendor</th><th>Operations</th><th>Reference</th><th>Local mock</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${entries.map(renderApi).join('\n')}
</main>
<footer>
<p>Generated by <code>apps/docs/build.mjs</code> from <code>specs/*/dist/openapi.json</code>. <code>pnpm start</code> serves this site next to the mocks.</p>
</footer>
</body>
</html>
`;
}
