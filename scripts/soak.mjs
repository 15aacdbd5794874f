#!/usr/bin/env node
// `pnpm soak`: 100,000 random requests per behavioural mock — valid, invalid and malformed, over
// fetch and over raw sockets — counting every answer that is not in the vendor's format (the
// spec's schema for a declared status, the API's error body otherwise, its common headers, no
// body on a bodyless status) and every request left without an answer. Loopback only, bounded in
// count and time. Not part of the test run: it prints its counts and exits 1 if any is not 0.
//   SOAK_REQUESTS=100000 SOAK_SEED=1 pnpm soak [gecko|hss|container-registry ...]
import { fork } from 'node:child_process';
import { once } from 'node:events';

const here = (p) => new URL(p, import.meta.url).href;
const pkg = (name) => here(`../packages/${name}/dist/index.js`);

const APIS = {
  gecko: { auth: (m) => ({ 'x-api-key': m.TEST_API_KEY }), common: [] },
  hss: { auth: (m) => ({ 'x-auth-token': m.TEST_TOKEN }), common: ['x-request-id'] },
  'container-registry': {
    auth: (m) => ({ authorization: `Bearer ${m.TEST_TOKEN}` }),
    common: ['x-request-id', 'x-server-trace-id'],
  },
};

// Child: one behavioural mock on a free loopback port, rate limit lifted, client timeouts of 10 s
// (a loaded machine must not turn slow parsing into 408s; cut-short requests end with the client's EOF).
if (process.argv[2] === '--serve') {
  const { startMock } = await import(pkg(`${process.argv[3]}-mock`));
  const mock = await startMock({
    port: 0,
    host: '127.0.0.1',
    rateLimit: 1e9,
    timeouts: { headersMs: 10_000, requestMs: 20_000 },
  });
  process.on('message', (m) => m === 'stop' && mock.close().then(() => process.exit(0)));
  process.send({ url: mock.url });
} else {
  await main();
}

/** A small seeded PRNG (mulberry32), so a run can be repeated. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main() {
  const { answerProblems, baselineRequest, boundaryCases, fillPath, parseRawAnswers, rawExchange } =
    await import(pkg('contract-kit'));
  const { createAjv, listOperations, loadSpec } = await import(pkg('spec-tools'));
  const total = Number(process.env.SOAK_REQUESTS ?? 100_000);
  const seed = Number(process.env.SOAK_SEED ?? 1);
  const apis = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(APIS);
  let failed = false;
  for (const api of apis) {
    const mod = await import(pkg(`${api}-mock`));
    const ops = listOperations(loadSpec(mod.specFile));
    const ajv = createAjv();
    const auth = APIS[api].auth(mod);
    const common = APIS[api].common;
    const rand = prng(seed);
    const pick = (list) => list[Math.floor(rand() * list.length)];
    const int = (n) => Math.floor(rand() * n);
    const junk = (n) => Array.from({ length: n }, () => String.fromCharCode(int(0x250))).join('');

    const child = fork(new URL(import.meta.url).pathname, ['--serve', api], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const [{ url }] = await once(child, 'message');

    const plans = ops.map((op) => ({
      op,
      base: baselineRequest(op),
      cases: boundaryCases(op).map(([, c]) => c),
    }));
    const target = (op, input) => {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(input.query ?? {})) for (const x of [v].flat()) q.append(k, x);
      const qs = q.toString();
      return `${fillPath(op.path, input.pathParams)}${qs ? `?${qs}` : ''}`;
    };
    const rawOf = (t, headers, extra = '') =>
      `GET ${t} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('')}${extra}Connection: close\r\n\r\n`;

    /** One random request: how to send it and what it is. */
    function next() {
      const { op, base, cases } = pick(plans);
      const kind = rand();
      const input = rand() < 0.5 ? base : pick(cases).given;
      let headers = { ...auth, ...base.headers, ...input.headers };
      let t = target(op, input);
      if (kind < 0.35) return { op, how: 'fetch', what: 'valid or boundary', t, headers };
      if (kind < 0.45) {
        t += `${t.includes('?') ? '&' : '?'}${encodeURIComponent(pick(['limti', 'offest', 'pagesize', junk(4)]))}=${encodeURIComponent(junk(3))}`;
        return { op, how: 'fetch', what: 'unknown parameter', t, headers };
      }
      if (kind < 0.55) {
        const p = pick(op.parameters.filter((x) => x.in === 'query')) ?? { name: 'x' };
        const value = pick([
          junk(int(20)),
          '9'.repeat(int(40) + 1),
          `-${'9'.repeat(25)}`,
          '1e309',
          '',
          '%',
          junk(2000),
          '0x10',
          ' 1',
        ]);
        t += `${t.includes('?') ? '&' : '?'}${encodeURIComponent(p.name)}=${encodeURIComponent(value)}`;
        return { op, how: 'fetch', what: 'bad value', t, headers };
      }
      if (kind < 0.62) {
        headers = pick([
          {},
          Object.fromEntries(
            Object.keys(auth).map((k) => [k, junk(int(30) + 1).replace(/[^\x21-\x7e]/g, 'x')]),
          ),
        ]);
        return { op, how: 'fetch', what: 'bad credentials', t, headers };
      }
      if (kind < 0.7) {
        const fault = pick([
          `status=${200 + int(400)}`,
          `delay=${int(4)}`,
          'status=204',
          'status=304',
          `status=${int(1000)}`,
          junk(5).replace(/[^\x21-\x7e]/g, '?'),
          'delay=99999999',
          'status=503, delay=1',
        ]);
        return {
          op,
          how: 'fetch',
          what: 'fault header',
          t,
          headers: { ...headers, 'x-scanapis-fault': fault },
          fault: true,
        };
      }
      // Raw sockets: the edges node:http would answer by itself, and random mutations of a valid request.
      const valid = rawOf(t, headers);
      const r = rand();
      let payload;
      if (r < 0.4) {
        const head = valid.slice(0, -4).split('');
        for (let i = 0, n = 1 + int(4); i < n; i++) {
          const at = int(head.length);
          const c = String.fromCharCode(int(256));
          const how = int(3);
          if (how === 0) head[at] = c;
          else if (how === 1) head.splice(at, 0, c);
          else head.splice(at, 1);
        }
        payload = Buffer.from(`${head.join('')}\r\n\r\n`, 'latin1');
      } else {
        payload = pick([
          () => `GET http://[/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
          () => `GET ${t} HTTP/1.1\r\nConnection: close\r\n\r\n`,
          () =>
            rawOf(
              t,
              headers,
              `Expect: ${pick(['200-ok', '100-continue', junk(3).replace(/[^\x21-\x7e]/g, 'e')])}\r\n`,
            ),
          () => `CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n`,
          () =>
            `${pick(['FROB', 'PROPFIND', 'M-SEARCH', 'TRACE', 'OPTIONS', 'HEAD', 'POST', 'PUT', 'BREW'])} ${t} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
          () =>
            `GET ${t} HTTP/1.0\r\n${Object.entries(headers)
              .map(([k, v]) => `${k}: ${v}\r\n`)
              .join('')}\r\n`,
          () =>
            `${valid.replace('Connection: close\r\n', '')}${pick(['GARBAGE\r\n\r\n', '\x16\x03\x01\x00', `GET / HTTP/9.9\r\n\r\n`, valid])}`,
          () => rawOf(t, headers, `X-Big: ${'a'.repeat(270_000)}\r\n`),
          () =>
            rawOf(t, headers, 'Transfer-Encoding: chunked\r\n').replace(
              'Connection: close\r\n\r\n',
              'Connection: close\r\n\r\nzz\r\n\r\n',
            ),
          () => rawOf(t, headers, 'Content-Length: 1\r\nContent-Length: 2\r\n'),
          () => rawOf(t, headers, 'x-scanapis-fault: status=204\r\n'),
          () => `GET ${t}`,
        ])();
      }
      return { op, how: 'raw', what: r < 0.4 ? 'mutated' : 'edge', payload };
    }

    const counts = {
      requests: 0,
      answers: 0,
      outside: 0,
      noAnswer: 0,
      unasked5xx: 0,
      fetchRefused: 0,
      statuses: {},
    };
    const examples = [];
    const note = (req, problem) => {
      counts.outside += 1;
      if (examples.length < 10) examples.push(`${req.what}: ${problem}`);
    };
    const check = (req, answer) => {
      counts.answers += 1;
      counts.statuses[answer.status] = (counts.statuses[answer.status] ?? 0) + 1;
      if (answer.status >= 500 && !req.fault) counts.unasked5xx += 1;
      const problems = answerProblems(req.op, answer, {
        commonHeaders: common,
        ajv,
        head: req.head === true,
      });
      if (problems.length) note(req, `${answer.status} ${problems.join('; ')}`);
    };
    const slow = [];
    const sendOne = async (req) => {
      const t0 = Date.now();
      try {
        await sendOne2(req);
      } finally {
        if (process.env.SOAK_DEBUG && Date.now() - t0 > 500)
          slow.push(
            `${Date.now() - t0}ms ${req.what} ${JSON.stringify((req.payload?.toString('latin1') ?? req.t).slice(0, 90))}`,
          );
      }
    };
    const sendOne2 = async (req) => {
      counts.requests += 1;
      if (req.how === 'fetch') {
        try {
          const res = await fetch(`${url}${req.t}`, {
            headers: req.headers,
            signal: AbortSignal.timeout(10_000),
          });
          const body = await res.text();
          const headers = {};
          res.headers.forEach((v, k) => {
            headers[k] = v;
          });
          check(req, { status: res.status, headers, body });
        } catch (error) {
          // fetch refuses some answers itself (a 407 is a network error by the Fetch standard):
          // the same request over a raw socket says what the mock really sent.
          counts.fetchRefused += 1;
          const { text } = await rawExchange(url, rawOf(req.t, req.headers), {
            end: true,
            timeoutMs: 10_000,
            idleMs: 4_000,
          });
          let answers = [];
          try {
            answers = parseRawAnswers(text);
          } catch {}
          if (answers.length === 0) {
            counts.noAnswer += 1;
            note(req, `no answer (${error.cause?.code ?? error.message})`);
          }
          for (const a of answers) check(req, a);
        }
        return;
      }
      const { text } = await rawExchange(url, req.payload, { end: true, timeoutMs: 10_000, idleMs: 4_000 });
      let answers;
      try {
        req.head = req.payload.toString('latin1').startsWith('HEAD ');
        answers = parseRawAnswers(text, { head: req.head });
      } catch (error) {
        note(req, `${error.message} for ${JSON.stringify(req.payload.toString('latin1').slice(0, 80))}`);
        return;
      }
      if (answers.length === 0) {
        counts.noAnswer += 1;
        note(req, `no answer for ${JSON.stringify(req.payload.toString('latin1').slice(0, 80))}`);
      }
      for (const a of answers) check(req, a);
    };

    const started = Date.now();
    let sent = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (sent < total) {
          sent += 1;
          await sendOne(next());
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    child.send('stop');
    await once(child, 'exit');
    const statuses = Object.entries(counts.statuses)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    console.log(
      `${api}: ${counts.requests} requests, ${counts.answers} answers in ${seconds.toFixed(1)} s (${Math.round(counts.requests / seconds)}/s); ` +
        `outside the vendor's format: ${counts.outside} (without an answer: ${counts.noAnswer}); 5xx not asked for: ${counts.unasked5xx}; ` +
        `answers fetch refused, read over a raw socket instead: ${counts.fetchRefused}`,
    );
    console.log(`  statuses: ${statuses}`);
    for (const e of examples) console.log(`  ! ${e}`);
    for (const e of slow.slice(0, 15)) console.log(`  slow: ${e}`);
    if (counts.outside || counts.unasked5xx) failed = true;
  }
  process.exit(failed ? 1 : 0);
}
