// @ts-nocheck — browser code, inlined into try.html by build.mjs and driven in Chromium by
// test/try.browser.test.ts. No dependency, no request but same-origin `/try/...`.
//
// The try-it console: a form per operation built from the model (the spec's parameters with their
// types, enums, bounds, defaults and required flags; the oneof groups), the mock's test credential
// prefilled and editable, Send through the docs server (`/try/<api>/<path>` is forwarded to the
// local mock), the answer (status, headers, formatted body), the equivalent curl and TypeScript,
// and a next-page action from the answer's nextPageToken / offset.
(() => {
  const model = JSON.parse(document.getElementById('try-model').textContent);
  const fromDisk = window.location.protocol === 'file:';
  /** `/try/` answer: { mocks: { [api]: { url, running } } }, or null before it came / without a server. */
  let mocks = null;
  let current = null; // { api, op }
  let nextQuery = null; // the query of the next page, or null

  const $ = (id) => document.getElementById(id);
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  function find(key) {
    const [api, operationId] = key.split('/');
    const entry = model.find((a) => a.api === api);
    const op = entry?.operations.find((o) => o.operationId === operationId);
    return entry && op ? { api: entry, op } : undefined;
  }

  // ---- the banner: from disk, no mocks, a mock not running --------------------------------------
  function banner(kind, text) {
    const box = $('try-banner');
    box.hidden = !text;
    box.className = `banner ${kind}`;
    box.textContent = '';
    if (!text) return;
    for (const part of text.split(/(`[^`]+`)/)) {
      box.append(part.startsWith('`') ? el('code', { text: part.slice(1, -1) }) : part);
    }
  }

  function mockUrl(api) {
    return mocks?.mocks?.[api.api]?.url ?? `http://127.0.0.1:${api.mockPort}`;
  }

  function explainMocks() {
    if (!current) return;
    const { api } = current;
    if (fromDisk) {
      banner(
        'warn',
        'This page was opened from disk, so Send has nowhere to go: the console calls the local mocks through the docs server. Run `pnpm start` and open http://127.0.0.1:8080/try.html — the form, the curl and the TypeScript below work here too.',
      );
      return;
    }
    if (mocks === null) return;
    const entry = mocks.mocks?.[api.api];
    if (!entry) {
      banner(
        'warn',
        `The local mocks are not running: this docs server has no ${api.title} mock to send to. Start everything with \`pnpm start\` and reload.`,
      );
    } else if (!entry.running) {
      banner(
        'warn',
        `The local ${api.title} mock at ${entry.url} is not running. Start it with \`pnpm start\` and reload.`,
      );
    } else {
      banner('ok', `Requests go to the local ${api.title} mock at ${entry.url}, through this docs server.`);
    }
  }

  // ---- the form ----------------------------------------------------------------------------------
  /** A spec pattern that is not a valid JavaScript regular expression is not checked here. */
  function matches(pattern, value) {
    try {
      return new RegExp(pattern, 'u').test(value);
    } catch {
      return true;
    }
  }

  /** What the spec says is wrong with a value, or '' (shown under the field; Send still sends it). */
  function problem(p, raw) {
    const value = raw.trim();
    if (value === '') return p.required ? 'required: the mock answers 400 without it' : '';
    if (p.type === 'integer' || p.type === 'number') {
      if (!(p.type === 'integer' ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/).test(value))
        return `not ${p.type === 'integer' ? 'an integer' : 'a number'}`;
      const n = Number(value);
      if (p.minimum !== undefined && n < p.minimum) return `below the minimum ${p.minimum}`;
      if (p.maximum !== undefined && n > p.maximum) return `above the maximum ${p.maximum}`;
    }
    if (p.type === 'string') {
      if (p.minLength !== undefined && value.length < p.minLength)
        return `shorter than ${p.minLength} characters`;
      if (p.maxLength !== undefined && value.length > p.maxLength)
        return `longer than ${p.maxLength} characters`;
      if (p.pattern && !matches(p.pattern, value)) return 'does not match the pattern';
    }
    return '';
  }

  function checkField(p) {
    const input = $(`param-${p.name}`);
    const message = input.disabled ? '' : problem(p, input.value);
    input.setAttribute('aria-invalid', message ? 'true' : 'false');
    const note = $(`param-${p.name}-problem`);
    note.textContent = message ? `${message} — Send sends it anyway, to show the mock’s answer` : '';
    note.hidden = !message;
  }

  function control(p) {
    const id = `param-${p.name}`;
    const common = { id, name: id, 'data-param': p.name, 'aria-describedby': `${id}-hint` };
    if (p.enum || p.type === 'boolean') {
      const values = p.enum ?? [true, false];
      const select = el(
        'select',
        common,
        el('option', {
          value: '',
          text: p.default !== undefined ? `(not sent: ${p.default})` : '(not sent)',
        }),
        values.map((v) => el('option', { value: String(v), text: String(v) })),
      );
      select.value = p.value;
      return select;
    }
    return el('input', {
      ...common,
      oninput: () => checkField(p),
      type: 'text',
      inputmode: p.type === 'integer' || p.type === 'number' ? 'numeric' : undefined,
      autocomplete: 'off',
      spellcheck: 'false',
      value: p.value,
      placeholder:
        p.default !== undefined ? `default ${p.default}` : p.example !== undefined ? `e.g. ${p.example}` : '',
    });
  }

  function renderForm() {
    const { api, op } = current;
    nextQuery = null;
    $('try-title').textContent = op.summary;
    $('try-route').textContent = `${op.method} ${op.path}`;
    $('try-reference').href = op.reference;
    $('try-api').textContent = api.title.includes(api.vendor) ? api.title : `${api.title} · ${api.vendor}`;

    const form = $('try-form');
    form.textContent = '';
    form.append(
      el(
        'fieldset',
        { class: 'credential' },
        el('legend', { text: 'Credential' }),
        el('label', { for: 'credential', text: api.auth.header }),
        el('input', {
          id: 'credential',
          name: 'credential',
          type: 'text',
          autocomplete: 'off',
          spellcheck: 'false',
          value: `${api.auth.prefix}${api.auth.value}`,
        }),
        el('p', {
          class: 'hint',
          text: 'The mock’s public test credential, prefilled. Edit it, or clear it to send none (the mock answers 401).',
        }),
      ),
    );

    const grouped = new Set(op.oneOf.flat());
    op.oneOf.forEach((group, index) => {
      const name = `oneof-${index}`;
      form.append(
        el(
          'fieldset',
          { class: 'oneof', 'data-oneof': index },
          el('legend', { text: `Send exactly one of ${group.join(' or ')}` }),
          group.map((member, i) =>
            el(
              'label',
              { class: 'choice' },
              el('input', { type: 'radio', name, value: member, checked: i === 0, onchange: syncOneOf }),
              ` ${member}`,
            ),
          ),
        ),
      );
    });

    const list = el('div', { class: 'params' });
    for (const p of op.parameters) {
      list.append(
        el(
          'div',
          { class: `param${grouped.has(p.name) ? ' in-oneof' : ''}`, 'data-row': p.name },
          el(
            'label',
            { for: `param-${p.name}` },
            el('span', { class: 'name', text: p.name }),
            el('span', { class: 'where', text: p.in }),
            p.required ? el('span', { class: 'required', text: 'required' }) : null,
          ),
          control(p),
          el('p', {
            class: 'hint',
            id: `param-${p.name}-hint`,
            text: p.enum ? `${p.hint} · one of ${p.enum.join(', ')}` : p.hint,
          }),
          el('p', { class: 'problem', id: `param-${p.name}-problem`, role: 'status', hidden: true }),
        ),
      );
    }
    form.append(list);
    syncOneOf();
    for (const p of op.parameters) checkField(p);
    $('try-response').hidden = true;
    $('try-empty').hidden = false;
    $('try-next').disabled = true;
    $('try-next').textContent = 'Next page';
    explainMocks();
    $('try-send').disabled = fromDisk;
  }

  /** Only the chosen member of each oneof group is editable (and sent). */
  function syncOneOf() {
    const { op } = current;
    op.oneOf.forEach((group, index) => {
      const chosen = document.querySelector(`input[name="oneof-${index}"]:checked`)?.value;
      for (const member of group) {
        const input = $(`param-${member}`);
        input.disabled = member !== chosen;
        input.closest('.param').classList.toggle('off', member !== chosen);
        checkField(op.parameters.find((p) => p.name === member));
      }
    });
  }

  /** The request the form describes: path, query pairs (in form order) and headers. */
  function collect() {
    const { api, op } = current;
    const pathValues = {};
    const query = [];
    for (const p of op.parameters) {
      const input = $(`param-${p.name}`);
      if (input.disabled) continue;
      const value = input.value.trim();
      if (p.in === 'path') pathValues[p.name] = value;
      else if (p.in === 'query' && value !== '') query.push([p.name, value]);
    }
    const path = op.path.replace(/\{([^}]+)\}/g, (_, name) => encodeURIComponent(pathValues[name] ?? ''));
    const headers = { Accept: 'application/json' };
    const credential = $('credential').value.trim();
    if (credential !== '') headers[api.auth.header] = credential;
    return { path, pathValues, query, headers, credential };
  }

  // ---- equivalents -------------------------------------------------------------------------------
  const shellQuote = (text) => `'${String(text).replaceAll("'", `'\\''`)}'`;
  const jsString = (text) => `'${String(text).replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

  function curlFor(request) {
    const { api } = current;
    const lines = [`curl --get ${shellQuote(`${mockUrl(api)}${request.path}`)}`];
    for (const [name, value] of Object.entries(request.headers)) {
      if (name !== 'Accept') lines.push(`  --header ${shellQuote(`${name}: ${value}`)}`);
    }
    for (const [name, value] of request.query)
      lines.push(`  --data-urlencode ${shellQuote(`${name}=${value}`)}`);
    return lines.join(' \\\n');
  }

  function typed(p, value) {
    if ((p.type === 'integer' || p.type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return value;
    if (p.type === 'boolean' && (value === 'true' || value === 'false')) return value;
    return jsString(value);
  }

  function tsFor(request) {
    const { api, op } = current;
    const byName = Object.fromEntries(op.parameters.map((p) => [p.name, p]));
    const token =
      api.auth.prefix && request.credential.startsWith(api.auth.prefix)
        ? request.credential.slice(api.auth.prefix.length)
        : request.credential;
    const options = api.client.options.replace(/\{(\w+)\}/g, (whole, key) => {
      if (key === 'credential') return jsString(token);
      if (key === 'baseUrl') return jsString(mockUrl(api));
      if (key in request.pathValues) return jsString(request.pathValues[key]);
      return whole;
    });
    const pathEntries = Object.entries(request.pathValues).filter(
      ([n]) => !api.client.filledByClient.includes(n),
    );
    const parts = [];
    if (pathEntries.length) {
      parts.push(`    path: { ${pathEntries.map(([n, v]) => `${n}: ${jsString(v)}`).join(', ')} },`);
    }
    if (request.query.length) {
      parts.push('    query: {');
      for (const [name, value] of request.query) parts.push(`      ${name}: ${typed(byName[name], value)},`);
      parts.push('    },');
    }
    const init = parts.length ? `, {\n  params: {\n${parts.join('\n')}\n  },\n}` : '';
    return [
      `import { ${api.client.factory} } from '${api.client.package}';`,
      '',
      `const ${api.client.variable} = ${api.client.factory}(${options});`,
      '',
      `const { data, error, response } = await ${api.client.variable}.GET('${op.path}'${init});`,
      'console.log(response.status, error ?? data);',
    ].join('\n');
  }

  // ---- sending and the answer --------------------------------------------------------------------
  function field(body, dotted) {
    let node = body;
    for (const key of dotted.split('.')) {
      if (node === null || typeof node !== 'object') return undefined;
      node = node[key];
    }
    return node;
  }

  /** The next page's query changes from the answer, as the spec's paging declaration says. */
  function nextPage(request, status, body) {
    const paging = current.op.pagination;
    if (!paging || status !== 200 || body === null || typeof body !== 'object') return null;
    const items = field(body, paging.itemsField);
    const count = Array.isArray(items) ? items.length : 0;
    const sent = Object.fromEntries(request.query);
    if (paging.style === 'token') {
      const token = field(body, paging.nextTokenField);
      return typeof token === 'string' && token !== '' ? { [paging.tokenParam]: token } : null;
    }
    const offset = Number(sent[paging.offsetParam] ?? 0) + count;
    if (count === 0) return null;
    if (paging.style === 'offset-total') {
      return offset < Number(field(body, paging.totalField))
        ? { [paging.offsetParam]: String(offset) }
        : null;
    }
    if (paging.style === 'offset-has-more') {
      return field(body, paging.hasMoreField) === true ? { [paging.offsetParam]: String(offset) } : null;
    }
    return null;
  }

  async function send() {
    if (fromDisk) {
      explainMocks();
      return;
    }
    const { api } = current;
    const request = collect();
    const search = new URLSearchParams(request.query).toString();
    const target = `/try/${api.api}${request.path}${search ? `?${search}` : ''}`;
    $('try-send').disabled = true;
    $('try-next').disabled = true;
    $('try-sent').textContent = `${current.op.method} ${request.path}${search ? `?${search}` : ''}`;
    $('try-curl').textContent = curlFor(request);
    $('try-ts').textContent = tsFor(request);
    const started = performance.now();
    let answer;
    let text = '';
    try {
      answer = await fetch(target, { headers: request.headers, cache: 'no-store' });
      text = await answer.text();
    } catch (error) {
      $('try-send').disabled = false;
      banner('warn', `The docs server did not answer (${error.message}). Is \`pnpm start\` still running?`);
      return;
    }
    const ms = Math.round(performance.now() - started);
    $('try-send').disabled = false;
    if (answer.headers.get('docs-proxy')) {
      // The docs server's own answer: the mock is not configured or not running.
      try {
        banner('warn', JSON.parse(text).error);
      } catch {
        banner('warn', text);
      }
    }
    let body = null;
    let pretty = text;
    try {
      body = JSON.parse(text);
      pretty = JSON.stringify(body, null, 2);
    } catch {
      /* not JSON: shown as sent */
    }
    const status = $('try-status');
    status.textContent = `${answer.status} ${answer.statusText}`.trim();
    status.dataset.status = String(answer.status);
    status.className = `status s${String(answer.status)[0]}`;
    $('try-time').textContent = `in ${ms} ms`;
    const headers = $('try-headers');
    headers.textContent = '';
    for (const [name, value] of [...answer.headers.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      headers.append(el('dt', { text: name }), el('dd', { text: value }));
    }
    $('try-body').textContent = pretty || '(empty body)';
    $('try-response').hidden = false;
    $('try-empty').hidden = true;
    // One column (a phone): the answer is below the form, so bring it into view.
    if (window.matchMedia('(max-width: 60rem)').matches) $('try-response').scrollIntoView({ block: 'start' });

    nextQuery = nextPage(request, answer.status, body);
    const next = $('try-next');
    next.disabled = nextQuery === null;
    next.textContent = nextQuery
      ? `Next page (${Object.entries(nextQuery)
          .map(([k, v]) => `${k} ${v.length > 16 ? `${v.slice(0, 14)}…` : v}`)
          .join(', ')})`
      : 'Next page';
  }

  function goNext() {
    if (!nextQuery) return;
    for (const [name, value] of Object.entries(nextQuery)) {
      $(`param-${name}`).value = value;
      checkField(current.op.parameters.find((p) => p.name === name));
    }
    send();
  }

  // ---- wiring ------------------------------------------------------------------------------------
  function select(key) {
    const found = find(key) ?? { api: model[0], op: model[0].operations[0] };
    current = found;
    $('try-operation').value = `${found.api.api}/${found.op.operationId}`;
    renderForm();
  }

  const picker = $('try-operation');
  for (const api of model) {
    picker.append(
      el(
        'optgroup',
        { label: api.title },
        api.operations.map((op) => el('option', { value: `${api.api}/${op.operationId}`, text: op.summary })),
      ),
    );
  }
  picker.addEventListener('change', () => {
    window.location.hash = picker.value;
  });
  window.addEventListener('hashchange', () => select(decodeURIComponent(window.location.hash.slice(1))));
  $('try-form').addEventListener('submit', (event) => {
    event.preventDefault();
    send();
  });
  $('try-send').addEventListener('click', send);
  $('try-next').addEventListener('click', goNext);
  $('try-reset').addEventListener('click', renderForm);

  select(decodeURIComponent(window.location.hash.slice(1)));
  if (!fromDisk) {
    fetch('/try/', { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : { mocks: {} }))
      .catch(() => ({ mocks: {} }))
      .then((status) => {
        mocks = status;
        explainMocks();
      });
  }
})();
