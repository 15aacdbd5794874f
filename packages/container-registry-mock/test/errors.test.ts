import { describe, expect, inject, it } from 'vitest';

const SCANS = '/container-registry/v1/scans';
const IMAGES = '/container-registry/v1/images';
const TOKEN = { Authorization: 'Bearer t1.errors-test-token' };

interface Given {
  path: string;
  query?: string;
  headers?: Record<string, string>;
  method?: string;
}
interface Want {
  status: number;
  code: number;
  message: string;
}

async function send({ path, query, headers, method }: Given) {
  const res = await fetch(`${inject('mockUrl')}${path}${query ? `?${query}` : ''}`, {
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

describe('Container Registry mock: bad requests get google.rpc.Status bodies', () => {
  it.each(cases)('%s', async (_, { given, want }) => {
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
    for (const authorization of ['bearer t1.abc', 'BEARER t1.abc', 'Bearer   t1.abc']) {
      const { res } = await send({ path: IMAGES, headers: { Authorization: authorization } });
      expect(res.status, authorization).toBe(200);
    }
  });

  it('every request gets its own id, also on answers Prism builds from the spec examples', async () => {
    const ids = new Set<string>();
    for (const status of [400, 403, 404, 429, 500, 503]) {
      const { res, body } = await send({
        path: SCANS,
        query: 'repositoryId=crp2ln7vk3oh5qiu9s1e',
        headers: { ...TOKEN, Prefer: `code=${status}` },
      });
      expect(res.status).toBe(status);
      const requestId = res.headers.get('x-request-id')!;
      expect((body.details as Array<{ requestId: string }>)[0]?.requestId).toBe(requestId);
      expect(res.headers.get('x-server-trace-id')).toBe(requestId.replace(/-/g, '').slice(0, 16));
      ids.add(requestId);
    }
    expect(ids.size).toBe(6);
  });
});
