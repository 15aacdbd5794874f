// The try-it console page (try.html): self-contained HTML, CSS and one inline script (the console,
// src/try-console.js) with the model as inline JSON. No external asset: it opens offline and from
// disk, where it says that Send needs the docs server (`pnpm start`).
import { readFileSync } from 'node:fs';
import { FAVICON } from './render-index.mjs';

const CONSOLE_SCRIPT = readFileSync(new URL('./try-console.js', import.meta.url), 'utf8');

/** JSON that is safe inside a <script> element. @param {unknown} value */
function scriptJson(value) {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/** @param {import('./try-model.mjs').TryApi[]} model @returns {string} */
export function renderTry(model) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Try it — scanapis API reference</title>
<link rel="icon" href="${FAVICON}">
<style>
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;--accent:#0b5cad;--code:#eff2f5;--ok:#1a7f37;--warn:#9a6700;--bad:#cf222e}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#151b23;--line:#3d444d;--accent:#4493f8;--code:#1f2630;--ok:#3fb950;--warn:#d29922;--bad:#f85149}}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
.bar{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center;min-height:40px;padding:.4rem 16px;font-size:14px;background:#0b1f33;color:#c9d4df}
.bar a{color:#fff;text-decoration:none;font-weight:600}
.bar a:hover{text-decoration:underline}
main{max-width:84rem;margin:0 auto;padding:1rem 1.25rem 3rem}
h1{font-size:1.6rem;margin:.5rem 0 .25rem}
h2{font-size:1.1rem;margin:0 0 .5rem}
a{color:var(--accent)}
code,pre,input,select{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
code{background:var(--code);padding:.1em .3em;border-radius:4px;overflow-wrap:anywhere}
.muted,.hint{color:var(--muted)}
.hint{font-size:.8rem;margin:.15rem 0 0;overflow-wrap:anywhere}
.picker{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:.75rem 0}
.picker select{width:auto;max-width:100%;padding:.35rem}
.route{font-family:ui-monospace,monospace;font-weight:600;overflow-wrap:anywhere}
.banner{border-radius:8px;padding:.6rem .8rem;margin:.75rem 0;border:1px solid var(--line)}
.banner.warn{border-color:var(--warn);background:color-mix(in srgb,var(--warn) 12%,transparent)}
.banner.ok{border-color:var(--ok);background:color-mix(in srgb,var(--ok) 10%,transparent)}
.layout{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.5rem;align-items:start}
@media (max-width:60rem){.layout{grid-template-columns:minmax(0,1fr)}}
.panel{border:1px solid var(--line);border-radius:10px;padding:1rem;min-width:0}
fieldset{border:1px solid var(--line);border-radius:8px;margin:0 0 .75rem;padding:.5rem .75rem .75rem;min-width:0}
legend{font-weight:600;padding:0 .25rem}
.params{display:grid;gap:.6rem}
.param label,.credential label{display:flex;flex-wrap:wrap;gap:.4rem;align-items:baseline;font-weight:600;margin-bottom:.15rem}
.param .where{font-weight:400;font-size:.75rem;color:var(--muted)}
.param .required{font-weight:600;font-size:.7rem;color:var(--bad);text-transform:uppercase}
.param.off{opacity:.55}
.problem{font-size:.8rem;margin:.15rem 0 0;color:var(--bad);font-weight:600}
input[aria-invalid=true]{border-color:var(--bad);outline-color:var(--bad)}
input[type=text],select{width:100%;padding:.35rem .45rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
.choice{margin-right:1rem;white-space:nowrap}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:.75rem 0 0}
button{font:600 14px/1 system-ui,sans-serif;padding:.55rem .9rem;border-radius:6px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}
button.secondary{background:transparent;color:var(--accent)}
button:disabled{opacity:.5;cursor:not-allowed}
.status{font:700 1.1rem/1.2 ui-monospace,monospace}
.status.s2{color:var(--ok)}.status.s4{color:var(--warn)}.status.s5{color:var(--bad)}
pre{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:.75rem;overflow:auto;max-height:32rem;margin:.25rem 0 1rem;white-space:pre}
dl.headers{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.1rem .75rem;font:12px/1.5 ui-monospace,monospace;margin:.25rem 0 1rem}
dl.headers dt{font-weight:600}
dl.headers dd{margin:0;overflow-wrap:anywhere}
h3{font-size:.95rem;margin:.75rem 0 .25rem}
</style>
</head>
<body>
<nav class="bar" aria-label="scanapis docs"><a href="index.html">← All scanapis APIs</a><span>Try it against the local mocks</span></nav>
<main>
<h1>Try it</h1>
<p class="muted">Every operation of every API, sent to its local behavioural mock through this docs server (<code>/try/&lt;api&gt;/…</code>), so nothing leaves the machine. The form is built from the spec: types, enums, bounds, defaults, required parameters and the oneof groups.</p>
<div class="picker">
<label for="try-operation"><strong>Operation</strong></label>
<select id="try-operation" data-testid="try-operation"></select>
<a id="try-reference" href="index.html">Reference →</a>
</div>
<div id="try-banner" class="banner" role="status" data-testid="try-banner" hidden></div>
<div class="layout">
<section class="panel" aria-labelledby="try-title">
<h2 id="try-title">Operation</h2>
<p class="muted"><span id="try-api"></span><br><span class="route" id="try-route"></span></p>
<form id="try-form" novalidate></form>
<div class="actions">
<button type="button" id="try-send" data-testid="try-send">Send</button>
<button type="button" id="try-next" class="secondary" data-testid="try-next" disabled>Next page</button>
<button type="button" id="try-reset" class="secondary">Reset the form</button>
</div>
</section>
<section class="panel" aria-label="Answer">
<div id="try-response" hidden>
<h2>Answer</h2>
<p><span class="status" id="try-status" data-testid="try-status"></span> <span class="muted" id="try-time"></span></p>
<p class="muted route" id="try-sent"></p>
<h3>Headers</h3>
<dl class="headers" id="try-headers" data-testid="try-headers"></dl>
<h3>Body</h3>
<pre id="try-body" data-testid="try-body"></pre>
<h3>The same request with curl</h3>
<pre id="try-curl" data-testid="try-curl"></pre>
<h3>The same request with the TypeScript client</h3>
<pre id="try-ts" data-testid="try-ts"></pre>
</div>
<p class="muted" id="try-empty">Send a request to see the answer, with the same request as curl and as TypeScript.</p>
</section>
</div>
</main>
<script type="application/json" id="try-model">${scriptJson(model)}</script>
<script>
${CONSOLE_SCRIPT}</script>
</body>
</html>
`;
}
