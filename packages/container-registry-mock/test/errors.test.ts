import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ContainerRegistryMock, NO_ACCESS_TOKEN, startMock, TEST_TOKEN } from '../src/index.js';

const SCANS = '/container-registry/v1/scans';
const IMAGES = '/container-registry/v1/images';
const TOKEN = { Authorization: `Bearer ${TEST_TOKEN}` };
/** An ID in the vendor's shape that no dataset holds (`z` is outside the ID alphabet). */
const UNKNOWN = 'crpzzzzzzzzzzzzzzzzz';

interface Given {
  path: string;
  query?: string;
  headers?: Record<string, string>;
  method?: string;
  /** First ask this query (with the test token) and send its nextPageToken as `pageToken`. */
  tokenFrom?: string;
}
interface Want {
  status: number;
  code: number;
  message: string;
}

async function send({ path, query, headers, method, tokenFrom }: Given, baseUrl = inject('mockUrl')) {
  let q = query ?? '';
  if (tokenFrom) {
    const first = await fetch(`${baseUrl}${path}?${tokenFrom}`, { headers: TOKEN });
    const { nextPageToken } = (await first.json()) as { nextPageToken?: string };
    expect(nextPageToken, `${tokenFrom} has a second page`).toBeTruthy();
    q = `${q}&pageToken=${encodeURIComponent(nextPageToken!)}`;
  }
  const res = await fetch(`${baseUrl}${path}${q ? `?${q}` : ''}`, {
    method: method ?? 'GET',
    headers: headers ?? TOKEN,
  });
  return { res, body: (await res.json()) as Record<string, unknown> };
}

// The google.rpc.Status bodies, word for word, for the bad requests a consumer is most likely
// to send. Every one carries a RequestInfo whose requestId is the x-request-id header.
const cases: Array<[string, { given: Given; want: Want }]> = [
  [
    'no Authorization header',
    {
      given: { path: SCANS, query: 'imageId=crpbbr7fclo5hrasp6nh', headers: {} },
      want: {
        status: 401,
        code: 16,
        message: 'Authorization header is missing: send an IAM token as "Authorization: Bearer <token>"',
      },
    },
  ],
  [
    'a Basic credential',
    {
      given: { path: SCANS, query: 'imageId=crpbbr7fclo5hrasp6nh', headers: { Authorization: 'Basic x' } },
      want: {
        status: 401,
        code: 16,
        message: 'Authorization header is malformed: expected "Bearer <IAM token>"',
      },
    },
  ],
  [
    'a bare token without the Bearer scheme',
    {
      given: { path: IMAGES, headers: { Authorization: 't1.token-without-scheme' } },
      want: {
        status: 401,
        code: 16,
        message: 'Authorization header is malformed: expected "Bearer <IAM token>"',
      },
    },
  ],
  [
    'a token with a space in it',
    {
      given: { path: IMAGES, headers: { Authorization: 'Bearer two words' } },
      want: {
        status: 401,
        code: 16,
        message: 'Authorization header is malformed: expected "Bearer <IAM token>"',
      },
    },
  ],
  [
    '"Bearer " with an empty token',
    {
      given: { path: SCANS, query: 'imageId=crpbbr7fclo5hrasp6nh', headers: { Authorization: 'Bearer ' } },
      want: {
        status: 401,
        code: 16,
        message: 'IAM token is empty: expected "Authorization: Bearer <IAM token>"',
      },
    },
  ],
  [
    'no token and a bad pageSize: auth is checked first',
    {
      given: { path: SCANS, query: 'pageSize=5000', headers: {} },
      want: {
        status: 401,
        code: 16,
        message: 'Authorization header is missing: send an IAM token as "Authorization: Bearer <token>"',
      },
    },
  ],
  [
    'pageSize=1001 (Scanner.list)',
    {
      given: { path: SCANS, query: 'imageId=crpbbr7fclo5hrasp6nh&pageSize=1001' },
      want: {
        status: 400,
        code: 3,
        message: 'pageSize: must be <= 1000 (pageSize is an integer from 0 to 1000)',
      },
    },
  ],
  [
    'pageSize=-1 (Scanner.list)',
    {
      given: { path: SCANS, query: 'imageId=crpbbr7fclo5hrasp6nh&pageSize=-1' },
      want: {
        status: 400,
        code: 3,
        message: 'pageSize: must be >= 0 (pageSize is an integer from 0 to 1000)',
      },
    },
  ],
  [
    'pageSize=1001 (Image.list)',
    {
      given: { path: IMAGES, query: 'pageSize=1001' },
      want: { status: 400, code: 3, message: 'pageSize: must be <= 1000 (pageSize is an integer <= 1000)' },
    },
  ],
  [
    'pageSize=ten',
    {
      given: { path: IMAGES, query: 'pageSize=ten' },
      want: {
        status: 400,
        code: 3,
        message: 'pageSize: must be an integer (pageSize is an integer <= 1000)',
      },
    },
  ],
  [
    'oneof: neither imageId nor repositoryId',
    {
      given: { path: SCANS, query: 'pageSize=10' },
      want: { status: 400, code: 3, message: 'Exactly one of imageId or repositoryId must be set' },
    },
  ],
  [
    'oneof: both imageId and repositoryId',
    {
      given: { path: SCANS, query: 'imageId=crpbbr7fclo5hrasp6nh&repositoryId=crp2ln7vk3oh5qiu9s1e' },
      want: { status: 400, code: 3, message: 'Exactly one of imageId or repositoryId must be set' },
    },
  ],
  [
    'imageId of 51 characters',
    {
      given: { path: SCANS, query: `imageId=${'a'.repeat(51)}` },
      want: {
        status: 400,
        code: 3,
        message: 'imageId: must be at most 50 characters (imageId is a string of at most 50 characters)',
      },
    },
  ],
  [
    'repositoryName not matching its pattern',
    {
      given: { path: IMAGES, query: 'repositoryName=Ubuntu' },
      want: {
        status: 400,
        code: 3,
        message:
          'repositoryName: must match ^(|[a-z0-9]+(?:[._-][a-z0-9]+)*(/([a-z0-9]+(?:[._-][a-z0-9]+)*))*)$',
      },
    },
  ],
  [
    'filter of 1001 characters',
    {
      given: { path: SCANS, query: `imageId=crpbbr7fclo5hrasp6nh&filter=${'s'.repeat(1001)}` },
      want: {
        status: 400,
        code: 3,
        message: 'filter: must be at most 1000 characters (filter is a string of at most 1000 characters)',
      },
    },
  ],
  [
    'pageToken sent twice',
    {
      given: { path: IMAGES, query: 'pageToken=a&pageToken=b' },
      want: {
        status: 400,
        code: 3,
        message: 'pageToken: must be sent once (pageToken is a string of at most 100 characters)',
      },
    },
  ],
  [
    'an unknown path',
    {
      given: { path: '/container-registry/v1/nope' },
      want: { status: 404, code: 5, message: 'Not Found: GET /container-registry/v1/nope' },
    },
  ],
  [
    'a method the path does not have',
    {
      given: { path: SCANS, method: 'DELETE' },
      want: { status: 405, code: 12, message: 'Method Not Allowed: DELETE /container-registry/v1/scans' },
    },
  ],
];

// What the behavioural mock adds: its tokens, page tokens, filter and order grammars, and IDs
// that must name something in its dataset.
const behaviour: Array<[string, { given: Given; want: Want }]> = [
  [
    'a well-formed bearer token the mock does not know',
    {
      given: { path: IMAGES, headers: { Authorization: 'Bearer t1.some-real-looking-token' } },
      want: {
        status: 401,
        code: 16,
        message: "The token is invalid: use the mock's test token t1.scanapis-test-token",
      },
    },
  ],
  [
    'the token without roles (Scanner.list)',
    {
      given: {
        path: SCANS,
        query: 'imageId=crpbbr7fclo5hrasp6nh',
        headers: { Authorization: `Bearer ${NO_ACCESS_TOKEN}` },
      },
      want: {
        status: 403,
        code: 7,
        message: 'Permission denied: the account has no role that allows listing scan results',
      },
    },
  ],
  [
    'the token without roles (Image.list)',
    {
      given: { path: IMAGES, headers: { Authorization: `Bearer ${NO_ACCESS_TOKEN}` } },
      want: {
        status: 403,
        code: 7,
        message: 'Permission denied: the account has no role that allows listing images',
      },
    },
  ],
  [
    'the token without roles and a bad pageSize: validation comes first',
    {
      given: {
        path: IMAGES,
        query: 'pageSize=5000',
        headers: { Authorization: `Bearer ${NO_ACCESS_TOKEN}` },
      },
      want: { status: 400, code: 3, message: 'pageSize: must be <= 1000 (pageSize is an integer <= 1000)' },
    },
  ],
  [
    'a page token the mock never issued',
    {
      given: { path: SCANS, query: 'imageId=crpbbr7fclo5hrasp6nh&pageToken=Y3JwdjdjdHEycDBkOWFzMWU2aGs' },
      want: {
        status: 400,
        code: 3,
        message:
          'pageToken: not a page token this service issued; send the nextPageToken of the previous page exactly as received',
      },
    },
  ],
  [
    'a page token with one character changed',
    {
      given: { path: IMAGES, query: 'pageToken=AQAAAAP8uZP0i_X3KtuCB5k3Pp-cnnKHGx' },
      want: {
        status: 400,
        code: 3,
        message:
          'pageToken: not a page token this service issued; send the nextPageToken of the previous page exactly as received',
      },
    },
  ],
  [
    'a page token sent with another pageSize (Scanner.list)',
    {
      given: {
        path: SCANS,
        query: 'imageId=crpbbr7fclo5hrasp6nh&pageSize=2',
        tokenFrom: 'imageId=crpbbr7fclo5hrasp6nh&pageSize=1',
      },
      want: {
        status: 400,
        code: 3,
        message:
          'pageToken: the token was issued for a different query; send the same imageId or repositoryId, filter, orderBy and pageSize as the request that returned it',
      },
    },
  ],
  [
    'a page token sent with another filter (Scanner.list)',
    {
      given: {
        path: SCANS,
        query: 'imageId=crpbbr7fclo5hrasp6nh&pageSize=1&filter=status%3D%22READY%22',
        tokenFrom: 'imageId=crpbbr7fclo5hrasp6nh&pageSize=1',
      },
      want: {
        status: 400,
        code: 3,
        message:
          'pageToken: the token was issued for a different query; send the same imageId or repositoryId, filter, orderBy and pageSize as the request that returned it',
      },
    },
  ],
  [
    'a page token sent with another registryId (Image.list)',
    {
      given: { path: IMAGES, query: 'pageSize=1&registryId=crpc9qeoft236r8tpvt7', tokenFrom: 'pageSize=1' },
      want: {
        status: 400,
        code: 3,
        message:
          'pageToken: the token was issued for a different query; send the same repositoryName, registryId, folderId, filter, orderBy and pageSize as the request that returned it',
      },
    },
  ],
  [
    'filter without quotes (Scanner.list)',
    {
      given: { path: SCANS, query: 'imageId=crpbbr7fclo5hrasp6nh&filter=status%3DREADY' },
      want: {
        status: 400,
        code: 3,
        message:
          'filter: cannot parse "status=READY"; use status="<STATUS>" with STATUS one of RUNNING, READY, ERROR',
      },
    },
  ],
  [
    'filter on a field other than status (Scanner.list, the spec example)',
    {
      given: { path: SCANS, query: 'imageId=crpbbr7fclo5hrasp6nh&filter=imageId%3D%22x%22' },
      want: {
        status: 400,
        code: 3,
        message: 'filter: unsupported field "imageId", only "status" can be used',
      },
    },
  ],
  [
    'filter on a status the API does not have',
    {
      given: { path: SCANS, query: 'imageId=crpbbr7fclo5hrasp6nh&filter=status%3D%22DONE%22' },
      want: {
        status: 400,
        code: 3,
        message: 'filter: unsupported status "DONE", use one of RUNNING, READY, ERROR',
      },
    },
  ],
  [
    'filter with another operator (Image.list)',
    {
      given: { path: IMAGES, query: 'filter=name~%22ubuntu%22' },
      want: {
        status: 400,
        code: 3,
        message:
          'filter: cannot parse "name~\\"ubuntu\\""; use name="<image name>", e.g. name="crpc9qeoft236r8tpvt7/ubuntu"',
      },
    },
  ],
  [
    'filter on status (Image.list)',
    {
      given: { path: IMAGES, query: 'filter=status%3D%22READY%22' },
      want: { status: 400, code: 3, message: 'filter: unsupported field "status", only "name" can be used' },
    },
  ],
  [
    'filter on a name in upper case (Image.list)',
    {
      given: { path: IMAGES, query: 'filter=name%3D%22Ubuntu%22' },
      want: {
        status: 400,
        code: 3,
        message:
          'filter: the name "Ubuntu" must match [a-z0-9]+(?:[._-][a-z0-9]+)*(/([a-z0-9]+(?:[._-][a-z0-9]+)*))*',
      },
    },
  ],
  [
    'orderBy on a field other than status (Scanner.list)',
    {
      given: { path: SCANS, query: 'imageId=crpbbr7fclo5hrasp6nh&orderBy=scannedAt%20desc' },
      want: {
        status: 400,
        code: 3,
        message: 'orderBy: unsupported field "scannedAt", only "status" can be used',
      },
    },
  ],
  [
    'orderBy with an unknown selector',
    {
      given: { path: SCANS, query: 'imageId=crpbbr7fclo5hrasp6nh&orderBy=status%20sideways' },
      want: { status: 400, code: 3, message: 'orderBy: unsupported selector "sideways", use asc or desc' },
    },
  ],
  [
    'orderBy with two keys (Scanner.list)',
    {
      given: { path: SCANS, query: 'imageId=crpbbr7fclo5hrasp6nh&orderBy=status%20desc%2C%20id' },
      want: {
        status: 400,
        code: 3,
        message: 'orderBy: cannot parse "status desc, id"; use "status asc" or "status desc"',
      },
    },
  ],
  [
    'orderBy on an unknown field (Image.list)',
    {
      given: { path: IMAGES, query: 'orderBy=size%20asc' },
      want: {
        status: 400,
        code: 3,
        message: 'orderBy: unsupported field "size", use one of id, name, createdAt',
      },
    },
  ],
  [
    'a negative pageSize (Image.list: the page gives no minimum)',
    {
      given: { path: IMAGES, query: 'pageSize=-1' },
      want: { status: 400, code: 3, message: 'pageSize: must be >= 0, got -1 (0 means the default, 100)' },
    },
  ],
  [
    'an empty imageId',
    {
      given: { path: SCANS, query: 'imageId=' },
      want: { status: 400, code: 3, message: 'imageId: must not be empty' },
    },
  ],
  [
    'an unknown imageId',
    {
      given: { path: SCANS, query: `imageId=${UNKNOWN}` },
      want: { status: 404, code: 5, message: `Image ${UNKNOWN} not found` },
    },
  ],
  [
    'an unknown repositoryId',
    {
      given: { path: SCANS, query: `repositoryId=${UNKNOWN}` },
      want: { status: 404, code: 5, message: `Repository ${UNKNOWN} not found` },
    },
  ],
  [
    'an unknown repositoryName',
    {
      given: { path: IMAGES, query: 'repositoryName=crpc9qeoft236r8tpvt7/nope' },
      want: { status: 404, code: 5, message: 'Repository crpc9qeoft236r8tpvt7/nope not found' },
    },
  ],
  [
    'an unknown registryId',
    {
      given: { path: IMAGES, query: `registryId=${UNKNOWN}` },
      want: { status: 404, code: 5, message: `Registry ${UNKNOWN} not found` },
    },
  ],
  [
    'an unknown folderId',
    {
      given: { path: IMAGES, query: 'folderId=b1gzzzzzzzzzzzzzzzzz' },
      want: { status: 404, code: 5, message: 'Folder b1gzzzzzzzzzzzzzzzzz not found' },
    },
  ],
  [
    'a forged page token and an unknown imageId: arguments are checked first',
    {
      given: { path: SCANS, query: `imageId=${UNKNOWN}&pageToken=forged` },
      want: {
        status: 400,
        code: 3,
        message:
          'pageToken: not a page token this service issued; send the nextPageToken of the previous page exactly as received',
      },
    },
  ],
];

describe('Container Registry mock: bad requests get google.rpc.Status bodies', () => {
  it.each([...cases, ...behaviour])('%s', async (_, { given, want }) => {
    const { res, body } = await send(given);
    expect(res.status).toBe(want.status);
    expect(res.headers.get('content-type')).toBe('application/json');
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body).toEqual({
      code: want.code,
      message: want.message,
      details: [{ '@type': 'type.googleapis.com/google.rpc.RequestInfo', requestId }],
    });
  });

  it('accepts the scheme in any case and extra spaces, as HTTP allows', async () => {
    for (const authorization of [`bearer ${TEST_TOKEN}`, `BEARER ${TEST_TOKEN}`, `Bearer   ${TEST_TOKEN}`]) {
      const { res } = await send({ path: IMAGES, headers: { Authorization: authorization } });
      expect(res.status, authorization).toBe(200);
    }
  });

  it('every answer carries its own request id, in the header and in RequestInfo', async () => {
    const ids = new Set<string>();
    for (const query of ['pageSize=5000', `registryId=${UNKNOWN}`, 'filter=x', 'pageToken=x']) {
      const { res, body } = await send({ path: IMAGES, query });
      const requestId = res.headers.get('x-request-id')!;
      expect((body.details as Array<{ requestId: string }>)[0]?.requestId).toBe(requestId);
      expect(res.headers.get('x-server-trace-id')).toBe(requestId.replace(/-/g, '').slice(0, 16));
      ids.add(requestId);
    }
    expect(ids.size).toBe(4);
  });
});

describe('the static mock (static: true): any non-empty token, Prefer picks the example', () => {
  let mock: ContainerRegistryMock;
  beforeAll(async () => {
    mock = await startMock({ static: true });
  });
  afterAll(() => mock.close());

  it('every request gets its own id, also on answers Prism builds from the spec examples', async () => {
    const ids = new Set<string>();
    for (const status of [400, 403, 404, 429, 500, 503]) {
      const { res, body } = await send(
        {
          path: SCANS,
          query: 'repositoryId=crp2ln7vk3oh5qiu9s1e',
          headers: { Authorization: 'Bearer t1.any-token', Prefer: `code=${status}` },
        },
        mock.url,
      );
      expect(res.status).toBe(status);
      const requestId = res.headers.get('x-request-id')!;
      expect((body.details as Array<{ requestId: string }>)[0]?.requestId).toBe(requestId);
      expect(res.headers.get('x-server-trace-id')).toBe(requestId.replace(/-/g, '').slice(0, 16));
      ids.add(requestId);
    }
    expect(ids.size).toBe(6);
  });

  it('keeps the word-for-word errors of the bad requests above', async () => {
    for (const [, { given, want }] of cases) {
      const { res, body } = await send(
        { ...given, headers: given.headers ?? { Authorization: 'Bearer t1.x' } },
        mock.url,
      );
      expect([res.status, body.code, body.message]).toEqual([want.status, want.code, want.message]);
    }
  });
});
