import { describe, expect, inject, it } from 'vitest';
import { TEST_API_KEY, TEST_API_KEY_WITHOUT_SCANS_READ } from '../src/index.js';

// The vendor's own bodies, word for word, for the bad requests a consumer is most likely to send.
const cases: Array<
  [
    string,
    { given: { query?: string; headers?: Record<string, string> }; want: { status: number; body: unknown } },
  ]
> = [
  ['no key', { given: {}, want: { status: 401, body: { error: 'API key is required' } } }],
  [
    'empty key',
    {
      given: { headers: { 'X-API-Key': '' } },
      want: { status: 401, body: { error: 'API key is required' } },
    },
  ],
  [
    'key without gk_',
    {
      given: { headers: { 'X-API-Key': 'sk_live_123' } },
      want: { status: 401, body: { error: 'Invalid API key format' } },
    },
  ],
  [
    'a gk_ key the mock does not know',
    {
      given: { headers: { 'X-API-Key': 'gk_not_a_real_key' } },
      want: { status: 401, body: { error: 'Invalid API key' } },
    },
  ],
  [
    'a known key without scans.read',
    {
      given: { headers: { 'X-API-Key': TEST_API_KEY_WITHOUT_SCANS_READ } },
      want: { status: 403, body: { error: 'API key lacks scans.read permission' } },
    },
  ],
  [
    'a key without scans.read and a bad limit: the permission is checked first',
    {
      given: { query: 'limit=5000', headers: { 'X-API-Key': TEST_API_KEY_WITHOUT_SCANS_READ } },
      want: { status: 403, body: { error: 'API key lacks scans.read permission' } },
    },
  ],
  [
    'limit=5000',
    { given: { query: 'limit=5000' }, want: { status: 400, body: { error: 'Limit cannot exceed 1000' } } },
  ],
  [
    'limit=1001',
    { given: { query: 'limit=1001' }, want: { status: 400, body: { error: 'Limit cannot exceed 1000' } } },
  ],
  [
    'limit=0',
    {
      given: { query: 'limit=0' },
      want: {
        status: 400,
        body: {
          error: 'Invalid query parameter: limit',
          details: 'limit must be >= 1',
          hint: 'limit is an integer from 1 to 1000',
        },
      },
    },
  ],
  [
    'limit=abc',
    {
      given: { query: 'limit=abc' },
      want: {
        status: 400,
        body: {
          error: 'Invalid query parameter: limit',
          details: 'limit must be an integer',
          hint: 'limit is an integer from 1 to 1000',
        },
      },
    },
  ],
  [
    'offset=-1',
    {
      given: { query: 'offset=-1' },
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
  [
    'offset=1e3',
    {
      given: { query: 'offset=1e3' },
      want: {
        status: 400,
        body: {
          error: 'Invalid query parameter: offset',
          details: 'offset must be an integer',
          hint: 'offset is an integer >= 0',
        },
      },
    },
  ],
  [
    'no key and a bad limit: auth is checked first',
    {
      given: { query: 'limit=5000', headers: {} },
      want: { status: 401, body: { error: 'API key is required' } },
    },
  ],
];

describe('Gecko mock: bad requests get Gecko error bodies', () => {
  it.each(cases)('%s', async (name, { given, want }) => {
    const headers = given.headers ?? (name.startsWith('no key') ? {} : { 'X-API-Key': TEST_API_KEY });
    const res = await fetch(`${inject('mockUrl')}/api/v1/scans${given.query ? `?${given.query}` : ''}`, {
      headers,
    });
    expect(res.status).toBe(want.status);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual(want.body);
  });

  it.each([
    ['unknown path', '/api/v1/nope', 404, { error: 'Route not found: GET /api/v1/nope' }],
    ['wrong method', '/api/v1/scans', 405, { error: 'Method not allowed: DELETE /api/v1/scans' }],
  ] as const)('%s', async (_, path, status, body) => {
    const res = await fetch(`${inject('mockUrl')}${path}`, {
      method: path === '/api/v1/scans' ? 'DELETE' : 'GET',
      headers: { 'X-API-Key': TEST_API_KEY },
    });
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual(body);
  });
});
