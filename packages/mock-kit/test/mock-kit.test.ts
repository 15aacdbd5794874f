import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Dialect, parsePrefer, type RunningMock, startMockServer, toWire } from '../src/index.js';

const specFile = fileURLToPath(new URL('../../spec-tools/test/fixtures/tiny.json', import.meta.url));

/** A dialect that says which hook answered, so each step of the pipeline is visible. */
const dialect: Dialect = {
  authenticate: (req) =>
    req.headers['x-key'] === 'ok' ? undefined : { status: 401, body: { hook: 'authenticate' } },
  badRequest: (violations) => ({
    status: 400,
    body: { hook: 'badRequest', names: violations.map((v) => v.name) },
  }),
  notFound: () => ({ status: 404, body: { hook: 'notFound' } }),
  methodNotAllowed: () => ({ status: 405, body: { hook: 'methodNotAllowed' } }),
  internalError: () => ({ status: 500, body: { hook: 'internalError' } }),
  commonHeaders: (req) => ({ 'x-request-id': req.requestId }),
};

let mock: RunningMock;
let lastParams: unknown;
const violations: string[][] = [];
beforeAll(async () => {
  mock = await startMockServer({
    specFile,
    dialect,
    onViolation: (problems) => violations.push(problems),
    handler: (req) => {
      if (req.params.a === 'err') throw new Error('handler failed');
      lastParams = req.params;
      // `a=bad` makes the handler answer against the spec: the mock must catch it.
      if (req.params.a === 'bad')
        return { status: 200, headers: { 'x-count': '-1' }, body: { items: ['nope'] } };
      return { status: 200, headers: { 'x-count': '0' }, body: { items: [] } };
    },
  });
});
afterAll(() => mock.close());

describe('startMockServer pipeline: route → authenticate → validate → handle', () => {
  it.each([
    [
      'unknown path',
      { given: { path: '/nope', key: 'ok' }, want: { status: 404, body: { hook: 'notFound' } } },
    ],
    [
      'wrong method',
      {
        given: { path: '/v1/p/things?a=1', key: 'ok', method: 'POST' },
        want: { status: 405, body: { hook: 'methodNotAllowed' } },
      },
    ],
    [
      'no credentials',
      { given: { path: '/v1/p/things?a=1' }, want: { status: 401, body: { hook: 'authenticate' } } },
    ],
    [
      'auth before validation',
      { given: { path: '/v1/p/things?limit=99' }, want: { status: 401, body: { hook: 'authenticate' } } },
    ],
    [
      'every violation reaches the dialect',
      {
        given: { path: '/v1/p/things?limit=99&kind=z', key: 'ok' },
        want: { status: 400, body: { hook: 'badRequest', names: ['limit', 'kind', 'a, b'] } },
      },
    ],
    [
      'a valid request reaches the handler',
      { given: { path: '/v1/p/things?a=1&limit=2', key: 'ok' }, want: { status: 200, body: { items: [] } } },
    ],
    [
      'a handler failure is the dialect 500',
      {
        given: { path: '/v1/p/things?a=err', key: 'ok' },
        want: { status: 500, body: { hook: 'internalError' } },
      },
    ],
  ] as Array<
    [
      string,
      { given: { path: string; key?: string; method?: string }; want: { status: number; body: unknown } },
    ]
  >)('%s', async (_, { given, want }) => {
    const res = await fetch(mock.url + given.path, {
      method: given.method ?? 'GET',
      headers: given.key ? { 'x-key': given.key } : {},
    });
    expect(res.status).toBe(want.status);
    expect(await res.json()).toEqual(want.body);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('passes typed params to the handler', async () => {
    await fetch(`${mock.url}/v1/p/things?a=1&limit=2&flag=true`, { headers: { 'x-key': 'ok' } });
    expect(lastParams).toEqual({ project: 'p', a: '1', limit: 2, flag: true });
  });

  it('an answer that breaks the spec is replaced by the 500, loudly', async () => {
    const before = violations.length;
    const res = await fetch(`${mock.url}/v1/p/things?a=bad`, { headers: { 'x-key': 'ok' } });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ hook: 'internalError' });
    expect(res.headers.get('x-scanapis-violation')).toBe('header X-Count must be >= 0');
    expect(violations.slice(before)).toEqual([
      ['header X-Count must be >= 0', 'body/items/0 must be a valid uuid'],
    ]);
  });

  it('binds 127.0.0.1 and a free port by default', () => {
    expect(mock.host).toBe('127.0.0.1');
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
    expect(mock.port).toBeGreaterThan(0);
  });

  it('close() stops answering', async () => {
    const other = await startMockServer({ specFile, dialect, handler: () => ({ status: 200, body: {} }) });
    await other.close();
    await expect(fetch(other.url, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();
  });
});

describe('parsePrefer', () => {
  it.each([
    ['code', { given: 'code=429', want: { code: 429 } }],
    ['code and example', { given: 'code=401, example=badKey', want: { code: 401, exampleKey: 'badKey' } }],
    [
      'a code that is no status is kept to be refused',
      { given: 'code=abc; dynamic=true', want: { badCode: 'abc' } },
    ],
    ['absent', { given: undefined, want: {} }],
  ])('%s', (_, { given, want }) => {
    expect(parsePrefer(given)).toEqual(want);
  });
});

describe('faults on demand at /__scanapis/faults', () => {
  const json = { 'content-type': 'application/json' };
  const arm = (fault: unknown) =>
    fetch(`${mock.url}/__scanapis/faults`, { method: 'POST', headers: json, body: JSON.stringify(fault) });
  const get = () => fetch(`${mock.url}/v1/p/things?a=1`, { headers: { 'x-key': 'ok' } });
  afterAll(() => fetch(`${mock.url}/__scanapis/faults`, { method: 'DELETE', headers: json }));

  it('the next N answers get the status; then normal answers resume', async () => {
    expect((await arm({ status: 503, count: 2 })).status).toBe(201);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get()).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('a delay holds the answer', async () => {
    await arm({ delayMs: 150 });
    const started = Date.now();
    expect((await get()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('a drop closes the connection without an answer', async () => {
    await arm({ drop: true });
    await expect(get()).rejects.toThrow();
    expect((await get()).status).toBe(200);
  });

  it('lists and clears', async () => {
    await arm({ status: 500, count: 3 });
    expect(await (await fetch(`${mock.url}/__scanapis/faults`)).json()).toEqual({
      faults: [{ status: 500, count: 3 }],
    });
    await fetch(`${mock.url}/__scanapis/faults`, { method: 'DELETE', headers: json });
    expect((await get()).status).toBe(200);
  });

  it.each([
    ['not JSON', 'nope', /the body must be a JSON fault/],
    ['an unknown field', { stauts: 500 }, /unknown field stauts/],
    ['a status out of range', { status: 99 }, /status must be an HTTP status from 200 to 599/],
    ['nothing to do', { count: 2 }, /a fault needs status, delayMs or drop/],
    ['an empty session', { status: 500, session: '' }, /session must be a string of 1 to 128 visible ASCII/],
  ])('refuses %s with a 400', async (_, fault, want) => {
    const res = await fetch(`${mock.url}/__scanapis/faults`, {
      method: 'POST',
      headers: json,
      body: typeof fault === 'string' ? fault : JSON.stringify(fault),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(want);
  });
});

describe('a fault for one answer with the x-scanapis-fault header', () => {
  const get = (fault: string) =>
    fetch(`${mock.url}/v1/p/things?a=1`, { headers: { 'x-key': 'ok', 'x-scanapis-fault': fault } });
  it.each([
    ['a status', { given: 'status=503', want: 503 }],
    ['a status and a delay', { given: 'status=429, delay=10', want: 429 }],
    ['a malformed header', { given: 'status=abc', want: 400 }],
  ])('%s', async (_, { given, want }) => {
    expect((await get(given)).status).toBe(want);
    expect((await fetch(`${mock.url}/v1/p/things?a=1`, { headers: { 'x-key': 'ok' } })).status).toBe(200);
  });
  it('drop', async () => {
    await expect(get('drop')).rejects.toThrow();
  });
});

describe('requests Node cannot parse still get the dialect’s error', () => {
  const raw = (payload: string) =>
    new Promise<string>((resolve, reject) => {
      const url = new URL(mock.url);
      const socket = connect(Number(url.port), url.hostname, () => socket.end(payload));
      let out = '';
      socket.on('data', (d) => {
        out += d;
      });
      socket.on('end', () => resolve(out));
      socket.on('error', reject);
    });
  it.each([
    ['not HTTP', { given: 'HELLO THERE\r\n\r\n', want: { status: 'HTTP/1.1 400' } }],
    [
      'headers over 256 KiB',
      {
        given: `GET /v1/p/things?a=1 HTTP/1.1\r\nx-big: ${'a'.repeat(300_000)}\r\n\r\n`,
        want: { status: 'HTTP/1.1 431' },
      },
    ],
  ])('%s', async (_, { given, want }) => {
    const answer = await raw(given);
    expect(answer.startsWith(want.status)).toBe(true);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
      hook: 'badRequest',
      names: ['request'],
    });
    expect(answer).toContain('x-request-id');
  });
});

describe('toWire: one reply shape for every transport', () => {
  it.each([
    [
      'JSON',
      {
        given: { status: 200, body: { a: 1 } },
        want: {
          status: 200,
          headers: { 'x-request-id': 'r', 'content-type': 'application/json', 'content-length': '7' },
          payload: '{"a":1}',
        },
      },
    ],
    [
      'text',
      {
        given: { status: 200, body: 'hi' },
        want: {
          status: 200,
          headers: {
            'x-request-id': 'r',
            'content-type': 'text/plain; charset=utf-8',
            'content-length': '2',
          },
          payload: 'hi',
        },
      },
    ],
    [
      '204 drops body, length and type',
      {
        given: { status: 204, headers: { 'Content-Type': 'application/json' }, body: { a: 1 } },
        want: { status: 204, headers: { 'x-request-id': 'r' }, payload: '' },
      },
    ],
    [
      '304 likewise',
      {
        given: { status: 304, body: 'x' },
        want: { status: 304, headers: { 'x-request-id': 'r' }, payload: '' },
      },
    ],
    [
      '1xx likewise',
      {
        given: { status: 103, body: 'x' },
        want: { status: 103, headers: { 'x-request-id': 'r' }, payload: '' },
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(toWire(given, { 'x-request-id': 'r' })).toEqual(want);
  });
});

describe('startMockServer with the global fetch replaced (vi.stubGlobal, MSW)', () => {
  it('starts and answers: its readiness check does not go through the global fetch', async () => {
    vi.stubGlobal('fetch', () => {
      throw new Error('the global fetch was called');
    });
    try {
      const mock = await startMockServer({ specFile, dialect });
      vi.unstubAllGlobals();
      const res = await fetch(`${mock.url}/__scanapis/health`);
      expect(await res.json()).toEqual({ ok: true });
      await mock.close();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('startMockServer refuses an empty host', () => {
  it.each([[''], ['  ']])('%j', async (host) => {
    await expect(startMockServer({ specFile, dialect, host })).rejects.toThrow('host must not be empty');
  });
});
