import { createMockFetch, TEST_API_KEY } from '@scanapis/gecko-mock';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { captureLog, expectNoSecret, twoOrigins } from '../../client-kit/test/fixtures/secrets.js';
import {
  createGeckoClient,
  ScanApiConfigError,
  ScanApiError,
  type ScanListResponse,
  type ScanSummary,
} from '../src/index.js';

// Redirects need sockets: two loopback servers, 127.0.0.1 redirecting to 127.0.0.2.
describe('redirects: the X-API-Key never reaches another origin', () => {
  it.each([301, 302, 307, 308])('a %i from 127.0.0.1 to 127.0.0.2', async (status) => {
    const servers = await twoOrigins(status);
    try {
      const gecko = createGeckoClient({ apiKey: TEST_API_KEY, baseUrl: servers.url });
      const error = await gecko.scans
        .list({ limit: 5 })
        .then(() => undefined)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ScanApiError);
      expect(error).toMatchObject({ kind: 'redirect', status });
      expect((error as Error).message).toContain(`redirect to ${servers.otherOrigin} not followed`);
      expect((error as Error).message).not.toContain('stolen');
      expect(servers.first.map((h) => h['x-api-key'])).toEqual([TEST_API_KEY]);
      expect(servers.reached).toEqual([]);
    } finally {
      await servers.close();
    }
  });
});

describe('secrets: no error or log line contains a key', () => {
  const SECRETS = [
    'gk_SECRET_LF\nX-Injected: 1',
    'gk_SECRET_CR\rmore',
    'gk_SECRET_NUL\0more',
    'gk_SECRET_SPACE inside',
    'gk_SECRET_TAB\tinside',
    'gk_SECRET_ÜMLAUT',
  ];
  it.each(SECRETS.map((s) => [JSON.stringify(s), s]))(
    'apiKey %s: ScanApiConfigError naming apiKey',
    (_, secret) => {
      let error: unknown;
      try {
        createGeckoClient({ apiKey: secret, baseUrl: 'http://127.0.0.1:1' });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ScanApiConfigError);
      expect(error).toMatchObject({
        option: 'apiKey',
        message: 'apiKey: must be printable ASCII without spaces',
      });
      expectNoSecret([secret], [error]);
    },
  );

  it.each([
    ['user info', 'https://me:gk_PASSWORD_1@app.gecko.test'],
    ['user info in a URL that does not parse', 'https://me:gk_PASSWORD_1@app.gecko.test:99999/'],
    ['user info only', 'https://gk_PASSWORD_1@app.gecko.test'],
  ])('a baseUrl with %s is refused without echoing it', (_, baseUrl) => {
    let error: unknown;
    try {
      createGeckoClient({ apiKey: TEST_API_KEY, baseUrl });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ option: 'baseUrl' });
    expectNoSecret(['gk_PASSWORD_1'], [error]);
  });

  it('errors and debug lines of failed calls hold no key', async () => {
    const { lines, logger } = captureLog();
    const wrongKey = 'gk_wrong_key_that_is_secret';
    const errors: unknown[] = [];
    const bad = createGeckoClient({
      apiKey: wrongKey,
      fetch: createMockFetch().fetch,
      throwOnError: true,
      logLevel: 'debug',
      logger,
    });
    errors.push(await bad.GET('/api/v1/scans').catch((e: unknown) => e));
    errors.push(
      await bad.scans
        .list()
        .then(() => undefined)
        .catch((e: unknown) => e),
    );
    const servers = await twoOrigins();
    try {
      const redirected = createGeckoClient({
        apiKey: wrongKey,
        baseUrl: servers.url,
        logLevel: 'debug',
        logger,
      });
      errors.push(await redirected.GET('/api/v1/scans').catch((e: unknown) => e));
    } finally {
      await servers.close();
    }
    // A refused connection (nothing listens on port 9) and the redirect above need real sockets.
    const refused = createGeckoClient({
      apiKey: wrongKey,
      baseUrl: 'http://127.0.0.1:9',
      logLevel: 'debug',
      logger,
      retry: false,
    });
    errors.push(await refused.GET('/api/v1/scans').catch((e: unknown) => e));
    expect(errors.map((e) => (e as ScanApiError).kind)).toEqual(['http', 'http', 'redirect', 'network']);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expectNoSecret([wrongKey], errors, lines);
  });
});

describe('scans.list(): one shape for every API', () => {
  const gecko = () => createGeckoClient({ apiKey: TEST_API_KEY, fetch: createMockFetch().fetch });

  it('awaiting gives the first page, typed', async () => {
    const page = await gecko().scans.list({ limit: 50 });
    expectTypeOf(page).toEqualTypeOf<ScanListResponse>();
    expect(page.data).toHaveLength(50);
    expect(page.pagination).toMatchObject({ offset: 0, limit: 50, hasMore: true });
    const { data, response } = await gecko().scans.list({ limit: 1 }).withResponse();
    expect(response.status).toBe(200);
    expect(data.data).toHaveLength(1);
  });

  it('for await walks every scan once; .pages() walks the pages', async () => {
    const ids: string[] = [];
    for await (const scan of gecko().scans.list({ limit: 50 })) {
      expectTypeOf(scan).toEqualTypeOf<ScanSummary>();
      ids.push(scan.id);
    }
    const first = await gecko().scans.list({ limit: 1 });
    expect(ids).toHaveLength(first.pagination.total);
    expect(new Set(ids).size).toBe(ids.length);
    const sizes: number[] = [];
    for await (const page of gecko().scans.list({ limit: 50 }).pages()) sizes.push(page.data.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(ids.length);
  });

  it('an error answer throws a ScanApiError with the vendor message', async () => {
    const error = await gecko()
      .scans.list({ limit: 5000 })
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScanApiError);
    expect(error).toMatchObject({ kind: 'http', status: 400 });
  });
});

describe('paging cannot run away', () => {
  it.each([
    ['the default page size', {}],
    ['limit 1', { limit: 1 }],
  ])(
    'paginate() against the static mock ends with a pagination error within a second (%s)',
    async (_, query) => {
      const gecko = createGeckoClient({
        apiKey: TEST_API_KEY,
        fetch: createMockFetch({ static: true }).fetch,
      });
      // One answer first, so the clock measures the walk, not the static mock's first example.
      await gecko.GET('/api/v1/scans', { params: { query } });
      const started = Date.now();
      let items = 0;
      const error = await (async () => {
        for await (const _ of gecko.paginate('/api/v1/scans', { params: { query } })) items++;
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ScanApiError);
      expect(error).toMatchObject({ kind: 'pagination' });
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(items).toBe(1);
    },
  );
});
