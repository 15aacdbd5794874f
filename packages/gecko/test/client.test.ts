import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createMockFetch, startMock, TEST_API_KEY } from '@scanapis/gecko-mock';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  createGeckoClient,
  type ErrorResponse,
  GECKO_BASE_URL,
  ScanApiConfigError,
  ScanApiError,
  type ScanSummary,
} from '../src/index.js';

const spec = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('@scanapis/spec-gecko/openapi.json'), 'utf8'),
);
const seedExample = spec.paths['/api/v1/scans'].get.responses['200'].content['application/json'].example;

/** A fetch that records the request and answers 200 with the seed's example; no network. */
function recordingFetch() {
  const requests: Request[] = [];
  const fetch = vi.fn(async (input: Request) => {
    requests.push(input);
    return new Response(JSON.stringify(seedExample), { headers: { 'content-type': 'application/json' } });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests, spy: fetch };
}

describe('createGeckoClient: options are checked before any request', () => {
  const secret = 'sk_live_this_must_not_leak';
  it.each([
    [
      'a key without gk_',
      { given: { apiKey: secret }, want: 'apiKey: must start with "gk_" (a Gecko API key)' },
    ],
    ['an empty key', { given: { apiKey: '' }, want: 'apiKey: must be printable ASCII without spaces' }],
    ['no key', { given: {} as { apiKey: string }, want: 'apiKey: must be printable ASCII without spaces' }],
    [
      'a baseUrl that is not a URL',
      {
        given: { apiKey: 'gk_ok', baseUrl: 'not a url' },
        want: 'baseUrl: must be an http(s) URL without query, fragment or user info',
      },
    ],
    [
      'a ftp baseUrl',
      {
        given: { apiKey: 'gk_ok', baseUrl: 'ftp://x.test' },
        want: 'baseUrl: must be an http(s) URL without query, fragment or user info',
      },
    ],
    [
      'a fetch that is not a function',
      {
        given: { apiKey: 'gk_ok', fetch: 'fetch' as unknown as typeof globalThis.fetch },
        want: 'fetch: must be a fetch function',
      },
    ],
  ])('refuses %s', (_, { given, want }) => {
    const { fetch, spy } = recordingFetch();
    let thrown: unknown;
    try {
      createGeckoClient({ fetch, ...given });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ScanApiConfigError);
    expect((thrown as Error).message).toBe(want);
    expect((thrown as Error).message).not.toContain(secret);
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('createGeckoClient: requests', () => {
  it('sends X-API-Key to https://app.gecko.security by default', async () => {
    const { fetch, requests } = recordingFetch();
    const client = createGeckoClient({ apiKey: 'gk_default_base', fetch });
    const { data } = await client.GET('/api/v1/scans', {
      params: { query: { limit: 50, language: 'typescript' } },
    });
    expect(GECKO_BASE_URL).toBe('https://app.gecko.security');
    expect(requests[0]?.url).toBe('https://app.gecko.security/api/v1/scans?limit=50&language=typescript');
    expect(requests[0]?.headers.get('x-api-key')).toBe('gk_default_base');
    expect(data).toEqual(seedExample);
  });

  it('a typed call against the mock returns a page of its scans', async () => {
    const client = createGeckoClient({ apiKey: TEST_API_KEY, fetch: createMockFetch().fetch });
    const { data, error, response } = await client.GET('/api/v1/scans', { params: { query: { limit: 50 } } });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data).toHaveLength(50);
    expect(data?.pagination).toEqual({ total: 123, limit: 50, offset: 0, hasMore: true });
    expect(data?.filters).toEqual({ status: null, language: null });
    expectTypeOf(data!.data).toEqualTypeOf<ScanSummary[]>();
    expectTypeOf(data!.pagination.hasMore).toEqualTypeOf<boolean>();
  });

  it('over a real socket (startMock), the same call gets the same page as in-process', async () => {
    // The one test that needs a socket: the client over undici and node:http, not only a mock fetch.
    const mock = await startMock({ port: 0 });
    try {
      const query = { limit: 5, offset: 7 };
      const wire = await createGeckoClient({ apiKey: TEST_API_KEY, baseUrl: mock.url }).scans.list(query);
      const local = await createGeckoClient({
        apiKey: TEST_API_KEY,
        fetch: createMockFetch().fetch,
      }).scans.list(query);
      expect(wire.data).toHaveLength(5);
      expect(wire).toEqual(local);
    } finally {
      await mock.close();
    }
  });

  it.each([
    [
      'a bad query value',
      { given: { limit: 5000 }, want: { status: 400, body: { error: 'Limit cannot exceed 1000' } } },
    ],
    [
      'offset -1',
      {
        given: { offset: -1 },
        want: {
          status: 400,
          body: {
            error: 'Invalid query parameter: offset',
            details: 'offset must be >= 0',
            hint: 'offset is an integer >= 0',
          },
        },
      },
    ],
  ])('%s comes back as the typed error body', async (_, { given, want }) => {
    const client = createGeckoClient({ apiKey: TEST_API_KEY, fetch: createMockFetch().fetch });
    const { data, error, response } = await client.GET('/api/v1/scans', { params: { query: given } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(want.status);
    expect(error).toEqual(want.body);
    expectTypeOf(error!).toEqualTypeOf<ErrorResponse>();
  });

  it('a key the mock refuses fails as the spec says', async () => {
    const client = createGeckoClient({ apiKey: 'gk_x', fetch: createMockFetch().fetch });
    const { error, response } = await client.GET('/api/v1/scans', { headers: { 'X-API-Key': 'no_prefix' } });
    expect(response.status).toBe(401);
    expect(error).toEqual({ error: 'Invalid API key format' });
  });
});

describe('createGeckoClient: the shared runtime', () => {
  it('paginate walks the mock’s pages, typed from the spec', async () => {
    const client = createGeckoClient({ apiKey: TEST_API_KEY, fetch: createMockFetch().fetch });
    const pages: number[] = [];
    for await (const page of client.pages('/api/v1/scans', {
      params: { query: { limit: 50 } },
      maxPages: 3,
    })) {
      expectTypeOf(page.pagination.hasMore).toEqualTypeOf<boolean>();
      pages.push(page.data.length);
      if (pages.length === 2) break;
    }
    expect(pages).toEqual([50, 50]);
    const ids: string[] = [];
    for await (const scan of client.paginate('/api/v1/scans', { params: { query: { limit: 20 } } })) {
      expectTypeOf(scan).toEqualTypeOf<ScanSummary>();
      ids.push(scan.id);
    }
    expect(ids).toHaveLength(123);
    expect(new Set(ids).size).toBe(123);
  });

  it('throwOnError turns the 400 into a ScanApiError with Gecko’s message', async () => {
    const client = createGeckoClient({
      apiKey: TEST_API_KEY,
      fetch: createMockFetch().fetch,
      throwOnError: true,
    });
    const error = await client.GET('/api/v1/scans', { params: { query: { limit: 5000 } } }).catch((e) => e);
    expect(error).toBeInstanceOf(ScanApiError);
    expect(error).toMatchObject({ kind: 'http', status: 400, vendorMessage: 'Limit cannot exceed 1000' });
    expect(JSON.stringify(error) + error.message).not.toContain(TEST_API_KEY);
  });

  it('reads the rate-limit headers the mock sends', async () => {
    const client = createGeckoClient({ apiKey: TEST_API_KEY, fetch: createMockFetch().fetch });
    await client.GET('/api/v1/scans');
    expect(client.rateLimit?.remaining).toBeTypeOf('number');
    expect(client.rateLimit?.reset).toBeInstanceOf(Date);
  });
});
