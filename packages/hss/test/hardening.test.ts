import {
  createMockFetch,
  TEST_ACCESS_KEY,
  TEST_PROJECT_ID,
  TEST_SECRET_KEY,
  TEST_TOKEN,
} from '@scanapis/hss-mock';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { captureLog, expectNoSecret, twoOrigins } from '../../client-kit/test/fixtures/secrets.js';
import {
  createHssClient,
  type HssAuth,
  type ListRegistryImagesResponse,
  type RegistryImagesInfo,
  ScanApiConfigError,
  ScanApiError,
} from '../src/index.js';

const REGION = 'ap-southeast-1';
const SECURITY_TOKEN = 'temporary-security-token-0001';

// Redirects need sockets: two loopback servers, 127.0.0.1 redirecting to 127.0.0.2.
describe('redirects: no credential, signature or security token reaches another origin', () => {
  it.each([
    ['X-Auth-Token', { token: TEST_TOKEN }, ['x-auth-token']],
    ['a token function', { token: async () => TEST_TOKEN }, ['x-auth-token']],
    [
      'AK/SK signature',
      { accessKey: TEST_ACCESS_KEY, secretKey: TEST_SECRET_KEY },
      ['authorization', 'x-sdk-date'],
    ],
    [
      'AK/SK with X-Security-Token',
      { accessKey: TEST_ACCESS_KEY, secretKey: TEST_SECRET_KEY, securityToken: SECURITY_TOKEN },
      ['authorization', 'x-sdk-date', 'x-security-token'],
    ],
  ] as Array<[string, HssAuth, string[]]>)(
    '%s: a 302 from 127.0.0.1 to 127.0.0.2',
    async (_, auth, headers) => {
      const servers = await twoOrigins(302);
      try {
        const hss = createHssClient({
          region: REGION,
          projectId: TEST_PROJECT_ID,
          baseUrl: servers.url,
          auth,
        });
        const error = await hss.registryImages
          .list({ limit: 10 })
          .then(() => undefined)
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ScanApiError);
        expect(error).toMatchObject({ kind: 'redirect', status: 302 });
        expect((error as Error).message).toContain(`redirect to ${servers.otherOrigin} not followed`);
        // The credentials went to their own origin only.
        for (const h of headers) expect(servers.first[0]?.[h]).toBeTruthy();
        expect(servers.reached).toEqual([]);
      } finally {
        await servers.close();
      }
    },
  );
});

describe('secrets: no error or log line contains a token, key, signature or security token', () => {
  const BAD = [
    'SECRET_LF\nX-Injected: 1',
    'SECRET_CR\rmore',
    'SECRET_NUL\0more',
    'SECRET_SPACE inside',
    'SECRET_ÜMLAUT',
  ];
  const base = { region: REGION, projectId: TEST_PROJECT_ID };
  it.each(
    BAD.flatMap((secret) => [
      ['auth.token', secret, { token: secret }],
      ['auth.secretKey', secret, { accessKey: TEST_ACCESS_KEY, secretKey: secret }],
      [
        'auth.securityToken',
        secret,
        { accessKey: TEST_ACCESS_KEY, secretKey: TEST_SECRET_KEY, securityToken: secret },
      ],
      ['auth.accessKey', secret, { accessKey: secret, secretKey: TEST_SECRET_KEY }],
    ]) as Array<[string, string, HssAuth]>,
  )('%s %j: ScanApiConfigError naming the option only', (option, secret, auth) => {
    let error: unknown;
    try {
      createHssClient({ ...base, auth });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScanApiConfigError);
    expect(error).toMatchObject({ option });
    expectNoSecret([secret], [error]);
  });

  it.each([
    ['returns a token with a line feed', 'SECRET_FN\nX', (): string => 'SECRET_FN\nX'],
    [
      'throws an error quoting the token',
      'SECRET_THROWN_TOKEN',
      (): string => {
        throw new Error('refresh of SECRET_THROWN_TOKEN failed');
      },
    ],
  ] as Array<[string, string, () => string]>)(
    'a token function that %s: the call fails naming auth.token',
    async (_, secret, token) => {
      const { lines, logger } = captureLog();
      const hss = createHssClient({
        ...base,
        fetch: createMockFetch().fetch,
        auth: { token },
        logLevel: 'debug',
        logger,
      });
      const error = await hss.registryImages
        .list()
        .then(() => undefined)
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ option: 'auth.token' });
      expectNoSecret([secret], [error], lines);
    },
  );

  it('errors and debug lines of signed and token calls hold no secret, signature or token', async () => {
    const { lines, logger } = captureLog();
    const signatures: string[] = [];
    const mock = createMockFetch();
    const fetch = (async (request: Request) => {
      signatures.push(request.headers.get('authorization')?.split('Signature=')[1] ?? '');
      return mock.fetch(request);
    }) as typeof globalThis.fetch;
    const wrongSk = 'wrong-secret-key-that-must-not-leak';
    const errors: unknown[] = [];
    for (const auth of [
      { accessKey: TEST_ACCESS_KEY, secretKey: wrongSk, securityToken: SECURITY_TOKEN },
      { token: 'unknown-token-that-must-not-leak' },
    ]) {
      const hss = createHssClient({
        ...base,
        auth,
        fetch,
        logLevel: 'debug',
        logger,
        throwOnError: true,
      });
      errors.push(await hss.GET('/v5/{project_id}/image/registries/images').catch((e: unknown) => e));
    }
    expect(errors.map((e) => (e as ScanApiError).status)).toEqual([401, 401]);
    expect(signatures[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(lines).toHaveLength(2);
    expectNoSecret(
      [wrongSk, SECURITY_TOKEN, signatures[0]!, 'unknown-token-that-must-not-leak'],
      errors,
      lines,
    );
  });
});

describe('registryImages.list()', () => {
  const hss = () =>
    createHssClient({
      region: REGION,
      projectId: TEST_PROJECT_ID,
      fetch: createMockFetch().fetch,
      auth: { accessKey: TEST_ACCESS_KEY, secretKey: TEST_SECRET_KEY },
    });

  it('awaiting gives the first page, typed; for await walks every image; .pages() and .withResponse()', async () => {
    const page = await hss().registryImages.list({ limit: 10 });
    expectTypeOf(page).toEqualTypeOf<ListRegistryImagesResponse>();
    expect(page.data_list).toHaveLength(10);
    const ids: number[] = [];
    for await (const image of hss().registryImages.list({ limit: 50 })) {
      expectTypeOf(image).toEqualTypeOf<RegistryImagesInfo>();
      ids.push(image.id!);
    }
    expect(ids).toHaveLength(page.total_num!);
    expect(new Set(ids).size).toBe(ids.length);
    let pages = 0;
    for await (const p of hss().registryImages.list({ limit: 100 }).pages()) pages += p.data_list ? 1 : 0;
    expect(pages).toBe(Math.ceil(ids.length / 100));
    const { data, response } = await hss().registryImages.list().withResponse();
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(data.total_num).toBe(ids.length);
  });

  it('an error answer throws a ScanApiError with Huawei’s code', async () => {
    const error = await hss()
      .registryImages.list({ limit: 201 })
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'http', status: 400, code: 'HSS.0001' });
  });
});

describe('paging cannot run away', () => {
  it('paginate() against the static mock ends with a pagination error within a second', async () => {
    const hss = createHssClient({
      region: REGION,
      projectId: TEST_PROJECT_ID,
      fetch: createMockFetch({ static: true }).fetch,
      auth: { accessKey: TEST_ACCESS_KEY, secretKey: TEST_SECRET_KEY },
    });
    // One signed answer first, so the clock measures the walk, not loading the signer and the
    // static mock's first example.
    await hss.GET('/v5/{project_id}/image/registries/images', { params: { query: { limit: 1 } } });
    const started = Date.now();
    const error = await (async () => {
      for await (const _ of hss.registryImages.list({ limit: 1 })) {
        // walk
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScanApiError);
    expect(error).toMatchObject({ kind: 'pagination' });
    expect((error as Error).message).toContain('page 1: more than the 1 items asked for');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
