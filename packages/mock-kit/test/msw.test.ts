import { fileURLToPath } from 'node:url';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MockDefinition } from '../src/index.js';
import { createMockHandlers } from '../src/msw.js';

const specFile = fileURLToPath(new URL('./fixtures/tiny-servers.json', import.meta.url));
const definition: MockDefinition<object> = {
  name: 'tiny-mock',
  specFile,
  create: () => ({
    dialect: {
      authenticate: (req) =>
        req.headers['x-key'] === 'ok' ? undefined : { status: 401, body: { hook: 'auth' } },
      badRequest: () => ({ status: 400, body: { hook: 'badRequest' } }),
      notFound: () => ({ status: 404, body: { hook: 'notFound' } }),
      methodNotAllowed: () => ({ status: 405, body: { hook: 'methodNotAllowed' } }),
      internalError: () => ({ status: 500, body: { hook: 'internalError' } }),
      commonHeaders: (req) => ({ 'x-saw-host': String(req.headers.host) }),
    },
    handler: () => ({ status: 200, headers: { 'x-count': '0' }, body: { items: [] } }),
  }),
};

// MSW patches the global fetch; nothing it does not handle may leave the process.
const handlers = createMockHandlers(definition, { baseUrl: 'http://tiny.test' });
const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => handlers.reset());
afterAll(() => server.close());
const KEY = { 'x-key': 'ok' };
const PATH = '/v1/p/things?a=1';

describe('createMockHandlers: MSW 2 handlers over the same pipeline', () => {
  it('are plain MSW handlers, one per base URL, carrying the instance’s faults', () => {
    expect(handlers).toHaveLength(3);
    expect(handlers.baseUrls).toEqual([
      'https://api.{region}.tiny.example',
      'https://tiny.example/base',
      'http://tiny.test',
    ]);
    expect(typeof handlers.faults.arm).toBe('function');
  });

  it.each([
    ['the templated production server, any region', 'https://api.cn-north-4.tiny.example'],
    ['the production server with a path', 'https://tiny.example/base'],
    ['a given base URL', 'http://tiny.test'],
  ])('the global fetch to %s is answered by the mock', async (_, base) => {
    const res = await fetch(base + PATH, { headers: KEY });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ items: [] });
    expect(res.headers.get('x-saw-host')).toBe(new URL(base).host);
  });

  it.each([
    ['no credentials', { path: PATH, headers: {}, want: { status: 401, body: { hook: 'auth' } } }],
    [
      'an unknown path under a base URL',
      { path: '/nope', headers: KEY, want: { status: 404, body: { hook: 'notFound' } } },
    ],
    [
      'a bad parameter',
      { path: '/v1/p/things?limit=99', headers: KEY, want: { status: 400, body: { hook: 'badRequest' } } },
    ],
  ])('validation and auth as on the server: %s', async (_, { path, headers, want }) => {
    const res = await fetch(`http://tiny.test${path}`, { headers });
    expect({ status: res.status, body: await res.json() }).toEqual(want);
  });

  it('a status fault, then normal answers', async () => {
    handlers.faults.arm({ status: 503, count: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await fetch(`http://tiny.test${PATH}`, { headers: KEY })).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('drop is a network error: the fetch rejects with a TypeError', async () => {
    handlers.faults.arm({ drop: true });
    await expect(fetch(`http://tiny.test${PATH}`, { headers: KEY })).rejects.toThrow(TypeError);
    expect((await fetch(`http://tiny.test${PATH}`, { headers: KEY })).status).toBe(200);
  });

  it('a delay honours the request signal', async () => {
    handlers.faults.arm({ delayMs: 5_000 });
    const started = performance.now();
    await expect(
      fetch(`http://tiny.test${PATH}`, { headers: KEY, signal: AbortSignal.timeout(50) }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('an origin no handler serves is refused by MSW, not sent', async () => {
    await expect(fetch('https://evil.example/v1/p/things')).rejects.toThrow();
  });
});
