import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createMockFetch, startMock, TEST_TOKEN } from '@scanapis/container-registry-mock';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  CONTAINER_REGISTRY_BASE_URLS,
  type ScanApiConfigError as ConfigErrorType,
  type ContainerRegistryClientOptions,
  createContainerRegistryClient,
  type Image,
  ScanApiConfigError,
  ScanApiError,
  type ScanResult,
  type Status,
} from '../src/index.js';

const spec = JSON.parse(
  readFileSync(
    createRequire(import.meta.url).resolve('@scanapis/spec-container-registry/openapi.json'),
    'utf8',
  ),
);
const example = (path: string, name: string) =>
  spec.paths[path].get.responses['200'].content['application/json'].examples[name].value;
const scansFirstPage = example('/container-registry/v1/scans', 'firstPage');
const scansLastPage = example('/container-registry/v1/scans', 'lastPage');
const imagesFirstPage = example('/container-registry/v1/images', 'firstPage');
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);

/** A fetch that records every request and answers 200 `{}`; no network. */
function recordingFetch() {
  const requests: Request[] = [];
  const spy = vi.fn(async (input: Request) => {
    requests.push(input);
    return new Response('{}', { headers: { 'content-type': 'application/json' } });
  });
  return { fetch: spy as unknown as typeof globalThis.fetch, requests, spy };
}

const SECRET = 't1.9euelZrJx5KSlZ_this_must_not_leak';

describe('createContainerRegistryClient: options are checked before any request', () => {
  it.each([
    [
      'no token',
      {
        given: {} as ContainerRegistryClientOptions,
        want: 'iamToken: must be printable ASCII without spaces, or a function returning that',
      },
    ],
    [
      'an empty token',
      {
        given: { iamToken: '' },
        want: 'iamToken: must be printable ASCII without spaces, or a function returning that',
      },
    ],
    [
      'a blank token',
      {
        given: { iamToken: '   ' },
        want: 'iamToken: must be printable ASCII without spaces, or a function returning that',
      },
    ],
    [
      'a token that is a number',
      {
        given: { iamToken: 42 as unknown as string },
        want: 'iamToken: must be printable ASCII without spaces, or a function returning that',
      },
    ],
    [
      'a token with the Bearer prefix',
      {
        given: { iamToken: `Bearer ${SECRET}` },
        want: 'iamToken: starts with "Bearer "; pass the bare IAM token',
      },
    ],
    [
      'an unknown cloud',
      {
        given: { iamToken: SECRET, cloud: 'aws' as 'yandex' },
        want: 'cloud: must be one of "yandex", "nebius-il", got "aws"',
      },
    ],
    [
      'a cloud that is not a string',
      {
        given: { iamToken: SECRET, cloud: 1 as unknown as 'yandex' },
        want: 'cloud: must be one of "yandex", "nebius-il", got a number',
      },
    ],
    [
      'a baseUrl that is not a URL',
      {
        given: { iamToken: SECRET, baseUrl: 'not a url' },
        want: 'baseUrl: must be an http(s) URL without query, fragment or user info',
      },
    ],
    [
      'an ftp baseUrl',
      {
        given: { iamToken: SECRET, baseUrl: 'ftp://x.test' },
        want: 'baseUrl: must be an http(s) URL without query, fragment or user info',
      },
    ],
    [
      'a baseUrl with credentials',
      {
        given: { iamToken: SECRET, baseUrl: `https://user:${SECRET}@x.test` },
        want: 'baseUrl: must be an http(s) URL without query, fragment or user info',
      },
    ],
  ])('refuses %s', (_, { given, want }) => {
    const { fetch, spy } = recordingFetch();
    let thrown: unknown;
    try {
      createContainerRegistryClient({ ...given, fetch });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ScanApiConfigError);
    expectTypeOf(thrown as ConfigErrorType).toHaveProperty('option');
    expect((thrown as Error).message).toBe(want);
    expect((thrown as Error).message).not.toContain(SECRET);
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses a fetch that is not a function', () => {
    expect(() =>
      createContainerRegistryClient({
        iamToken: SECRET,
        fetch: 'fetch' as unknown as typeof globalThis.fetch,
      }),
    ).toThrow(new ScanApiConfigError('fetch', 'must be a fetch function'));
  });

  it('refuses a call without options at all', () => {
    expect(() =>
      createContainerRegistryClient(undefined as unknown as ContainerRegistryClientOptions),
    ).toThrow(
      new ScanApiConfigError(
        'iamToken',
        'must be printable ASCII without spaces, or a function returning that',
      ),
    );
  });
});

describe('createContainerRegistryClient: requests (recorded, no network)', () => {
  it.each([
    [
      'the default cloud (Yandex Cloud)',
      { given: {}, want: 'https://container-registry.api.cloud.yandex.net' },
    ],
    [
      'cloud: "yandex"',
      { given: { cloud: 'yandex' as const }, want: 'https://container-registry.api.cloud.yandex.net' },
    ],
    [
      'cloud: "nebius-il"',
      { given: { cloud: 'nebius-il' as const }, want: 'https://container-registry.api.il.nebius.cloud' },
    ],
    [
      'a baseUrl, which wins over the cloud',
      { given: { cloud: 'nebius-il' as const, baseUrl: 'http://127.0.0.1:9/' }, want: 'http://127.0.0.1:9' },
    ],
  ])('%s: sends the bearer token to its host', async (_, { given, want }) => {
    const { fetch, requests } = recordingFetch();
    const client = createContainerRegistryClient({ iamToken: 't1.recorded', ...given, fetch });
    await client.GET('/container-registry/v1/scans', {
      params: { query: { imageId: 'crpbbr7fclo5hrasp6nh', pageSize: 50 } },
    });
    await client.GET('/container-registry/v1/images', {
      params: { query: { registryId: 'crpc9qeoft236r8tpvt7' } },
    });
    expect(requests.map((r) => r.url)).toEqual([
      `${want}/container-registry/v1/scans?imageId=crpbbr7fclo5hrasp6nh&pageSize=50`,
      `${want}/container-registry/v1/images?registryId=crpc9qeoft236r8tpvt7`,
    ]);
    for (const r of requests) expect(r.headers.get('authorization')).toBe('Bearer t1.recorded');
  });

  it('the two clouds are the hosts the spec lists as servers', () => {
    expect(spec.servers.map((s: { url: string }) => s.url)).toEqual(
      Object.values(CONTAINER_REGISTRY_BASE_URLS),
    );
  });

  it('calls a token function once per request, so a refreshed token is used', async () => {
    const { fetch, requests } = recordingFetch();
    let n = 0;
    const iamToken = vi.fn(() => `t1.refreshed-${++n}`);
    const client = createContainerRegistryClient({ iamToken, fetch });
    expect(iamToken).not.toHaveBeenCalled();
    for (let i = 0; i < 3; i++) await client.GET('/container-registry/v1/images', {});
    expect(iamToken).toHaveBeenCalledTimes(3);
    expect(requests.map((r) => r.headers.get('authorization'))).toEqual([
      'Bearer t1.refreshed-1',
      'Bearer t1.refreshed-2',
      'Bearer t1.refreshed-3',
    ]);
  });

  it('awaits an async token function before every request', async () => {
    const { fetch, requests } = recordingFetch();
    let n = 0;
    const iamToken = vi.fn(async () => {
      await new Promise((r) => setTimeout(r, 1));
      return `t1.async-${++n}`;
    });
    const client = createContainerRegistryClient({ iamToken, fetch });
    await client.GET('/container-registry/v1/scans', {
      params: { query: { repositoryId: 'crp2ln7vk3oh5qiu9s1e' } },
    });
    await client.GET('/container-registry/v1/scans', {
      params: { query: { repositoryId: 'crp2ln7vk3oh5qiu9s1e' } },
    });
    expect(iamToken).toHaveBeenCalledTimes(2);
    expect(requests.map((r) => r.headers.get('authorization'))).toEqual([
      'Bearer t1.async-1',
      'Bearer t1.async-2',
    ]);
  });

  it.each([
    ['an empty token', { given: () => '', want: 'iamToken: the function returned a bad value' }],
    [
      'a token with the Bearer prefix',
      {
        given: async () => `Bearer ${SECRET}`,
        want: 'iamToken: the function returned a bad value',
      },
    ],
  ])('a token function that returns %s fails the call before it is sent', async (_, { given, want }) => {
    const { fetch, spy } = recordingFetch();
    const client = createContainerRegistryClient({ iamToken: given, fetch });
    const call = client.GET('/container-registry/v1/images', {});
    await expect(call).rejects.toThrow(new ScanApiConfigError('iamToken', want.slice('iamToken: '.length)));
    await expect(call).rejects.not.toThrow(SECRET);
    expect(spy).not.toHaveBeenCalled();
  });
});

// The behavioural mock (global setup: default seed and size) holds the spec's example resources:
// its example image with the four example scans, and its two example images.
describe('createContainerRegistryClient: against the mock', () => {
  it.each(['yandex', 'nebius-il'] as const)(
    "Scanner.list (cloud %s) returns the example image's scans, typed",
    async (cloud) => {
      const client = createContainerRegistryClient({
        iamToken: TEST_TOKEN,
        cloud,
        fetch: createMockFetch().fetch,
      });
      const { data, error, response } = await client.GET('/container-registry/v1/scans', {
        params: { query: { imageId: 'crpbbr7fclo5hrasp6nh', pageSize: 100 } },
      });
      expect(response.status).toBe(200);
      expect(error).toBeUndefined();
      // All four fit on one page (ordered by id), so there is no nextPageToken.
      expect(data).toEqual({
        scanResults: [...scansFirstPage.scanResults, ...scansLastPage.scanResults].sort(byId),
      });
      expectTypeOf(data!.scanResults).toEqualTypeOf<ScanResult[] | undefined>();
      expectTypeOf(data!.nextPageToken).toEqualTypeOf<string | undefined>();
    },
  );

  it.each(['yandex', 'nebius-il'] as const)(
    "Image.list (cloud %s) returns the spec example's image among its repository's, typed",
    async (cloud) => {
      const client = createContainerRegistryClient({
        iamToken: async () => TEST_TOKEN,
        cloud,
        fetch: createMockFetch().fetch,
      });
      const { data, error, response } = await client.GET('/container-registry/v1/images', {
        params: { query: { repositoryName: 'crpc9qeoft236r8tpvt7/ubuntu', pageSize: 1000 } },
      });
      expect(response.status).toBe(200);
      expect(error).toBeUndefined();
      expect(data?.images).toContainEqual(imagesFirstPage.images[0]);
      expect(data?.images?.every((i) => i.name === 'crpc9qeoft236r8tpvt7/ubuntu')).toBe(true);
      expectTypeOf(data!.images).toEqualTypeOf<Image[] | undefined>();
    },
  );

  it.each([
    [
      'pageSize=5000 (Scanner.list)',
      {
        given: { path: 'scans', query: { repositoryId: 'crp2ln7vk3oh5qiu9s1e', pageSize: 5000 } },
        want: {
          status: 400,
          code: 3,
          message: 'pageSize: must be <= 1000 (pageSize is an integer from 0 to 1000)',
        },
      },
    ],
    [
      'a repositoryName with upper case (Image.list)',
      {
        given: { path: 'images', query: { repositoryName: 'Ubuntu' } },
        want: {
          status: 400,
          code: 3,
          message:
            'repositoryName: must match ^(|[a-z0-9]+(?:[._-][a-z0-9]+)*(/([a-z0-9]+(?:[._-][a-z0-9]+)*))*)$',
        },
      },
    ],
  ] as const)('%s comes back as the typed google.rpc.Status', async (_, { given, want }) => {
    const client = createContainerRegistryClient({ iamToken: TEST_TOKEN, fetch: createMockFetch().fetch });
    const { data, error, response } =
      given.path === 'scans'
        ? await client.GET('/container-registry/v1/scans', { params: { query: given.query } })
        : await client.GET('/container-registry/v1/images', { params: { query: given.query } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(want.status);
    expect(error).toEqual({
      code: want.code,
      message: want.message,
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.RequestInfo',
          requestId: response.headers.get('x-request-id'),
        },
      ],
    });
    // openapi-fetch flattens the `Any` detail's intersection; the two types are mutually assignable.
    expectTypeOf(error!).toExtend<Status>();
    expectTypeOf<Status>().toExtend<NonNullable<typeof error>>();
  });

  it('over a real socket (startMock), the same call gets the same page as in-process', async () => {
    // The one test that needs a socket: the client over undici and node:http, not only a mock fetch.
    const server = await startMock({ port: 0 });
    try {
      const query = { repositoryId: 'crp2ln7vk3oh5qiu9s1e', pageSize: 2 };
      const overWire = createContainerRegistryClient({ iamToken: TEST_TOKEN, baseUrl: server.url });
      const inProcess = createContainerRegistryClient({
        iamToken: TEST_TOKEN,
        fetch: createMockFetch().fetch,
      });
      const [wire, local] = await Promise.all([overWire.scans.list(query), inProcess.scans.list(query)]);
      expect(wire.scanResults).toHaveLength(2);
      // Page tokens are each mock instance's own; the pages they lead to are the same.
      expect(wire.scanResults).toEqual(local.scanResults);
      const next = (c: typeof overWire, pageToken?: string) => c.scans.list({ ...query, pageToken });
      expect((await next(overWire, wire.nextPageToken)).scanResults).toEqual(
        (await next(inProcess, local.nextPageToken)).scanResults,
      );
    } finally {
      await server.close();
    }
  });

  it('an error the mock can only be asked for (x-scanapis-fault: status=429) is typed the same', async () => {
    const client = createContainerRegistryClient({ iamToken: TEST_TOKEN, fetch: createMockFetch().fetch });
    const { error, response } = await client.GET('/container-registry/v1/images', {
      headers: { 'x-scanapis-fault': 'status=429' },
    });
    expect(response.status).toBe(429);
    expect(error?.code).toBe(8);
    // A fault answer is the spec's 429 example as it stands, its example request id included
    // (mock-kit answers a fault before the mock's own handler sees the request).
    expect(error?.details?.[0]).toEqual({
      '@type': 'type.googleapis.com/google.rpc.RequestInfo',
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });
});

describe('createContainerRegistryClient: the shared runtime', () => {
  const client = (mock = createMockFetch()) =>
    createContainerRegistryClient({ iamToken: TEST_TOKEN, fetch: mock.fetch });

  it('pages() follows nextPageToken; paginate() items are typed', async () => {
    const first = await client()
      .pages('/container-registry/v1/scans', {
        params: { query: { imageId: 'crpbbr7fclo5hrasp6nh', pageSize: 3 } },
      })
      .next();
    expect(first.value?.scanResults).toHaveLength(3);
    expect(first.value?.nextPageToken).toBeTruthy();
    for await (const image of client().paginate('/container-registry/v1/images', {
      params: { query: { registryId: 'crpc9qeoft236r8tpvt7' } },
    })) {
      expectTypeOf(image).toEqualTypeOf<Image>();
      expect(image.id).toBeTypeOf('string');
      break;
    }
  });

  it('paginate() walks every page of the behavioural mock once and stops', async () => {
    const seen: string[] = [];
    for await (const scan of client().paginate('/container-registry/v1/scans', {
      params: { query: { repositoryId: 'crp2ln7vk3oh5qiu9s1e', pageSize: 2 } },
    })) {
      expectTypeOf(scan).toEqualTypeOf<ScanResult>();
      seen.push(scan.id);
    }
    const { data } = await client().GET('/container-registry/v1/scans', {
      params: { query: { repositoryId: 'crp2ln7vk3oh5qiu9s1e', pageSize: 1000 } },
    });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual(data?.scanResults?.map((s) => s.id));
  });

  it('a static mock that always sends the same nextPageToken is an error, not an endless loop', async () => {
    const walk = async () => {
      for await (const _ of client(createMockFetch({ static: true })).paginate(
        '/container-registry/v1/scans',
        {
          params: { query: { imageId: 'crpbbr7fclo5hrasp6nh' } },
        },
      )) {
        // the static example repeats its token on page 2
      }
    };
    await expect(walk()).rejects.toMatchObject({ kind: 'pagination' });
  });

  it('throwOnError reads google.rpc.Status: code, message, RequestInfo.requestId', async () => {
    const c = createContainerRegistryClient({
      iamToken: TEST_TOKEN,
      fetch: createMockFetch().fetch,
      throwOnError: true,
    });
    const error = await c
      .GET('/container-registry/v1/images', { params: { query: { pageSize: 5000 } } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ScanApiError);
    expect(error).toMatchObject({ kind: 'http', status: 400, code: 3 });
    expect(error.vendorMessage).toContain('pageSize');
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(TEST_TOKEN);
  });
});
