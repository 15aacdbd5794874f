import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createMockFetch,
  createRateLimiter,
  type InProcessMock,
  type MockDefinition,
  startDefinedMock,
} from '../src/index.js';

// The tiny spec with two production servers: a templated one and one with a path.
const specFile = fileURLToPath(new URL('./fixtures/tiny-servers.json', import.meta.url));
const PATH = '/v1/p/things?a=1';

/** A mock with state per instance: a rate limit of `limit` requests per key. */
const definition: MockDefinition<{ limit?: number }, { kind: string }> = {
  name: 'tiny-mock',
  specFile,
  create(options) {
    const limiter = createRateLimiter({ limit: options.limit ?? 1000, windowMs: 60_000 });
    return {
      dialect: {
        authenticate: (req) => {
          if (req.headers['x-key'] !== 'ok') return { status: 401, body: { hook: 'authenticate' } };
          return limiter.hit('ok').allowed ? undefined : { status: 429, body: { hook: 'limited' } };
        },
        badRequest: () => ({ status: 400, body: { hook: 'badRequest' } }),
        notFound: () => ({ status: 404, body: { hook: 'notFound' } }),
        methodNotAllowed: () => ({ status: 405, body: { hook: 'methodNotAllowed' } }),
        internalError: () => ({ status: 500, body: { hook: 'internalError' } }),
        commonHeaders: (req) => ({ 'x-request-id': req.requestId, 'x-saw-host': String(req.headers.host) }),
      },
      handler: () => ({ status: 200, headers: { 'x-count': '0' }, body: { items: [] } }),
      onReset: () => limiter.reset(),
      extras: { kind: 'tiny' },
    };
  },
};

const KEY = { 'x-key': 'ok' };

describe('createMockFetch: which URLs it answers, in-process', () => {
  const mock = createMockFetch(definition, { baseUrl: ['http://localhost:9/prefix', 'http://tiny.test'] });
  const spy = vi.spyOn(globalThis, 'fetch');
  afterAll(() => spy.mockRestore());

  it('lists the production servers, then the given base URLs', () => {
    expect(mock.baseUrls).toEqual([
      'https://api.{region}.tiny.example',
      'https://tiny.example/base',
      'http://localhost:9/prefix',
      'http://tiny.test',
    ]);
    expect(mock.kind).toBe('tiny');
  });

  it.each([
    ['the templated server, its default region', 'https://api.eu-1.tiny.example'],
    ['the templated server, any other region', 'https://api.ap-southeast-9.tiny.example'],
    ['a server with a path', 'https://tiny.example/base'],
    ['a given base URL with a path', 'http://localhost:9/prefix'],
    ['a given origin', 'http://tiny.test'],
  ])('answers %s', async (_, base) => {
    const res = await mock.fetch(base + PATH, { headers: KEY });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ items: [] });
    expect(res.headers.get('x-count')).toBe('0');
    expect(res.headers.get('content-type')).toBe('application/json');
    // What a real fetch puts on the wire, so signed requests verify.
    expect(res.headers.get('x-saw-host')).toBe(new URL(base).host);
    expect(res.url).toBe(base + PATH);
  });

  it.each([
    ['another origin', 'https://evil.example/v1/p/things'],
    ['the templated host without its variable', 'https://api.tiny.example/v1/p/things'],
    ['a variable spanning two labels', 'https://api.a.b.tiny.example/v1/p/things'],
    ['a host that only starts like a server', 'https://api.eu-1.tiny.example.evil.com/v1/p/things'],
    ['a server without its path', 'https://tiny.example/v1/p/things'],
    ['a path that only starts like the base', 'https://tiny.example/basement/v1/p/things'],
    ['another scheme', 'http://tiny.example/base/v1/p/things'],
  ])('refuses %s with a TypeError naming what it serves, and sends nothing', async (_, url) => {
    const calls = spy.mock.calls.length;
    await expect(mock.fetch(url)).rejects.toThrow(
      new TypeError(
        `tiny-mock fetch: ${new URL(url).origin} is not served by this mock fetch (it answers https://api.{region}.tiny.example, https://tiny.example/base, http://localhost:9/prefix, http://tiny.test; pass baseUrl to add one). Nothing was sent.`,
      ),
    );
    expect(spy.mock.calls.length).toBe(calls);
  });

  it('takes a Request as the global fetch does', async () => {
    const res = await mock.fetch(new Request(`http://tiny.test${PATH}`, { headers: KEY }));
    expect(res.status).toBe(200);
  });

  it.each<[string, { input: () => string | URL; init?: () => RequestInit }]>([
    ['a string and headers', { input: () => `http://tiny.test${PATH}`, init: () => ({ headers: KEY }) }],
    ['a URL object', { input: () => new URL(`http://tiny.test${PATH}`), init: () => ({ headers: KEY }) }],
    [
      'a method in lower case',
      { input: () => `http://tiny.test${PATH}`, init: () => ({ method: 'get', headers: KEY }) },
    ],
    [
      'a method fetch keeps as sent',
      { input: () => `http://tiny.test${PATH}`, init: () => ({ method: 'patch', headers: KEY }) },
    ],
    [
      'headers as pairs',
      { input: () => `http://tiny.test${PATH}`, init: () => ({ headers: [['X-Key', 'ok']] }) },
    ],
    [
      'a Headers object',
      { input: () => `http://tiny.test${PATH}`, init: () => ({ headers: new Headers(KEY) }) },
    ],
    [
      'an option fetch checks',
      { input: () => `http://tiny.test${PATH}`, init: () => ({ headers: KEY, mode: 'cors' }) },
    ],
    [
      'an option fetch refuses',
      { input: () => `http://tiny.test${PATH}`, init: () => ({ mode: 'nope' as never }) },
    ],
    ['a URL with credentials', { input: () => `http://u:p@tiny.test${PATH}` }],
    ['a relative URL', { input: () => PATH }],
    ['a forbidden method', { input: () => `http://tiny.test${PATH}`, init: () => ({ method: 'CONNECT' }) }],
    ['a body on a GET', { input: () => `http://tiny.test${PATH}`, init: () => ({ body: 'x' }) }],
    [
      'a header name fetch refuses',
      { input: () => `http://tiny.test${PATH}`, init: () => ({ headers: { 'a b': '1' } }) },
    ],
    [
      'a signal that is not one',
      { input: () => `http://tiny.test${PATH}`, init: () => ({ signal: {} as never }) },
    ],
    ['no init', { input: () => `http://tiny.test${PATH}` }],
  ])('reads %s as a Request built from the same arguments', async (_, { input, init }) => {
    const outcome = async (call: () => Promise<Response>) => {
      try {
        const res = await call();
        return {
          status: res.status,
          host: res.headers.get('x-saw-host'),
          body: await res.text(),
          url: res.url,
        };
      } catch (error) {
        return { error: `${(error as Error).name}: ${(error as Error).message}` };
      }
    };
    const direct = await outcome(() => mock.fetch(input(), init?.()));
    const viaRequest = await outcome(async () => mock.fetch(new Request(input(), init?.())));
    expect(direct).toEqual(viaRequest);
  });

  it('productionBaseUrls: false answers only the given base URL', async () => {
    const only = createMockFetch(definition, { baseUrl: 'http://only.test', productionBaseUrls: false });
    expect(only.baseUrls).toEqual(['http://only.test']);
    expect((await only.fetch(`http://only.test${PATH}`, { headers: KEY })).status).toBe(200);
    await expect(only.fetch(`https://api.eu-1.tiny.example${PATH}`)).rejects.toThrow(TypeError);
  });
});

describe('createMockFetch: faults as on the server', () => {
  let mock: InProcessMock;
  beforeAll(() => {
    mock = createMockFetch(definition);
  });
  afterEach(() => mock.reset());
  const get = (init: RequestInit = {}) =>
    mock.fetch(`https://tiny.example/base${PATH}`, { headers: KEY, ...init });

  it('drop rejects like undici on a reset connection: TypeError fetch failed, cause ECONNRESET', async () => {
    mock.faults.arm({ drop: true });
    const error = await get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('fetch failed');
    expect((error as Error).cause).toMatchObject({
      code: 'ECONNRESET',
      syscall: 'read',
      message: 'read ECONNRESET',
    });
    expect((await get()).status).toBe(200);
  });

  it('a delay holds the answer', async () => {
    mock.faults.arm({ delayMs: 120 });
    const started = performance.now();
    expect((await get()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it.each([
    ['an AbortSignal.timeout', () => AbortSignal.timeout(50), 'TimeoutError'],
    [
      'an AbortController',
      () => {
        const c = new AbortController();
        setTimeout(() => c.abort(), 50);
        return c.signal;
      },
      'AbortError',
    ],
  ])('a delay honours the request signal: %s rejects with its reason, early', async (_, signal, name) => {
    mock.faults.arm({ delayMs: 5_000 });
    const started = performance.now();
    const error = await get({ signal: signal() }).catch((e: unknown) => e);
    expect((error as Error).name).toBe(name);
    expect(performance.now() - started).toBeLessThan(2_000);
    // The aborted request used the fault up; the next answer is normal.
    expect((await get()).status).toBe(200);
  });

  it('an already aborted signal rejects at once', async () => {
    await expect(get({ signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it.each<[string, { fault?: { status: number; count: number }; header?: string; want: number[] }]>([
    ['the next N answers', { fault: { status: 503, count: 2 }, want: [503, 503, 200] }],
    ['the per-request header', { header: 'status=502', want: [502, 200, 200] }],
  ])('a status fault: %s', async (_, { fault, header, want }) => {
    if (fault) mock.faults.arm(fault);
    const statuses = [];
    for (const [i] of want.entries()) {
      const res = await get({
        headers: { ...KEY, ...(header && i === 0 ? { 'x-scanapis-fault': header } : {}) },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual(want);
  });

  it('the control paths answer in-process too; state changes need JSON', async () => {
    const base = 'https://tiny.example/base/__scanapis';
    const arm = (type: string) =>
      mock.fetch(`${base}/faults`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: '{"status":504}',
      });
    expect((await arm('text/plain')).status).toBe(415);
    expect((await arm('application/json')).status).toBe(201);
    expect(await (await mock.fetch(`${base}/faults`)).json()).toEqual({
      faults: [{ status: 504, count: 1 }],
    });
    expect((await get()).status).toBe(504);
    expect((await mock.fetch(`${base}/health`)).status).toBe(200);
  });
});

describe('isolation: every instance has its own faults and rate-limit windows', () => {
  it('a fault armed on one fetch is never seen by another, nor by a server', async () => {
    const a = createMockFetch(definition);
    const b = createMockFetch(definition);
    const server = await startDefinedMock(definition, {});
    try {
      a.faults.arm({ status: 503, count: 3 });
      const url = (base: string) => `${base}/v1/p/things?a=1`;
      expect((await b.fetch(url('https://tiny.example/base'), { headers: KEY })).status).toBe(200);
      expect((await fetch(url(server.url), { headers: KEY })).status).toBe(200);
      expect((await a.fetch(url('https://tiny.example/base'), { headers: KEY })).status).toBe(503);
      expect(server.kind).toBe('tiny');
    } finally {
      await server.close();
    }
  });

  it('rate-limit windows are per instance; reset() clears one instance only', async () => {
    const a = createMockFetch(definition, { limit: 2, baseUrl: 'http://x.test' });
    const b = createMockFetch(definition, { limit: 2, baseUrl: 'http://x.test' });
    const hit = async (m: InProcessMock) => (await m.fetch(`http://x.test${PATH}`, { headers: KEY })).status;
    expect([await hit(a), await hit(a), await hit(a)]).toEqual([200, 200, 429]);
    expect([await hit(b), await hit(b)]).toEqual([200, 200]);
    b.reset();
    expect(await hit(a)).toBe(429);
    a.reset();
    expect(await hit(a)).toBe(200);
  });
});
