import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  createMockFetch,
  DEFAULT_ENTERPRISE_PROJECT,
  generateImages,
  startMock,
  TEST_ACCESS_KEY,
  TEST_PROJECT_ID,
  TEST_SECRET_KEY,
  TEST_SECURITY_TOKEN,
  TEST_TEMPORARY_ACCESS_KEY,
  TEST_TEMPORARY_SECRET_KEY,
  TEST_TOKEN,
} from '@scanapis/hss-mock';
import { verifySignature } from '@scanapis/huawei-signer';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  createHssClient,
  type ErrorResponse,
  type HssAuth,
  type HssClientOptions,
  hssBaseUrl,
  type ImageScanStatus,
  type ListRegistryImagesQuery,
  msToDate,
  type RegistryImagesInfo,
  ScanApiConfigError,
  ScanApiError,
} from '../src/index.js';

const spec = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('@scanapis/spec-hss/openapi.json'), 'utf8'),
);
const pageExample =
  spec.paths['/v5/{project_id}/image/registries/images'].get.responses['200'].content['application/json']
    .examples.PageExample.value;

const PROJECT = '2b8f0e5a9c3d4e6f8a1b2c3d4e5f6a7b';
const REGION = 'ap-southeast-1';
const SECRET = 'sk-this-secret-must-never-leak-0001';
const TOKEN = 'MIIthis-token-must-never-leak';

/** A fetch that records each request and answers 200 with `body` (the page's example); no network. */
function recordingFetch(body: unknown = pageExample) {
  const requests: Request[] = [];
  const fetch = vi.fn(async (input: Request) => {
    requests.push(input);
    return new Response(JSON.stringify(typeof body === 'function' ? body(input) : body), {
      headers: { 'content-type': 'application/json', 'x-request-id': '0'.repeat(32) },
    });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests, spy: fetch };
}

function configError(create: () => unknown): ScanApiConfigError {
  try {
    create();
  } catch (error) {
    expect(error).toBeInstanceOf(ScanApiConfigError);
    return error as ScanApiConfigError;
  }
  throw new Error('createHssClient did not throw');
}

describe('createHssClient: options are checked before any request', () => {
  const ok = { region: REGION, projectId: PROJECT, auth: { token: TOKEN } };
  const cases: Array<[string, { given: Record<string, unknown>; want: string }]> = [
    ['no options', { given: null as never, want: 'region: must be a region ID such as "ap-southeast-1"' }],
    [
      'no region',
      {
        given: { ...ok, region: undefined },
        want: 'region: must be a region ID such as "ap-southeast-1"',
      },
    ],
    [
      'a region that is not a region ID',
      {
        given: { ...ok, region: 'AP Southeast/1' },
        want: 'region: must be a region ID such as "ap-southeast-1"',
      },
    ],
    [
      'a region that would change the host',
      {
        given: { ...ok, region: 'evil.example.com#' },
        want: 'region: must be a region ID such as "ap-southeast-1"',
      },
    ],
    [
      'no projectId',
      {
        given: { ...ok, projectId: '' },
        want: 'projectId: must be 1 to 256 characters',
      },
    ],
    [
      'a projectId of 257 characters',
      {
        given: { ...ok, projectId: 'p'.repeat(257) },
        want: 'projectId: must be 1 to 256 characters',
      },
    ],
    [
      'no auth',
      {
        given: { ...ok, auth: undefined },
        want: 'auth: must be { token } or { accessKey, secretKey, securityToken? }',
      },
    ],
    [
      'an empty auth',
      {
        given: { ...ok, auth: {} },
        want: 'auth: must be { token } or { accessKey, secretKey, securityToken? }',
      },
    ],
    [
      'a token and an AK/SK pair',
      {
        given: { ...ok, auth: { token: TOKEN, accessKey: 'AK', secretKey: SECRET } },
        want: 'auth: must be { token } or { accessKey, secretKey, securityToken? }',
      },
    ],
    [
      'an empty token',
      {
        given: { ...ok, auth: { token: ' ' } },
        want: 'auth.token: must be printable ASCII without spaces, or a function returning that',
      },
    ],
    [
      'a token that is neither a string nor a function',
      {
        given: { ...ok, auth: { token: 42 } },
        want: 'auth.token: must be printable ASCII without spaces, or a function returning that',
      },
    ],
    [
      'a secret key without an access key',
      {
        given: { ...ok, auth: { secretKey: SECRET } },
        want: 'auth.accessKey: must be letters and digits',
      },
    ],
    [
      'the secret key passed as the access key',
      {
        given: { ...ok, auth: { accessKey: SECRET, secretKey: SECRET } },
        want: 'auth.accessKey: must be letters and digits',
      },
    ],
    [
      'an access key without a secret key',
      {
        given: { ...ok, auth: { accessKey: 'HPUAEXAMPLE' } },
        want: 'auth.secretKey: must be printable ASCII without spaces',
      },
    ],
    [
      'an empty security token',
      {
        given: { ...ok, auth: { accessKey: 'HPUAEXAMPLE', secretKey: SECRET, securityToken: '' } },
        want: 'auth.securityToken: must be printable ASCII without spaces',
      },
    ],
    [
      'a baseUrl that is not a URL',
      {
        given: { ...ok, baseUrl: 'not a url' },
        want: 'baseUrl: must be an http(s) URL without query, fragment or user info',
      },
    ],
    [
      'a baseUrl with credentials',
      {
        given: { ...ok, baseUrl: `https://user:${SECRET}@hss.test` },
        want: 'baseUrl: must be an http(s) URL without query, fragment or user info',
      },
    ],
    [
      'a fetch that is not a function',
      { given: { ...ok, fetch: 'fetch' }, want: 'fetch: must be a fetch function' },
    ],
    [
      'retry attempts of 0',
      { given: { ...ok, retry: { attempts: 0 } }, want: 'retry.attempts: must be a whole number >= 1' },
    ],
  ];

  it.each(cases)('refuses %s', (_, { given, want }) => {
    const { fetch, spy } = recordingFetch();
    const error = configError(() =>
      createHssClient(given === null ? (null as never) : ({ fetch, ...given } as HssClientOptions)),
    );
    expect(error.message).toBe(want);
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain(TOKEN);
    expect(spy).not.toHaveBeenCalled();
  });

  it('a token function that returns nothing fails the request, naming the option only', async () => {
    const { fetch, spy } = recordingFetch();
    const client = createHssClient({ ...ok, auth: { token: () => '' }, fetch });
    await expect(client.registryImages.list()).rejects.toThrow(
      new ScanApiConfigError('auth.token', 'the function returned a bad value'),
    );
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('createHssClient: requests', () => {
  it.each([
    ['ap-southeast-1', 'https://hss.ap-southeast-1.myhuaweicloud.com'],
    ['cn-north-4', 'https://hss.cn-north-4.myhuaweicloud.com'],
    ['eu-west-101', 'https://hss.eu-west-101.myhuaweicloud.com'],
  ])('region %s → %s by default, project_id filled in', async (region, host) => {
    const { fetch, requests } = recordingFetch();
    const client = createHssClient({ region, projectId: PROJECT, auth: { token: TOKEN }, fetch });
    const data = await client.registryImages.list({ limit: 50, scan_status: 'failed', has_vul: true });
    expect(hssBaseUrl(region)).toBe(host);
    expect(client.baseUrl).toBe(host);
    expect(requests[0]?.url).toBe(
      `${host}/v5/${PROJECT}/image/registries/images?limit=50&scan_status=failed&has_vul=true`,
    );
    expect(requests[0]?.headers.get('x-auth-token')).toBe(TOKEN);
    expect(requests[0]?.headers.get('authorization')).toBeNull();
    expect(data).toEqual(pageExample);
  });

  it('calls a token function before every request', async () => {
    const { fetch, requests } = recordingFetch();
    let n = 0;
    const client = createHssClient({
      region: REGION,
      projectId: PROJECT,
      auth: { token: async () => `token-${++n}` },
      fetch,
    });
    await client.registryImages.list();
    await client.registryImages.list({ offset: 10 });
    expect(requests.map((r) => r.headers.get('x-auth-token'))).toEqual(['token-1', 'token-2']);
  });

  it('the raw client fills project_id, and a call may override it', async () => {
    const { fetch, requests } = recordingFetch();
    const client = createHssClient({ region: REGION, projectId: PROJECT, auth: { token: TOKEN }, fetch });
    await client.GET('/v5/{project_id}/image/registries/images');
    await client.GET('/v5/{project_id}/image/registries/images', {
      params: {
        path: { project_id: 'other-project' },
        query: { sort_key: 'latest_scan_time', sort_dir: 'desc' },
      },
    });
    await client.request('get', '/v5/{project_id}/image/registries/images', {
      params: { query: { limit: 1 } },
    });
    expect(requests.map((r) => new URL(r.url).pathname + new URL(r.url).search)).toEqual([
      `/v5/${PROJECT}/image/registries/images`,
      '/v5/other-project/image/registries/images?sort_key=latest_scan_time&sort_dir=desc',
      `/v5/${PROJECT}/image/registries/images?limit=1`,
    ]);
  });

  it('stays typed from the spec: project_id optional, queries and auth checked', async () => {
    const { fetch, requests } = recordingFetch();
    const client = createHssClient({ region: REGION, projectId: PROJECT, auth: { token: TOKEN }, fetch });
    // @ts-expect-error limit is an integer, not a string
    await client.GET('/v5/{project_id}/image/registries/images', { params: { query: { limit: '10' } } });
    // @ts-expect-error the scan_status filter takes 5 values; image_oversized is response-only
    await client.registryImages.list({ scan_status: 'image_oversized' });
    // @ts-expect-error the request filter is is_multarch (the response field is is_multiple_arch)
    await client.registryImages.list({ is_multiple_arch: true });
    // @ts-expect-error a token and an AK/SK pair are exclusive
    const both: HssAuth = { token: TOKEN, accessKey: 'AK', secretKey: SECRET };
    expect(both).toBeDefined();
    expect(requests).toHaveLength(3);
  });

  it('encodes a projectId that is not URL-safe', async () => {
    const { fetch, requests } = recordingFetch();
    const client = createHssClient({ region: REGION, projectId: 'a/b c', auth: { token: TOKEN }, fetch });
    await client.registryImages.list();
    expect(new URL(requests[0]!.url).pathname).toBe('/v5/a%2Fb%20c/image/registries/images');
  });

  it('AK/SK: each request carries a signature that verifySignature accepts', async () => {
    const { fetch, requests } = recordingFetch();
    const client = createHssClient({
      region: 'cn-north-4',
      projectId: PROJECT,
      auth: { accessKey: 'HPUAEXAMPLEAK0000001', secretKey: SECRET, securityToken: 'temporary-token' },
      fetch,
    });
    await client.registryImages.list(
      { image_name: 'nginx/ünï code+1', latest_version: true, limit: 5 },
      { headers: { 'X-Trace': ' padded ' } },
    );
    const request = requests[0]!;
    const authorization = request.headers.get('authorization')!;
    expect(authorization).toMatch(
      /^SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, SignedHeaders=host;x-sdk-date;x-security-token;x-trace, Signature=[0-9a-f]{64}$/,
    );
    expect(request.headers.get('x-sdk-date')).toMatch(/^\d{8}T\d{6}Z$/);
    expect(request.headers.get('x-security-token')).toBe('temporary-token');
    expect(request.headers.get('x-auth-token')).toBeNull();
    expect([...request.headers.values()].join('\n')).not.toContain(SECRET);
    const lookup = (ak: string) => (ak === 'HPUAEXAMPLEAK0000001' ? SECRET : undefined);
    const seen = { method: request.method, url: request.url, headers: request.headers };
    expect(await verifySignature(seen, lookup)).toBeUndefined();
    // …and the signature covers the query: the same headers on another URL do not verify.
    expect(
      await verifySignature({ ...seen, url: request.url.replace('limit=5', 'limit=6') }, lookup),
    ).toMatch(/^signature mismatch/);
  });
});

describe('createHssClient against the mock', () => {
  const mock = () => ({ region: REGION, projectId: PROJECT, fetch: createMockFetch().fetch });

  /** The mock's default dataset, in the default enterprise project: what a plain request sees. */
  const images = generateImages()
    .filter((r) => r.enterpriseProjectId === DEFAULT_ENTERPRISE_PROJECT)
    .map((r) => r.image);

  it.each([
    ['the documented IAM token', { token: TEST_TOKEN }],
    ['AK/SK with the mock’s test keys', { accessKey: TEST_ACCESS_KEY, secretKey: TEST_SECRET_KEY }],
    [
      'temporary AK/SK with a security token',
      {
        accessKey: TEST_TEMPORARY_ACCESS_KEY,
        secretKey: TEST_TEMPORARY_SECRET_KEY,
        securityToken: TEST_SECURITY_TOKEN,
      },
    ],
  ] as const)('%s → 200 with the mock’s matching images', async (_, auth) => {
    const client = createHssClient({ ...mock(), auth });
    const end = Date.parse('2026-04-03T00:00:00Z');
    const query: ListRegistryImagesQuery = {
      limit: 200,
      offset: 0,
      image_type: 'shared_image',
      start_latest_scan_time: 0,
      end_latest_scan_time: end,
      is_multarch: false,
    };
    const { data, error, response } = await client.GET('/v5/{project_id}/image/registries/images', {
      params: { query },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    const want = images.filter(
      (i) => i.image_type === 'shared_image' && !i.is_multiple_arch && i.latest_scan_time <= end,
    );
    expect(want.length).toBeGreaterThan(0);
    expect(data).toEqual({ total_num: want.length, data_list: want });
    expectTypeOf(data!.data_list).toEqualTypeOf<RegistryImagesInfo[] | undefined>();
    expectTypeOf(data!.data_list![0]!.scan_status).toEqualTypeOf<ImageScanStatus | undefined>();
    const scanned = data!.data_list!.find((i) => i.scan_status === 'success')!;
    expect(msToDate(scanned.latest_scan_time!).getTime()).toBe(scanned.latest_scan_time);
    expect(msToDate(scanned.latest_scan_time!) < new Date('2026-04-03T00:00:00Z')).toBe(true);
  });

  it('over a real socket (startMock), a signed call gets the same page as in-process', async () => {
    // The one test that needs a socket: signing what undici puts on the wire, checked by node:http.
    const server = await startMock({ port: 0 });
    try {
      const auth = { accessKey: TEST_ACCESS_KEY, secretKey: TEST_SECRET_KEY };
      const query = { limit: 3, offset: 2, image_name: 'nginx/ünï code+1' };
      const overWire = createHssClient({ region: REGION, projectId: PROJECT, baseUrl: server.url, auth });
      const wire = await overWire.registryImages.list(query);
      expect(wire).toEqual(await createHssClient({ ...mock(), auth }).registryImages.list(query));
      const page = await overWire.registryImages.list({ limit: 3, offset: 2 });
      expect(page.data_list).toHaveLength(3);
      expect(page).toEqual(
        await createHssClient({ ...mock(), auth }).registryImages.list({ limit: 3, offset: 2 }),
      );
    } finally {
      await server.close();
    }
  });

  it('a signed query with unicode and reserved characters → 200 (no image has that name)', async () => {
    const client = createHssClient({
      ...mock(),
      auth: { accessKey: TEST_ACCESS_KEY, secretKey: TEST_SECRET_KEY },
    });
    const { data, response } = await client.registryImages
      .list({ image_name: 'nginx/ünï code+1', limit: 5 })
      .withResponse();
    expect(response.status).toBe(200);
    expect(data).toEqual({ total_num: 0, data_list: [] });
  });

  it('a wrong secret key → the typed 401 body', async () => {
    const client = createHssClient({
      ...mock(),
      auth: { accessKey: TEST_ACCESS_KEY, secretKey: 'not-the-test-secret' },
    });
    const { data, error, response } = await client.GET('/v5/{project_id}/image/registries/images');
    expect(data).toBeUndefined();
    expect(response.status).toBe(401);
    expect(error).toEqual({
      error_code: 'APIGW.0301',
      error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
      request_id: response.headers.get('x-request-id'),
    });
    expectTypeOf(error!).toEqualTypeOf<ErrorResponse>();
  });

  it.each([
    ['limit over 200', { limit: 201 }, 'invalid param error: limit must be <= 200'],
    [
      'a start after its end',
      { start_latest_update_time: 2000, end_latest_update_time: 1000 },
      'invalid param error: start_latest_update_time must be <= end_latest_update_time',
    ],
    [
      'a scan status only responses carry',
      { scan_status: 'image_oversized' as never },
      'invalid param error: scan_status must be one of "unscan", "success", "scanning", "failed", "waiting_for_scan"',
    ],
  ] as Array<[string, ListRegistryImagesQuery, string]>)(
    '%s → the typed 400 body',
    async (_, query, message) => {
      const client = createHssClient({ ...mock(), auth: { token: TEST_TOKEN } });
      const { data, error, response } = await client.GET('/v5/{project_id}/image/registries/images', {
        params: { query },
      });
      expect(data).toBeUndefined();
      expect(response.status).toBe(400);
      expect(error).toEqual({ error_code: 'HSS.0001', error_msg: message });
      expectTypeOf(error!).toEqualTypeOf<ErrorResponse>();
    },
  );
});

describe('createHssClient: the shared runtime', () => {
  it('paginate walks offset/limit until total_num, filling project_id and signing every page', async () => {
    const { fetch, requests } = recordingFetch((request: Request) =>
      new URL(request.url).searchParams.get('offset')
        ? {
            total_num: 5,
            data_list: pageExample.data_list.slice(0, 2).map((i: { id: number }) => ({ ...i, id: i.id + 1 })),
          }
        : { ...pageExample, total_num: 5 },
    );
    const client = createHssClient({
      region: REGION,
      projectId: PROJECT,
      auth: { accessKey: 'HPUAEXAMPLEAK0000001', secretKey: SECRET },
      fetch,
    });
    const images: RegistryImagesInfo[] = [];
    for await (const image of client.paginate('/v5/{project_id}/image/registries/images', {
      params: { query: { limit: 3, scan_status: 'success' } },
    })) {
      expectTypeOf(image).toEqualTypeOf<RegistryImagesInfo>();
      images.push(image);
    }
    expect(images.map((i) => i.id)).toEqual([111, 222, 333, 112, 223]);
    expect(requests.map((r) => new URL(r.url).pathname + new URL(r.url).search)).toEqual([
      `/v5/${PROJECT}/image/registries/images?limit=3&scan_status=success`,
      `/v5/${PROJECT}/image/registries/images?limit=3&scan_status=success&offset=3`,
    ]);
    const lookup = (ak: string) => (ak === 'HPUAEXAMPLEAK0000001' ? SECRET : undefined);
    for (const r of requests) {
      expect(
        await verifySignature({ method: r.method, url: r.url, headers: r.headers }, lookup),
      ).toBeUndefined();
    }
  });

  it('paginate walks every page of the mock: total_num images, each once', async () => {
    const client = createHssClient({
      region: REGION,
      projectId: TEST_PROJECT_ID,
      fetch: createMockFetch().fetch,
      auth: { accessKey: TEST_ACCESS_KEY, secretKey: TEST_SECRET_KEY },
    });
    const first = await client.registryImages.list({ limit: 1 });
    const ids: number[] = [];
    for await (const image of client.paginate('/v5/{project_id}/image/registries/images', {
      params: { query: { limit: 200 } },
    })) {
      ids.push(image.id!);
    }
    const expected = generateImages().filter((r) => r.enterpriseProjectId === DEFAULT_ENTERPRISE_PROJECT);
    expect(first.total_num).toBe(expected.length);
    expect(ids).toEqual(expected.map((r) => r.image.id));
  });

  it('throwOnError turns a 400 into a ScanApiError with Huawei’s code, message and request id', async () => {
    const client = createHssClient({
      region: REGION,
      projectId: PROJECT,
      fetch: createMockFetch().fetch,
      auth: { accessKey: TEST_ACCESS_KEY, secretKey: TEST_SECRET_KEY },
      throwOnError: true,
    });
    const error = await client.registryImages.list({ limit: 201 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScanApiError);
    expect(error).toMatchObject({
      kind: 'http',
      status: 400,
      code: 'HSS.0001',
      vendorMessage: 'invalid param error: limit must be <= 200',
      requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(JSON.stringify(error) + (error as Error).message).not.toContain(TEST_SECRET_KEY);
  });

  it('throwOnError on a 401 carries the gateway’s request_id', async () => {
    const client = createHssClient({
      region: REGION,
      projectId: PROJECT,
      fetch: createMockFetch().fetch,
      auth: { accessKey: TEST_ACCESS_KEY, secretKey: SECRET },
      throwOnError: true,
    });
    const error = (await client.registryImages.list().catch((e: unknown) => e)) as ScanApiError;
    expect(error).toMatchObject({ kind: 'http', status: 401, code: 'APIGW.0301' });
    expect(error.message).toMatch(
      /^HTTP 401 APIGW\.0301: Incorrect IAM authentication information: verify aksk signature fail \(GET https:\/\/hss\.ap-southeast-1\.myhuaweicloud\.com\/v5\/2b8f0e5a9c3d4e6f8a1b2c3d4e5f6a7b\/image\/registries\/images, request id [0-9a-f]{32}\)$/,
    );
    expect(error.message).not.toContain(SECRET);
  });
});

describe('per-call runtime options survive the project_id middleware', () => {
  it('a per-call attempt timeout applies', async () => {
    const hang = vi.fn(() => new Promise<Response>(() => {}));
    const client = createHssClient({
      region: 'ap-southeast-1',
      projectId: 'p1',
      auth: { token: 't' },
      retry: false,
      fetch: ((request: Request) => {
        hang();
        return new Promise<Response>((_, reject) =>
          request.signal.addEventListener('abort', () => reject(request.signal.reason)),
        );
      }) as typeof fetch,
    });
    const error = (await client.registryImages
      .list({}, { timeout: { attemptMs: 30 } })
      .catch((e: unknown) => e)) as ScanApiError;
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(error.message).toContain('attempt timed out after 30 ms');
  });
});
