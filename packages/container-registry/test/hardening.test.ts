import { createMockFetch, TEST_TOKEN } from '@scanapis/container-registry-mock';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { captureLog, expectNoSecret, twoOrigins } from '../../client-kit/test/fixtures/secrets.js';
import {
  createContainerRegistryClient,
  type Image,
  type ListScanResultsResponse,
  ScanApiConfigError,
  ScanApiError,
  type ScanResult,
} from '../src/index.js';

const REPOSITORY = 'crpc9qeoft236r8tpvt7/ubuntu';
const IMAGE = 'crpbbr7fclo5hrasp6nh';

// Redirects need sockets: two loopback servers, 127.0.0.1 redirecting to 127.0.0.2.
describe('redirects: the IAM token never reaches another origin', () => {
  it.each([
    ['a string token, 302', TEST_TOKEN, 302],
    ['a token function, 307', () => TEST_TOKEN, 307],
  ] as const)('%s from 127.0.0.1 to 127.0.0.2', async (_, iamToken, status) => {
    const servers = await twoOrigins(status);
    try {
      const registry = createContainerRegistryClient({ iamToken, baseUrl: servers.url });
      const error = await registry.scans
        .list({ imageId: IMAGE })
        .then(() => undefined)
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'redirect', status });
      expect((error as Error).message).toContain(`redirect to ${servers.otherOrigin} not followed`);
      expect(servers.first.map((h) => h.authorization)).toEqual([`Bearer ${TEST_TOKEN}`]);
      expect(servers.reached).toEqual([]);
    } finally {
      await servers.close();
    }
  });
});

describe('secrets: no error or log line contains a token', () => {
  const SECRETS = [
    't1.SECRET_LF\nX-Injected: 1',
    't1.SECRET_CR\rmore',
    't1.SECRET_NUL\0more',
    't1.SECRET_ÜMLAUT',
  ];

  it.each(SECRETS.map((s) => [JSON.stringify(s), s]))(
    'iamToken %s at creation: names iamToken only',
    (_, secret) => {
      let error: unknown;
      try {
        createContainerRegistryClient({ iamToken: secret });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ScanApiConfigError);
      expect(error).toMatchObject({ option: 'iamToken' });
      expectNoSecret([secret], [error]);
    },
  );

  it.each([
    ...SECRETS.map((s) => [`returns ${JSON.stringify(s)}`, s, () => s] as const),
    [
      'throws an error that quotes the token',
      't1.SECRET_THROWN',
      () => {
        throw new Error('refresh failed for t1.SECRET_THROWN');
      },
    ] as const,
    [
      'rejects with the token itself',
      't1.SECRET_REJECTED',
      () => Promise.reject('t1.SECRET_REJECTED') as Promise<string>,
    ] as const,
  ])(
    'a token function that %s: the call fails naming iamToken, before sending',
    async (_, secret, iamToken) => {
      const { lines, logger } = captureLog();
      let sent = 0;
      const registry = createContainerRegistryClient({
        iamToken,
        baseUrl: 'http://127.0.0.1:9',
        logLevel: 'debug',
        logger,
        fetch: (async () => {
          sent++;
          return new Response('{}');
        }) as typeof fetch,
      });
      const error = await registry.scans
        .list({ imageId: IMAGE })
        .then(() => undefined)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ScanApiConfigError);
      expect(error).toMatchObject({ option: 'iamToken' });
      expect(sent).toBe(0);
      expectNoSecret([secret], [error], lines);
    },
  );

  it('errors and debug lines of failed calls hold no token', async () => {
    const { lines, logger } = captureLog();
    const token = 't1.unknown-but-secret-token';
    const client = createContainerRegistryClient({
      iamToken: token,
      fetch: createMockFetch().fetch,
      logLevel: 'debug',
      logger,
    });
    const errors = [
      await client.scans
        .list({ imageId: IMAGE })
        .then(() => undefined)
        .catch((e: unknown) => e),
    ];
    expect(errors.map((e) => (e as ScanApiError).status)).toEqual([401]);
    expect(lines).toHaveLength(1);
    expectNoSecret([token], errors, lines);
  });
});

describe('scans.list() and images.list()', () => {
  const registry = () =>
    createContainerRegistryClient({ iamToken: TEST_TOKEN, fetch: createMockFetch().fetch });

  it('awaiting gives the first page, typed; for await walks every item', async () => {
    const page = await registry().scans.list({ imageId: IMAGE, pageSize: 2 });
    expectTypeOf(page).toEqualTypeOf<ListScanResultsResponse>();
    expect(page.scanResults).toHaveLength(2);
    expect(page.nextPageToken).toBeTruthy();
    const ids: string[] = [];
    for await (const scan of registry().scans.list({ imageId: IMAGE, pageSize: 1 })) {
      expectTypeOf(scan).toEqualTypeOf<ScanResult>();
      ids.push(scan.id!);
    }
    expect(ids).toHaveLength(4);
    const images: Image[] = [];
    for await (const page of registry().images.list({ repositoryName: REPOSITORY, pageSize: 1 }).pages())
      images.push(...(page.images ?? []));
    const { data, response } = await registry()
      .images.list({ repositoryName: REPOSITORY, pageSize: 1000 })
      .withResponse();
    expect(response.status).toBe(200);
    expect(images).toEqual(data.images);
    // @ts-expect-error Scanner.list needs exactly one of imageId or repositoryId
    expect(() => registry().scans.list({})).not.toThrow();
  });
});

describe('paging cannot run away', () => {
  it.each([
    ['Scanner.list', '/container-registry/v1/scans', { imageId: IMAGE }],
    ['Scanner.list, pageSize 1', '/container-registry/v1/scans', { imageId: IMAGE, pageSize: 1 }],
    ['Image.list', '/container-registry/v1/images', { repositoryName: REPOSITORY }],
  ] as const)(
    'paginate() against the static mock ends with a pagination error within a second (%s)',
    async (_, path, query) => {
      const registry = createContainerRegistryClient({
        iamToken: TEST_TOKEN,
        fetch: createMockFetch({ static: true }).fetch,
      });
      // One answer first, so the clock measures the walk, not the static mock's first example.
      await registry.GET(path, { params: { query } } as never);
      const started = Date.now();
      const error = await (async () => {
        for await (const _ of registry.paginate(path, { params: { query } } as never)) {
          // walk
        }
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ScanApiError);
      expect(error).toMatchObject({ kind: 'pagination' });
      expect(Date.now() - started).toBeLessThan(1_000);
    },
  );
});
