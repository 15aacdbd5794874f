import { afterEach, describe, expect, it, vi } from 'vitest';
import { createScanApiClient, rateLimitHeaders, ScanApiError, type VendorError } from '../src/index.js';
import { pagination } from './fixtures/pagination.js';
import { json, startServer } from './fixtures/server.js';

const ITEMS = Array.from({ length: 250 }, (_, i) => ({ id: i }));

const SECRET = 'gk_super_secret_key_do_not_leak';
const parseError = (body: unknown, response: Response): VendorError => ({
  ...(typeof (body as { error?: unknown })?.error === 'string'
    ? { message: (body as { error: string }).error }
    : {}),
  ...(response.headers.get('x-request-id') ? { requestId: response.headers.get('x-request-id')! } : {}),
});

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(route: Parameters<typeof startServer>[0]) {
  const server = await startServer(route);
  close = server.close;
  return server;
}

// biome-ignore lint/suspicious/noExplicitAny: the runtime is tested without a spec's types.
type AnyPaths = any;
function client(baseUrl: string, options: Parameters<typeof createScanApiClient>[1] = {}) {
  return createScanApiClient<AnyPaths, typeof pagination>(
    {
      baseUrl,
      headers: { 'X-API-Key': SECRET },
      pagination,
      parseError,
      rateLimit: rateLimitHeaders('X-RateLimit-Remaining', 'X-RateLimit-Reset'),
    },
    { retry: { baseDelayMs: 1, maxDelayMs: 20 }, ...options },
  );
}

/** A server paging ITEMS in each of the three styles, 100 per page by default. */
function pagingRoute(
  overrides: { repeatToken?: boolean; neverEnds?: boolean; emptyWithMore?: boolean; cycle?: boolean } = {},
) {
  return (_req: unknown, res: Parameters<typeof json>[0], url: URL) => {
    const limit = Number(url.searchParams.get('limit') ?? url.searchParams.get('pageSize') ?? 100);
    if (url.pathname === '/token' && overrides.cycle) {
      const token = url.searchParams.get('pageToken');
      return json(res, 200, { items: [{ id: token }], next: token === 'a' ? 'b' : 'a' });
    }
    if (url.pathname === '/token') {
      const start = overrides.repeatToken ? 0 : Number(url.searchParams.get('pageToken') ?? 0);
      const items = ITEMS.slice(start, start + limit);
      const next = overrides.neverEnds
        ? String(start + 1)
        : start + limit < ITEMS.length
          ? String(start + limit)
          : '';
      return json(res, 200, { items, next: overrides.repeatToken ? '100' : next });
    }
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const items = overrides.emptyWithMore ? [] : ITEMS.slice(offset, offset + limit);
    if (url.pathname === '/total') return json(res, 200, { items, total: ITEMS.length });
    return json(res, 200, {
      items,
      page: { hasMore: overrides.emptyWithMore || offset + items.length < ITEMS.length },
    });
  };
}

describe('paginate: each declared style walks every item exactly once', () => {
  it.each([
    ['token', { given: { path: '/token' as const, query: { pageSize: 100 } }, want: { requests: 3 } }],
    [
      'offset with a total',
      { given: { path: '/total' as const, query: { limit: 100 } }, want: { requests: 3 } },
    ],
    [
      'offset with hasMore',
      { given: { path: '/more' as const, query: { limit: 100 } }, want: { requests: 3 } },
    ],
    [
      'offset with a total, odd page size',
      { given: { path: '/total' as const, query: { limit: 7 } }, want: { requests: 36 } },
    ],
  ])('%s', async (_, { given, want }) => {
    const server = await serve(pagingRoute());
    const seen: number[] = [];
    for await (const item of client(server.url).paginate(given.path, { params: { query: given.query } })) {
      seen.push((item as { id: number }).id);
    }
    expect(seen).toEqual(ITEMS.map((i) => i.id));
    expect(server.hits(given.path)).toBe(want.requests);
  });

  it('pages() yields whole page bodies', async () => {
    const server = await serve(pagingRoute());
    const sizes: number[] = [];
    for await (const page of client(server.url).pages('/total', { params: { query: { limit: 100 } } })) {
      sizes.push((page as { items: unknown[] }).items.length);
    }
    expect(sizes).toEqual([100, 100, 50]);
  });

  it('break stops fetching', async () => {
    const server = await serve(pagingRoute());
    let n = 0;
    for await (const _ of client(server.url).paginate('/token', { params: { query: { pageSize: 10 } } })) {
      if (++n === 15) break;
    }
    expect(server.hits('/token')).toBe(2);
  });

  it.each([
    [
      'a repeated token',
      {
        given: { route: { repeatToken: true }, path: '/token' as const },
        want: 'page 2: the same items as the page before',
      },
    ],
    [
      'a cycle of page tokens',
      {
        given: { route: { cycle: true }, path: '/token' as const },
        want: 'page 3: a repeated page token',
      },
    ],
    [
      'a page that makes no progress',
      {
        given: { route: { emptyWithMore: true }, path: '/more' as const },
        want: 'page 1: an empty page that says more follow',
      },
    ],
    [
      'a server that never ends',
      {
        given: { route: { neverEnds: true }, path: '/token' as const, maxPages: 20 },
        want: 'more than 20 pages: giving up',
      },
    ],
  ] as Array<
    [
      string,
      {
        given: { route: Parameters<typeof pagingRoute>[0]; path: '/token' | '/more'; maxPages?: number };
        want: string;
      },
    ]
  >)('%s is an error, not an endless loop', async (_, { given, want }) => {
    const server = await serve(pagingRoute(given.route));
    const run = async () => {
      for await (const _ of client(server.url).paginate(given.path, { maxPages: given.maxPages })) {
        // walk
      }
    };
    const error = await run().catch((e) => e);
    expect(error).toBeInstanceOf(ScanApiError);
    expect(error.kind).toBe('pagination');
    expect(error.message).toContain(want);
  });

  it.each([
    ['exactly maxPages pages', { given: { maxPages: 3 }, want: { items: 250 } }],
    ['fewer pages than maxPages', { given: { maxPages: 4 }, want: { items: 250 } }],
  ])('%s: the walk completes', async (_, { given, want }) => {
    const server = await serve(pagingRoute());
    let items = 0;
    for await (const _ of client(server.url).paginate('/token', { maxPages: given.maxPages })) items++;
    expect(items).toBe(want.items);
  });

  it('an error page mid-walk throws the typed error', async () => {
    const server = await serve((req, res, url, hit) =>
      hit === 2
        ? json(res, 400, { error: 'Bad offset' }, { 'x-request-id': 'r-2' })
        : pagingRoute()(req, res, url),
    );
    const error = await (async () => {
      for await (const _ of client(server.url).paginate('/total', {})) {
        // walk
      }
    })().catch((e) => e);
    expect(error).toMatchObject({ kind: 'http', status: 400, vendorMessage: 'Bad offset', requestId: 'r-2' });
  });
});

describe('retries', () => {
  it.each([
    ['503 twice, then 200', { given: [503, 503, 200], want: { status: 200, hits: 3 } }],
    ['429, then 200', { given: [429, 200], want: { status: 200, hits: 2 } }],
    ['502, 504, then 200', { given: [502, 504, 200], want: { status: 200, hits: 3 } }],
    [
      '503 three times: the last answer comes back',
      { given: [503, 503, 503, 200], want: { status: 503, hits: 3 } },
    ],
    ['500 is not retried', { given: [500, 200], want: { status: 500, hits: 1 } }],
    ['400 is not retried', { given: [400, 200], want: { status: 400, hits: 1 } }],
  ])('%s', async (_, { given, want }) => {
    const server = await serve((_req, res, _url, hit) =>
      json(res, given[hit - 1] ?? 200, { error: 'x', items: [] }),
    );
    const { response } = await client(server.url).GET('/total' as never, {} as never);
    expect(response.status).toBe(want.status);
    expect(server.hits('/total')).toBe(want.hits);
  });

  it('honours Retry-After in seconds', async () => {
    const server = await serve((_req, res, _url, hit) =>
      hit === 1 ? json(res, 429, { error: 'slow down' }, { 'retry-after': '1' }) : json(res, 200, {}),
    );
    await client(server.url, { retry: { maxDelayMs: 2_000 } }).GET('/total' as never, {} as never);
    expect(server.times[1]! - server.times[0]!).toBeGreaterThanOrEqual(990);
  });

  it('honours X-RateLimit-Reset on a 429 without Retry-After', async () => {
    const server = await serve((_req, res, _url, hit) =>
      hit === 1
        ? json(
            res,
            429,
            { error: 'Rate limit exceeded' },
            { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': new Date(Date.now() + 200).toISOString() },
          )
        : json(res, 200, {}),
    );
    await client(server.url, { retry: { maxDelayMs: 5_000 } }).GET('/total' as never, {} as never);
    expect(server.times[1]! - server.times[0]!).toBeGreaterThanOrEqual(150);
  });

  it('does not retry a non-idempotent POST', async () => {
    const server = await serve((_req, res) => json(res, 503, { error: 'busy' }));
    const { response } = await client(server.url).POST('/total' as never, { body: {} } as never);
    expect(response.status).toBe(503);
    expect(server.hits('/total')).toBe(1);
  });

  it('retries network errors, then fails with a typed error', async () => {
    const server = await serve((req) => req.socket.destroy());
    const error = await client(server.url)
      .GET('/total' as never, {} as never)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ScanApiError);
    expect(error.kind).toBe('network');
    expect(error.attempts).toBe(3);
    expect(server.hits('/total')).toBe(3);
  });

  it('stops when the total delay budget would be exceeded', async () => {
    const server = await serve((_req, res) => json(res, 503, {}, { 'retry-after': '1' }));
    const { response } = await client(server.url, {
      retry: { maxDelayMs: 2_000, maxTotalDelayMs: 1_500 },
    }).GET('/total' as never, {} as never);
    expect(response.status).toBe(503);
    expect(server.hits('/total')).toBe(2);
  });

  it('the caller’s AbortSignal cancels a retry wait', async () => {
    const server = await serve((_req, res) => json(res, 503, {}, { 'retry-after': '10' }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await client(server.url, { retry: { maxDelayMs: 10_000 } })
      .GET('/total' as never, { signal: controller.signal } as never)
      .catch((e) => e);
    expect(error).toMatchObject({ kind: 'aborted' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('timeouts', () => {
  it('a hung attempt times out and the next attempt succeeds', async () => {
    const server = await serve((_req, res, _url, hit) =>
      hit === 1 ? undefined : json(res, 200, { ok: true }),
    );
    const { data } = await client(server.url, { timeout: { attemptMs: 100 } }).GET(
      '/total' as never,
      {} as never,
    );
    expect(data).toEqual({ ok: true });
    expect(server.hits('/total')).toBe(2);
  });

  it.each([
    [
      'per client',
      {
        given: { client: { timeout: { attemptMs: 80 }, retry: false as const }, call: {} },
        want: 'attempt timed out after 80 ms',
      },
    ],
    [
      'per call',
      {
        given: { client: { retry: false as const }, call: { timeout: { attemptMs: 60 } } },
        want: 'attempt timed out after 60 ms',
      },
    ],
    [
      'overall',
      {
        given: { client: { timeout: { attemptMs: 50, totalMs: 120 } }, call: {} },
        want: 'timed out after 120 ms in all',
      },
    ],
  ])('%s', async (_, { given, want }) => {
    const server = await serve(() => undefined);
    const error = await client(server.url, given.client)
      .GET('/total' as never, given.call as never)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ScanApiError);
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain(want);
  });
});

describe('errors', () => {
  it('by default returns { error } typed from the body', async () => {
    const server = await serve((_req, res) => json(res, 401, { error: 'Invalid API key' }));
    const { error, response } = await client(server.url).GET('/total' as never, {} as never);
    expect(response.status).toBe(401);
    expect(error).toEqual({ error: 'Invalid API key' });
  });

  it.each([
    [
      'a JSON vendor error',
      {
        given: { status: 401, body: JSON.stringify({ error: 'Invalid API key' }), type: 'application/json' },
        want: { kind: 'http', status: 401, vendorMessage: 'Invalid API key', requestId: 'req-1' },
      },
    ],
    [
      'an HTML error page',
      {
        given: { status: 502, body: '<html><body>Bad Gateway</body></html>', type: 'text/html' },
        want: { kind: 'http', status: 502, body: '<html><body>Bad Gateway</body></html>' },
      },
    ],
  ])('throwOnError: %s', async (_, { given, want }) => {
    const server = await serve((_req, res) => {
      res.writeHead(given.status, { 'content-type': given.type, 'x-request-id': 'req-1' });
      res.end(given.body);
    });
    const error = await client(server.url, { throwOnError: true, retry: false })
      .GET('/total' as never, {} as never)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ScanApiError);
    expect(error).toMatchObject(want);
  });

  it.each([
    ['a 200 with an HTML body', { given: { body: '<html>oops</html>', length: undefined }, want: 'parse' }],
    ['a truncated body', { given: { body: '{"items": [1, 2', length: 100 }, want: 'network' }],
  ])('%s is a typed error in both modes', async (_, { given, want }) => {
    const server = await serve((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        ...(given.length ? { 'content-length': String(given.length) } : {}),
      });
      res.write(given.body);
      if (given.length) setTimeout(() => res.socket?.destroy(), 10);
      else res.end();
    });
    for (const throwOnError of [false, true]) {
      const error = await client(server.url, { throwOnError, retry: false })
        .GET('/total' as never, {} as never)
        .catch((e) => e);
      expect(error).toBeInstanceOf(ScanApiError);
      expect(error.kind).toBe(want);
    }
  });

  it('never carries the credential, whatever failed', async () => {
    const server = await serve((req, res, _url, hit) => {
      if (hit === 1) return json(res, 403, { error: 'forbidden' });
      req.socket.destroy();
    });
    const errors = [
      await client(server.url, { throwOnError: true })
        .GET('/total' as never, {} as never)
        .catch((e) => e),
      await client(server.url, { throwOnError: true })
        .GET('/total?key=1' as never, {} as never)
        .catch((e) => e),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(ScanApiError);
      const dump = [
        error.message,
        error.stack,
        JSON.stringify(error),
        String(error.cause),
        JSON.stringify(error.cause),
      ].join('\n');
      expect(dump).not.toContain(SECRET);
    }
  });
});

describe('rate limits', () => {
  it('exposes the last X-RateLimit-* headers', async () => {
    const reset = '2030-01-01T00:00:00.000Z';
    const server = await serve((_req, res) =>
      json(res, 200, {}, { 'x-ratelimit-remaining': '41', 'x-ratelimit-reset': reset }),
    );
    const c = client(server.url);
    expect(c.rateLimit).toBeUndefined();
    await c.GET('/total' as never, {} as never);
    expect(c.rateLimit).toEqual({ remaining: 41, reset: new Date(reset) });
  });

  it('waitForReset holds the next request until the window resets', async () => {
    let resetAt = 0;
    const server = await serve((_req, res, _url, hit) => {
      if (hit === 1) resetAt = Date.now() + 250;
      json(
        res,
        200,
        {},
        {
          'x-ratelimit-remaining': hit === 1 ? '0' : '999',
          'x-ratelimit-reset': new Date(resetAt).toISOString(),
        },
      );
    });
    const c = client(server.url, { rateLimit: { waitForReset: true }, retry: { maxDelayMs: 1_000 } });
    await c.GET('/total' as never, {} as never);
    await c.GET('/total' as never, {} as never);
    expect(server.times[1]!).toBeGreaterThanOrEqual(resetAt - 5);
  });

  it('refuses to wait longer than retry.maxDelayMs, without sending', async () => {
    const server = await serve((_req, res) =>
      json(
        res,
        200,
        {},
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': new Date(Date.now() + 3_600_000).toISOString() },
      ),
    );
    const c = client(server.url, { rateLimit: { waitForReset: true }, retry: { maxDelayMs: 1_000 } });
    await c.GET('/total' as never, {} as never);
    const started = Date.now();
    const error = await c.GET('/total' as never, {} as never).catch((e) => e);
    expect(error).toMatchObject({ kind: 'rate-limited' });
    expect(error.retryAfterMs).toBeGreaterThan(3_590_000);
    expect(error.resetAt.getTime()).toBeGreaterThan(Date.now() + 3_590_000);
    expect(Date.now() - started).toBeLessThan(100);
    expect(server.hits('/total')).toBe(1);
  });
});

describe('the attempt timer and the body', () => {
  it('is cleared once openapi-fetch has read the body', async () => {
    const server = await serve((_req, res) => json(res, 200, { ok: true }));
    const set = vi.spyOn(globalThis, 'setTimeout');
    const clear = vi.spyOn(globalThis, 'clearTimeout');
    await client(server.url, { timeout: { attemptMs: 12_345 } }).GET('/total' as never, {} as never);
    const handles = set.mock.calls.flatMap((call, i) =>
      call[1] === 12_345 ? [set.mock.results[i]?.value] : [],
    );
    expect(handles).toHaveLength(1);
    expect(clear.mock.calls.map((c) => c[0])).toContain(handles[0]);
    set.mockRestore();
    clear.mockRestore();
  });

  it('still bounds a body the caller streams (parseAs: stream)', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"items": [');
    });
    const { data } = await client(server.url, { timeout: { attemptMs: 150 } }).GET(
      '/total' as never,
      { parseAs: 'stream' } as never,
    );
    const started = Date.now();
    await expect(new Response(data as unknown as ReadableStream).text()).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('still bounds the body of a retryable answer handed back because the retry budget is spent', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '5' });
      res.write('{"error": "busy');
    });
    const started = Date.now();
    const error = await client(server.url, {
      timeout: { attemptMs: 150 },
      retry: { maxTotalDelayMs: 1_000 },
    })
      .GET('/total' as never, {} as never)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ScanApiError);
    expect(error.kind).toBe('timeout');
    expect(server.hits('/total')).toBe(1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
