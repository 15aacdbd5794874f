import { runMockSize } from '@scanapis/contract-kit';
import { type AkSkCredentials, signRequest } from '@scanapis/huawei-signer';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  DEFAULT_ENTERPRISE_PROJECT,
  generateImages,
  type RunningMock,
  startMock,
  TEST_ACCESS_KEY,
  TEST_PROJECT_ID,
  TEST_SECRET_KEY,
  TEST_SECURITY_TOKEN,
  TEST_TEMPORARY_ACCESS_KEY,
  TEST_TEMPORARY_SECRET_KEY,
  TEST_TOKEN,
} from '../src/index.js';

const PROJECT = TEST_PROJECT_ID;
const TOKEN = TEST_TOKEN;
const MINUTE = 60_000;
const testKeys: AkSkCredentials = { accessKey: TEST_ACCESS_KEY, secretKey: TEST_SECRET_KEY };
/** The documented temporary triple: AK, SK and the security token. */
const temporaryKeys: AkSkCredentials = {
  accessKey: TEST_TEMPORARY_ACCESS_KEY,
  secretKey: TEST_TEMPORARY_SECRET_KEY,
  securityToken: TEST_SECURITY_TOKEN,
};

interface Given {
  query?: string;
  /** Replaces the path's project id. */
  project?: string;
  method?: string;
  /** Sent as they are (after the signature headers, so a case can break one). */
  headers?: Record<string, string>;
  /** No X-Auth-Token; sign with these credentials instead (at `at`, default now). */
  sign?: AkSkCredentials & { at?: Date; signedQuery?: string };
  /** No X-Auth-Token and no signature. */
  anonymous?: boolean;
  /** The mock to ask (default: the behavioural mock of this run). */
  baseUrl?: string;
}

interface Sent {
  status: number;
  requestId: string | null;
  contentType: string | null;
  text: string;
  body: unknown;
  signature?: string;
}

async function send(given: Given): Promise<Sent> {
  const path = `${given.baseUrl ?? inject('mockUrl')}/v5/${given.project ?? PROJECT}/image/registries/images`;
  const url = `${path}${given.query ? `?${given.query}` : ''}`;
  const method = given.method ?? 'GET';
  let headers: Record<string, string> = {};
  if (given.sign) {
    const { at, signedQuery, ...creds } = given.sign;
    const signedUrl = signedQuery === undefined ? url : `${path}?${signedQuery}`;
    headers = await signRequest({ method, url: signedUrl, headers: {} }, creds, at ?? new Date());
  } else if (!given.anonymous) {
    headers['X-Auth-Token'] = TOKEN;
  }
  const res = await fetch(url, { method, headers: { ...headers, ...given.headers } });
  const text = await res.text();
  return {
    status: res.status,
    requestId: res.headers.get('x-request-id'),
    contentType: res.headers.get('content-type'),
    text,
    body: JSON.parse(text),
    ...(headers.Authorization ? { signature: headers.Authorization.split('Signature=')[1] } : {}),
  };
}

interface Want {
  status: number;
  /** The body, given the answer's X-Request-Id. */
  body: (requestId: string) => Record<string, string>;
}

/** An API-gateway error: its `request_id` is the `X-Request-Id` of the same answer. */
const gateway = (status: number, error_code: string, error_msg: string): Want => ({
  status,
  body: (requestId: string) => ({ error_code, error_msg, request_id: requestId }),
});
/** An HSS error: `error_code` and `error_msg` only. */
const hss = (error_msg: string): Want => ({
  status: 400,
  body: () => ({ error_code: 'HSS.0001', error_msg }),
});

// Huawei's bodies, word for word, for the requests a consumer most often gets wrong.
const cases: Array<[string, { given: Given; want: Want }]> = [
  [
    'no credentials',
    {
      given: { anonymous: true },
      want: gateway(401, 'APIGW.0301', 'Incorrect IAM authentication information: x-auth-token not found'),
    },
  ],
  [
    'an empty X-Auth-Token',
    {
      given: { anonymous: true, headers: { 'X-Auth-Token': '' } },
      want: gateway(401, 'APIGW.0301', 'Incorrect IAM authentication information: x-auth-token not found'),
    },
  ],
  [
    'an X-Auth-Token that is not the documented test token',
    {
      given: { anonymous: true, headers: { 'X-Auth-Token': 'MIIZ-some-real-looking-token' } },
      want: gateway(401, 'APIGW.0301', 'Incorrect IAM authentication information: decrypt token fail'),
    },
  ],
  [
    'an unknown X-Auth-Token next to a valid signature: the token is what counts',
    {
      given: { sign: testKeys, headers: { 'X-Auth-Token': 'not-the-test-token' } },
      want: gateway(401, 'APIGW.0301', 'Incorrect IAM authentication information: decrypt token fail'),
    },
  ],
  [
    'temporary AK/SK with an unknown X-Security-Token',
    {
      given: { sign: { ...temporaryKeys, securityToken: 'not-the-test-security-token' } },
      want: gateway(401, 'APIGW.0301', 'Incorrect IAM authentication information: decrypt token fail'),
    },
  ],
  [
    'temporary AK/SK without its X-Security-Token',
    {
      given: { sign: { accessKey: TEST_TEMPORARY_ACCESS_KEY, secretKey: TEST_TEMPORARY_SECRET_KEY } },
      want: gateway(
        401,
        'APIGW.0301',
        `Incorrect IAM authentication information: Get secretKey failed,ak:${TEST_TEMPORARY_ACCESS_KEY},err:ak not exist`,
      ),
    },
  ],
  [
    'a permanent AK/SK with an X-Security-Token',
    {
      given: { sign: { ...testKeys, securityToken: TEST_SECURITY_TOKEN } },
      want: gateway(401, 'APIGW.0301', 'Incorrect IAM authentication information: decrypt token fail'),
    },
  ],
  [
    'a signature made with the wrong secret key',
    {
      given: { sign: { accessKey: TEST_ACCESS_KEY, secretKey: 'not-the-test-secret' } },
      want: gateway(
        401,
        'APIGW.0301',
        'Incorrect IAM authentication information: verify aksk signature fail',
      ),
    },
  ],
  [
    'a signature over another query',
    {
      given: {
        query: 'limit=20',
        sign: { ...testKeys, signedQuery: 'limit=10' },
      },
      want: gateway(
        401,
        'APIGW.0301',
        'Incorrect IAM authentication information: verify aksk signature fail',
      ),
    },
  ],
  [
    'an unknown access key',
    {
      given: { sign: { accessKey: 'HSSUNKNOWNAK0000000', secretKey: TEST_SECRET_KEY } },
      want: gateway(
        401,
        'APIGW.0301',
        'Incorrect IAM authentication information: Get secretKey failed,ak:HSSUNKNOWNAK0000000,err:ak not exist',
      ),
    },
  ],
  [
    'a stale X-Sdk-Date (20 minutes old)',
    {
      given: { sign: { ...testKeys, at: new Date(Date.now() - 20 * MINUTE) } },
      want: gateway(
        401,
        'APIGW.0301',
        'Incorrect IAM authentication information: verify aksk signature fail, X-Sdk-Date must be within 15 minutes of the server time',
      ),
    },
  ],
  [
    'an X-Sdk-Date 20 minutes ahead',
    {
      given: { sign: { ...testKeys, at: new Date(Date.now() + 20 * MINUTE) } },
      want: gateway(
        401,
        'APIGW.0301',
        'Incorrect IAM authentication information: verify aksk signature fail, X-Sdk-Date must be within 15 minutes of the server time',
      ),
    },
  ],
  [
    'a signature without X-Sdk-Date',
    {
      given: { sign: testKeys, headers: { 'X-Sdk-Date': '' } },
      want: gateway(
        401,
        'APIGW.0301',
        'Incorrect IAM authentication information: verify aksk signature fail, missing X-Sdk-Date header',
      ),
    },
  ],
  [
    'Authorization: Bearer (not a Huawei scheme)',
    {
      given: { anonymous: true, headers: { Authorization: 'Bearer abc.def' } },
      want: gateway(
        401,
        'APIGW.0301',
        'Incorrect IAM authentication information: verify aksk signature fail, malformed Authorization header: the scheme must be SDK-HMAC-SHA256',
      ),
    },
  ],
  [
    'no credentials and a bad limit: credentials are checked first',
    {
      given: { anonymous: true, query: 'limit=201' },
      want: gateway(401, 'APIGW.0301', 'Incorrect IAM authentication information: x-auth-token not found'),
    },
  ],
  ['limit=0', { given: { query: 'limit=0' }, want: hss('invalid param error: limit must be >= 1') }],
  ['limit=201', { given: { query: 'limit=201' }, want: hss('invalid param error: limit must be <= 200') }],
  [
    'limit=abc',
    { given: { query: 'limit=abc' }, want: hss('invalid param error: limit must be an integer') },
  ],
  [
    'limit sent twice',
    { given: { query: 'limit=10&limit=20' }, want: hss('invalid param error: limit must be sent once') },
  ],
  ['offset=-1', { given: { query: 'offset=-1' }, want: hss('invalid param error: offset must be >= 0') }],
  [
    'offset=2000001',
    { given: { query: 'offset=2000001' }, want: hss('invalid param error: offset must be <= 2000000') },
  ],
  [
    'image_type outside the enum',
    {
      given: { query: 'image_type=docker' },
      want: hss(
        'invalid param error: image_type must be one of "private_image", "shared_image", "instance_image", "harbor", "jfrog"',
      ),
    },
  ],
  [
    'scan_status=download_failed (a response value, not a filter value)',
    {
      given: { query: 'scan_status=download_failed' },
      want: hss(
        'invalid param error: scan_status must be one of "unscan", "success", "scanning", "failed", "waiting_for_scan"',
      ),
    },
  ],
  [
    'is_multarch=yes',
    {
      given: { query: 'is_multarch=yes' },
      want: hss('invalid param error: is_multarch must be true or false'),
    },
  ],
  [
    'image_size=2147483548',
    {
      given: { query: 'image_size=2147483548' },
      want: hss('invalid param error: image_size must be <= 2147483547'),
    },
  ],
  [
    'start_latest_update_time > end_latest_update_time',
    {
      given: { query: 'start_latest_update_time=2000&end_latest_update_time=1000' },
      want: hss('invalid param error: start_latest_update_time must be <= end_latest_update_time'),
    },
  ],
  [
    'start_latest_scan_time > end_latest_scan_time',
    {
      given: { query: 'start_latest_scan_time=1691748641789&end_latest_scan_time=1691748641788' },
      want: hss('invalid param error: start_latest_scan_time must be <= end_latest_scan_time'),
    },
  ],
  [
    'start_latest_sync_time > end_latest_sync_time',
    {
      given: { query: 'start_latest_sync_time=2000&end_latest_sync_time=1000' },
      want: hss('invalid param error: start_latest_sync_time must be <= end_latest_sync_time'),
    },
  ],
  [
    'start_latest_scan_time=-1',
    {
      given: { query: 'start_latest_scan_time=-1' },
      want: hss('invalid param error: start_latest_scan_time must be >= 0'),
    },
  ],
  [
    'a project_id of 257 characters',
    {
      given: { project: 'p'.repeat(257) },
      want: hss('invalid param error: project_id must be at most 256 characters'),
    },
  ],
  [
    'an unknown path',
    {
      given: { project: `${PROJECT}/image/registries/images/nope` },
      want: gateway(
        404,
        'APIGW.0101',
        'The API does not exist or has not been published in the environment.',
      ),
    },
  ],
  [
    'a method the API does not have (the gateway knows no such API)',
    {
      given: { method: 'DELETE' },
      want: gateway(
        404,
        'APIGW.0101',
        'The API does not exist or has not been published in the environment.',
      ),
    },
  ],
];

describe('HSS mock: bad requests get Huawei error bodies with X-Request-Id', () => {
  it.each(cases)('%s', async (_, { given, want }) => {
    const res = await send(given);
    expect(res.status, res.text).toBe(want.status);
    expect(res.contentType).toBe('application/json');
    expect(res.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(res.body).toEqual(want.body(res.requestId!));
    // Nothing secret comes back: neither the secret key nor the signature that was presented.
    expect(res.text).not.toContain(TEST_SECRET_KEY);
    expect(res.text).not.toContain('not-the-test-secret');
    if (res.signature) expect(res.text).not.toContain(res.signature);
  });
});

/**
 * Images of the run's dataset (the default one, or SCANAPIS_MOCK_SIZE's: the same generator, seed
 * and size as the run-wide mock) in the default enterprise project: what a plain request counts.
 */
const RUN_SIZE = runMockSize();
const DEFAULT_TOTAL = generateImages(RUN_SIZE !== undefined ? { size: RUN_SIZE } : {}).filter(
  (r) => r.enterpriseProjectId === DEFAULT_ENTERPRISE_PROJECT,
).length;

describe('HSS mock: what it accepts', () => {
  it.each([
    ['the documented X-Auth-Token', {}],
    ['an AK/SK signature with the test keys', { sign: testKeys }],
    [
      'a signature over a query with unicode and reserved characters',
      {
        query: `image_version=${encodeURIComponent('nginx/ünï code+1')}&limit=5`,
        sign: testKeys,
      },
    ],
    ['the documented temporary AK/SK with its X-Security-Token', { sign: temporaryKeys }],
    ['an X-Sdk-Date 10 minutes old', { sign: { ...testKeys, at: new Date(Date.now() - 10 * MINUTE) } }],
    [
      'every start equal to its end',
      {
        query:
          'start_latest_update_time=5&end_latest_update_time=5&start_latest_scan_time=5&end_latest_scan_time=5&start_latest_sync_time=5&end_latest_sync_time=5',
      },
    ],
    ['another project (a project without images)', { project: 'another-project' }],
  ] as Array<[string, Given]>)('%s → 200 in the page’s shape and a fresh X-Request-Id', async (_, given) => {
    const first = await send(given);
    const second = await send(given);
    expect(first.status, first.text).toBe(200);
    expect(first.body).toEqual({ total_num: expect.any(Number), data_list: expect.any(Array) });
    expect(first.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(second.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(second.requestId).not.toBe(first.requestId);
  });

  it.each([
    ['no filter: every image of the default enterprise project', {}, DEFAULT_TOTAL],
    ['a unicode image_version nothing has', { query: `image_version=${encodeURIComponent('ünï')}` }, 0],
    [
      'every start equal to its end (5 ms: before every image)',
      { query: 'start_latest_update_time=5&end_latest_update_time=5' },
      0,
    ],
    ['another project', { project: 'another-project' }, 0],
    ['an empty instance_id (no filter)', { query: 'instance_id=' }, DEFAULT_TOTAL],
    ['an empty instance_name (no filter)', { query: 'instance_name=' }, DEFAULT_TOTAL],
    [
      'a start alone later than now (its end is now: nothing)',
      { query: 'start_latest_sync_time=99999999999999' },
      0,
    ],
    [
      'an end alone at the largest int64 (its start is 0: everything)',
      { query: 'end_latest_sync_time=9223372036854775807' },
      DEFAULT_TOTAL,
    ],
  ] as Array<[string, Given, number]>)('%s → total_num %i', async (_, given, total) => {
    const res = await send(given);
    expect(res.body).toMatchObject({ total_num: total });
  });
});

describe('HSS static mock (static: true): the page’s examples', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ static: true });
  });
  afterAll(async () => {
    await mock.close();
  });

  it.each([
    ['any non-empty X-Auth-Token', { headers: { 'X-Auth-Token': 'MIIZ-any-token' } }],
    ['an AK/SK signature with the test keys', { sign: testKeys }],
    [
      'any well-formed AK/SK signature (an access key it does not know)',
      { sign: { accessKey: 'ANYAK123', secretKey: 'any-secret' } },
    ],
    [
      'any security token with a well-formed signature',
      { sign: { accessKey: 'ANYAK123', secretKey: 'x', securityToken: 'any-token' } },
    ],
  ] as Array<[string, Given]>)('%s → 200 with the page example (total_num 3)', async (_, given) => {
    const res = await send({ anonymous: true, ...given, baseUrl: mock.url });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ total_num: 3 });
    expect(res.requestId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('a Prefer: code=401 example carries the answer’s own request id', async () => {
    const res = await send({ baseUrl: mock.url, headers: { Prefer: 'code=401' } });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      error_code: 'APIGW.0301',
      error_msg: 'Incorrect IAM authentication information: decrypt token fail',
      request_id: res.requestId,
    });
  });

  it.each([
    [
      'a signature with a known access key and the wrong secret is still refused',
      { sign: { accessKey: TEST_ACCESS_KEY, secretKey: 'wrong' } },
      'Incorrect IAM authentication information: verify aksk signature fail',
    ],
    [
      'a malformed Authorization is refused',
      { anonymous: true, headers: { Authorization: 'SDK-HMAC-SHA256 nonsense' } },
      undefined,
    ],
  ] as Array<[string, Given, string | undefined]>)('%s', async (_, given, message) => {
    const res = await send({ ...given, baseUrl: mock.url });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error_code: 'APIGW.0301', ...(message ? { error_msg: message } : {}) });
  });

  it.each([
    [
      'Prefer: code=418 (not declared)',
      'code=418',
      'invalid param error: Prefer asks for code=418, which ListRegistryImages does not declare; it declares 200, 400, 401, 403, 404, 429, 500',
    ],
    [
      'Prefer: example=nope (no such example)',
      'example=nope',
      'invalid param error: Prefer asks for example="nope", which the 200 answer of ListRegistryImages does not have; its examples are PageExample',
    ],
  ])('%s → HSS 400 saying what is declared', async (_, prefer, message) => {
    const res = await send({ baseUrl: mock.url, headers: { Prefer: prefer } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error_code: 'HSS.0001', error_msg: message });
    expect(res.requestId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('no credentials → 401, as in the behavioural mock', async () => {
    const res = await send({ baseUrl: mock.url, anonymous: true });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error_code: 'APIGW.0301' });
  });
});
