import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dialect, parsePrefer, type RunningMock, startMockServer } from '../src/index.js';

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
beforeAll(async () => {
  mock = await startMockServer({
    specFile,
    dialect,
    handler: (req) => {
      if (req.params.a === 'err') throw new Error('handler failed');
      return { status: 200, headers: { 'x-count': '0' }, body: { params: req.params } };
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
      'a valid request reaches the handler with typed params',
      {
        given: { path: '/v1/p/things?a=1&limit=2', key: 'ok' },
        want: { status: 200, body: { params: { project: 'p', a: '1', limit: 2 } } },
      },
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
    ['nonsense', { given: 'code=abc; dynamic=true', want: {} }],
    ['absent', { given: undefined, want: {} }],
  ])('%s', (_, { given, want }) => {
    expect(parsePrefer(given)).toEqual(want);
  });
});
