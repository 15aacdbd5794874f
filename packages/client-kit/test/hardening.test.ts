import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createScanApiClient,
  type ListPromise,
  type RuntimeOptions,
  rateLimitHeaders,
  ScanApiConfigError,
  ScanApiError,
  serverDelayMs,
} from '../src/index.js';
import { pagination } from './fixtures/pagination.js';
import { json, startServer } from './fixtures/server.js';

const SECRET = 'gk_hardening_secret_value';

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});
async function serve(route: Parameters<typeof startServer>[0]) {
  const server = await startServer(route);
  closers.push(server.close);
  return server;
}

// biome-ignore lint/suspicious/noExplicitAny: the runtime is tested without a spec's types.
type AnyPaths = any;
function client(baseUrl: string, options: RuntimeOptions = {}) {
  return createScanApiClient<AnyPaths, typeof pagination>(
    {
      baseUrl,
      headers: { 'X-API-Key': SECRET },
      pagination,
      parseError: (body) => ({ message: (body as { error?: string })?.error }),
      rateLimit: rateLimitHeaders('X-RateLimit-Remaining', 'X-RateLimit-Reset'),
    },
    { retry: { baseDelayMs: 1, maxDelayMs: 2_000 }, ...options },
  );
}

/** A server on 127.0.0.2 that records every request it gets. */
async function otherOrigin() {
  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"items":[]}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.2', r));
  closers.push(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return { origin: `http://127.0.0.2:${(server.address() as AddressInfo).port}`, seen };
}

describe('redirects: credentials stay with their origin', () => {
  it.each([301, 302, 303, 307, 308])('a %i to another origin is not followed', async (status) => {
    const other = await otherOrigin();
    const server = await serve((_req, res) => {
      res.writeHead(status, { location: `${other.origin}/steal?token=abc` });
      res.end();
    });
    for (const throwOnError of [false, true]) {
      const error = await client(server.url, { throwOnError })
        .GET('/total' as never, {} as never)
        .catch((e) => e);
      expect(error).toBeInstanceOf(ScanApiError);
      expect(error).toMatchObject({ kind: 'redirect', status });
      expect(error.message).toContain(`redirect to ${other.origin} not followed`);
      expect(error.message).not.toContain('token=abc');
    }
    expect(other.seen).toHaveLength(0);
  });

  it.each([
    ['the global fetch', undefined],
    ['a fetch that reads the Request alone', ((request: Request) => fetch(request)) as typeof fetch],
  ])('with %s: another origin is not followed and a hung attempt times out', async (_, given) => {
    const other = await otherOrigin();
    const server = await serve((_req, res, url) => {
      if (url.pathname === '/hang') return;
      res.writeHead(302, { location: `${other.origin}/steal` });
      res.end();
    });
    const c = client(server.url, {
      ...(given && { fetch: given }),
      retry: false,
      timeout: { attemptMs: 50 },
    });
    const redirected = await c.GET('/total' as never, {} as never).catch((e) => e);
    expect(redirected).toMatchObject({ kind: 'redirect', status: 302 });
    expect(other.seen).toHaveLength(0);
    const hung = await c.GET('/hang' as never, {} as never).catch((e) => e);
    expect(hung).toMatchObject({ kind: 'timeout' });
    expect(hung.message).toContain('attempt timed out after 50 ms');
  });

  it('one to the same origin is followed, with the credential', async () => {
    const keys: Array<string | undefined> = [];
    const server = await serve((req, res, url) => {
      keys.push(req.headers['x-api-key'] as string);
      if (url.pathname === '/old') {
        res.writeHead(302, { location: '/total?moved=1' });
        return res.end();
      }
      json(res, 200, { items: [1], total: 1 });
    });
    const { data } = await client(server.url).GET('/old' as never, {} as never);
    expect(data).toEqual({ items: [1], total: 1 });
    expect(keys).toEqual([SECRET, SECRET]);
  });

  it('one to the same origin with user info is not followed, and the user info is not quoted', async () => {
    const server = await serve((req, res) => {
      res.writeHead(302, { location: `http://me:hunter2@${req.headers.host}/total` });
      res.end();
    });
    const error = await client(server.url)
      .GET('/total' as never, {} as never)
      .catch((e) => e);
    expect(error).toMatchObject({ kind: 'redirect', status: 302 });
    expect(inspect(error)).not.toContain('hunter2');
    expect(server.hits('/total')).toBe(1);
  });

  it('more than 5 in a row is an error', async () => {
    const server = await serve((_req, res, _url, hit) => {
      res.writeHead(302, { location: `/total?hop=${hit}` });
      res.end();
    });
    const error = await client(server.url)
      .GET('/total' as never, {} as never)
      .catch((e) => e);
    expect(error).toMatchObject({ kind: 'redirect', status: 302 });
    expect(server.hits('/total')).toBe(6);
  });
});

describe('Retry-After', () => {
  const yearAhead = () => new Date(Date.now() + 365 * 86_400_000).toUTCString();
  it.each([
    ['3600 s', () => '3600'],
    ['999999 s', () => '999999'],
    ['a date a year ahead', yearAhead],
  ])('longer than retry.maxDelayMs (%s): no wait, the 429 at once', async (_, header) => {
    const server = await serve((_req, res) =>
      json(res, 429, { error: 'Rate limit exceeded' }, { 'retry-after': header() }),
    );
    const started = Date.now();
    const { response, error } = await client(server.url).GET('/total' as never, {} as never);
    expect(response.status).toBe(429);
    expect(error).toEqual({ error: 'Rate limit exceeded' });
    const thrown = await client(server.url, { throwOnError: true })
      .GET('/total' as never, {} as never)
      .catch((e) => e);
    expect(thrown).toBeInstanceOf(ScanApiError);
    expect(thrown).toMatchObject({ kind: 'rate-limited', status: 429, vendorMessage: 'Rate limit exceeded' });
    expect(thrown.retryAfterMs).toBeGreaterThan(3_000_000);
    expect(thrown.resetAt).toBeInstanceOf(Date);
    expect(thrown.resetAt.getTime()).toBeGreaterThan(Date.now() + 3_000_000);
    expect(server.hits('/total')).toBe(2);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it.each([
    ['negative', '-5'],
    ['garbage', 'soon'],
    ['a past date', 'Wed, 21 Oct 2015 07:28:00 GMT'],
  ])('%s: the normal backoff applies', async (_, header) => {
    expect(serverDelayMs(new Headers({ 'retry-after': header }), Date.now())).toBeUndefined();
    const server = await serve((_req, res, _url, hit) =>
      hit === 1 ? json(res, 429, { error: 'x' }, { 'retry-after': header }) : json(res, 200, { items: [] }),
    );
    const { response } = await client(server.url).GET('/total' as never, {} as never);
    expect(response.status).toBe(200);
    expect(server.hits('/total')).toBe(2);
  });

  it.each([false, true])(
    'a total timeout that runs out before the wait reports the 429 (throwOnError %s)',
    async (throwOnError) => {
      const server = await serve((_req, res) =>
        json(res, 429, { error: 'slow down' }, { 'retry-after': '1' }),
      );
      const started = Date.now();
      const error = await client(server.url, { throwOnError, timeout: { totalMs: 300 } })
        .GET('/total' as never, {} as never)
        .catch((e) => e);
      expect(error).toMatchObject({ kind: 'rate-limited', status: 429, retryAfterMs: 1_000 });
      expect(error.cause).toBeInstanceOf(ScanApiError);
      expect(error.cause.kind).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(250);
      expect(server.hits('/total')).toBe(1);
    },
  );
});

describe('paging that cannot run away', () => {
  const walk = async (c: ReturnType<typeof client>, path: '/token' | '/total' | '/more', query = {}) => {
    const items: unknown[] = [];
    try {
      for await (const item of c.paginate(path, { params: { query } })) items.push(item);
    } catch (error) {
      return { items, error: error as ScanApiError };
    }
    return { items };
  };
  it.each([
    [
      'a server that ignores the offset (total)',
      {
        path: '/total' as const,
        body: { items: [{ id: 1 }], total: 10 },
        want: 'page 2: the same items as the page before',
      },
    ],
    [
      'a server that ignores the offset (hasMore)',
      {
        path: '/more' as const,
        body: { items: [{ id: 1 }], page: { hasMore: true } },
        want: 'page 2: the same items as the page before',
      },
    ],
    [
      'a nextPageToken that is a number',
      {
        path: '/token' as const,
        body: { items: [{ id: 1 }], next: 2 },
        want: 'page 1: next is not a string',
      },
    ],
    [
      'a total that is not a number',
      {
        path: '/total' as const,
        body: { items: [{ id: 1 }], total: '10' },
        want: 'page 1: total is not a number',
      },
    ],
    [
      'items that are not an array',
      {
        path: '/total' as const,
        body: { items: { id: 1 }, total: 10 },
        want: 'page 1: items is not an array',
      },
    ],
  ])('%s is a pagination error', async (_, { path, body, want }) => {
    const server = await serve((_req, res) => json(res, 200, body));
    const { items, error } = await walk(client(server.url), path);
    expect(error).toBeInstanceOf(ScanApiError);
    expect(error?.kind).toBe('pagination');
    expect(error?.message).toContain(want);
    expect(items.length).toBeLessThanOrEqual(1);
  });

  it('more items than the page size asked for is a pagination error', async () => {
    const server = await serve((_req, res) => json(res, 200, { items: [1, 2, 3], total: 3 }));
    const { error } = await walk(client(server.url), '/total', { limit: 2 });
    expect(error?.message).toContain('page 1: more than the 2 items asked for');
  });

  it('stops after 1000 pages by default', async () => {
    // In memory (the runtime's fetch option): 1000 pages without sockets.
    const fetch = (async (request: Request) => {
      const token = new URL(request.url).searchParams.get('pageToken') ?? '0';
      return new Response(JSON.stringify({ items: [{ id: token }], next: `${Number(token) + 1}` }), {
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof globalThis.fetch;
    const { items, error } = await walk(client('http://127.0.0.1:9', { fetch }), '/token');
    expect(error?.message).toContain('more than 1000 pages: giving up');
    expect(items).toHaveLength(1000);
  });
});

describe('2xx bodies that are not the object the spec declares', () => {
  it.each([
    ['empty (Content-Length: 0)', ''],
    ['null', 'null'],
    ['an array', '[]'],
    ['a string', '"ok"'],
    ['a number', '42'],
  ])('%s is a parse error in both modes', async (_, body) => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
    for (const throwOnError of [false, true]) {
      const error = await client(server.url, { throwOnError })
        .GET('/total' as never, {} as never)
        .catch((e) => e);
      expect(error).toBeInstanceOf(ScanApiError);
      expect(error).toMatchObject({ kind: 'parse', status: 200 });
    }
  });
});

describe('resource methods', () => {
  // The runtime is tested without a spec's types: the list method as the clients type it.
  const totals = (baseUrl: string) =>
    client(baseUrl).totals as unknown as { list(query?: object): ListPromise<unknown, unknown> };
  const ITEMS = Array.from({ length: 25 }, (_, i) => ({ id: i }));
  const route = (_req: unknown, res: Parameters<typeof json>[0], url: URL) => {
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 10);
    json(res, 200, { items: ITEMS.slice(offset, offset + limit), total: ITEMS.length });
  };

  it('awaiting gives the first page; nothing is sent before', async () => {
    const server = await serve(route);
    const list = totals(server.url).list({ limit: 10 });
    await new Promise((r) => setTimeout(r, 20));
    expect(server.hits('/total')).toBe(0);
    expect(await list).toEqual({ items: ITEMS.slice(0, 10), total: 25 });
    const { data, response } = await list.withResponse();
    expect(data).toEqual({ items: ITEMS.slice(0, 10), total: 25 });
    expect(response.status).toBe(200);
    expect(server.hits('/total')).toBe(1);
  });

  it('for await walks every item of every page; .pages() walks pages', async () => {
    const server = await serve(route);
    const seen: unknown[] = [];
    for await (const item of totals(server.url).list({ limit: 10 })) seen.push(item);
    expect(seen).toEqual(ITEMS);
    const sizes: number[] = [];
    for await (const page of totals(server.url).list({ limit: 10 }).pages())
      sizes.push((page as { items: unknown[] }).items.length);
    expect(sizes).toEqual([10, 10, 5]);
    expect(server.hits('/total')).toBe(6);
  });

  it('walking after awaiting reuses the first page', async () => {
    const server = await serve(route);
    const list = totals(server.url).list({ limit: 10 });
    await list;
    let n = 0;
    for await (const _ of list) n++;
    expect(n).toBe(25);
    expect(server.hits('/total')).toBe(3);
  });

  it('an error answer throws a ScanApiError, even without throwOnError', async () => {
    const server = await serve((_req, res) => json(res, 403, { error: 'forbidden' }));
    const error = await totals(server.url)
      .list()
      .then(
        () => undefined,
        (e) => e,
      );
    expect(error).toBeInstanceOf(ScanApiError);
    expect(error).toMatchObject({ kind: 'http', status: 403, vendorMessage: 'forbidden' });
    await expect(
      totals(server.url)
        .list()
        .catch((e) => (e as ScanApiError).kind),
    ).resolves.toBe('http');
  });
});

describe('logging', () => {
  const capture = () => {
    const lines: string[] = [];
    const logger = {
      debug: (l: string) => lines.push(`debug ${l}`),
      info: (l: string) => lines.push(`info ${l}`),
      warn: (l: string) => lines.push(`warn ${l}`),
      error: (l: string) => lines.push(`error ${l}`),
    };
    return { lines, logger };
  };

  it('off by default: no line', async () => {
    const server = await serve((_req, res) => json(res, 200, { items: [] }));
    const { lines, logger } = capture();
    await client(server.url, { logger }).GET('/total' as never, {} as never);
    expect(lines).toEqual([]);
  });

  it('debug: one line per attempt with method, URL, status, duration and why it was retried', async () => {
    const server = await serve((_req, res, _url, hit) =>
      hit === 1 ? json(res, 503, {}, { 'retry-after': '0' }) : json(res, 200, { items: [] }),
    );
    const { lines, logger } = capture();
    await client(server.url, { logLevel: 'debug', logger }).GET(
      '/total' as never,
      {
        params: { query: { limit: 5, api_key: 'k-secret', pageToken: 'tok-secret' } },
      } as never,
    );
    expect(lines).toHaveLength(2);
    const url = `${server.url}/total?limit=5&api_key=***&pageToken=***`;
    expect(lines[0]).toMatch(
      new RegExp(
        `^info \\[scanapis\\] GET ${url.replace(/[?*]/g, '\\$&')} 503, retry in 0 ms \\(\\d+ ms\\)$`,
      ),
    );
    expect(lines[1]).toMatch(
      new RegExp(`^debug \\[scanapis\\] GET ${url.replace(/[?*]/g, '\\$&')} 200 \\(\\d+ ms\\)$`),
    );
    expect(lines.join('\n')).not.toContain('secret');
  });

  it('warn: only error answers and failures; the reason a wait was refused', async () => {
    const server = await serve((_req, res, _url, hit) =>
      hit === 1 ? json(res, 200, { items: [] }) : json(res, 429, { error: 'x' }, { 'retry-after': '3600' }),
    );
    const { lines, logger } = capture();
    const c = client(server.url, { logLevel: 'warn', logger });
    await c.GET('/total' as never, {} as never);
    await c.GET('/total' as never, {} as never);
    expect(lines).toEqual([
      `warn [scanapis] GET ${server.url}/total 429, not retried: waiting 3600000 ms > retry.maxDelayMs (${lines[0]?.match(/\((\d+) ms\)$/)?.[1]} ms)`,
    ]);
  });

  it('SCANAPIS_LOG turns it on when logLevel is not given; a bad value names the variable, not the value', async () => {
    const server = await serve((_req, res) => json(res, 200, { items: [] }));
    const { lines, logger } = capture();
    process.env.SCANAPIS_LOG = 'debug';
    try {
      await client(server.url, { logger }).GET('/total' as never, {} as never);
      process.env.SCANAPIS_LOG = 'verbose-please';
      expect(() => client(server.url, { logger })).toThrow(
        new ScanApiConfigError('SCANAPIS_LOG', 'must be one of off, error, warn, info, debug'),
      );
    } finally {
      delete process.env.SCANAPIS_LOG;
    }
    expect(lines).toHaveLength(1);
    expect(() => client(server.url, { logLevel: 'loud' as never })).toThrow(
      'logLevel: must be one of off, error, warn, info, debug',
    );
  });
});

describe('no error or log line carries the credential', () => {
  it('whatever failed', async () => {
    const other = await otherOrigin();
    const server = await serve((req, res, url) => {
      if (url.pathname === '/redirect') {
        res.writeHead(302, { location: `${other.origin}/x?key=${SECRET}` });
        return res.end();
      }
      if (url.pathname === '/reset') return req.socket.destroy();
      if (url.pathname === '/slow') return;
      json(res, 403, { error: 'forbidden' });
    });
    const lines: string[] = [];
    const log = (l: string) => lines.push(l);
    const c = client(server.url, {
      throwOnError: true,
      logLevel: 'debug',
      logger: { debug: log, info: log, warn: log, error: log },
      timeout: { attemptMs: 50 },
    });
    const errors = [];
    for (const path of ['/redirect', '/reset', '/slow', `/denied?key=${SECRET}`])
      errors.push(await c.GET(path as never, {} as never).catch((e) => e));
    expect(errors.map((e) => e.kind)).toEqual(['redirect', 'network', 'timeout', 'http']);
    for (const error of errors) {
      const dump = [
        error.message,
        error.stack,
        String(error),
        inspect(error, { depth: 10 }),
        inspect(error.cause, { depth: 10 }),
      ].join('\n');
      expect(dump).not.toContain(SECRET);
    }
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.join('\n')).not.toContain(SECRET);
  });
});
