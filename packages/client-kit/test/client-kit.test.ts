import { describe, expect, it } from 'vitest';
import {
  assertTokenSource,
  headerAuth,
  normalizeBaseUrl,
  resolveToken,
  ScanApiConfigError,
} from '../src/index.js';

describe('normalizeBaseUrl', () => {
  it.each([
    ['the fallback when unset', { given: [undefined, 'https://api.test/'], want: 'https://api.test' }],
    [
      'a trailing slash dropped',
      { given: ['http://127.0.0.1:4012/', 'https://x.test'], want: 'http://127.0.0.1:4012' },
    ],
    [
      'a path kept',
      { given: ['https://proxy.test/gecko', 'https://x.test'], want: 'https://proxy.test/gecko' },
    ],
  ] as const)('%s', (_, { given, want }) => {
    expect(normalizeBaseUrl(given[0], given[1])).toBe(want);
  });

  it.each([
    ['not a URL', { given: 'nope', want: 'baseUrl: must be an absolute http(s) URL, got "nope"' }],
    ['ftp', { given: 'ftp://x.test', want: 'baseUrl: must use http or https, got ftp:' }],
    [
      'a query',
      { given: 'https://x.test/?a=1', want: 'baseUrl: must not carry a query, a fragment or credentials' },
    ],
    [
      'credentials',
      {
        given: 'https://u:secret@x.test',
        want: 'baseUrl: must not carry a query, a fragment or credentials',
      },
    ],
  ])('refuses %s', (_, { given, want }) => {
    expect(() => normalizeBaseUrl(given, 'https://x.test')).toThrow(
      new ScanApiConfigError('baseUrl', want.slice(9)),
    );
    expect(() => normalizeBaseUrl(given, 'https://x.test')).toThrow(want);
  });
});

describe('token sources', () => {
  it.each([
    ['a string', { given: 'tok', want: 'tok' }],
    ['a sync function', { given: () => 'fresh', want: 'fresh' }],
    ['an async function', { given: async () => 'later', want: 'later' }],
  ])('resolves %s', async (_, { given, want }) => {
    assertTokenSource('iamToken', given);
    expect(await resolveToken('iamToken', given)).toBe(want);
  });

  it.each([
    ['an empty string', ''],
    ['a number', 42],
    ['undefined', undefined],
  ])('refuses %s at creation', (_, given) => {
    expect(() => assertTokenSource('iamToken', given)).toThrow(
      'iamToken: must be a non-empty string or a function that returns one',
    );
  });

  it('refuses a function that returns nothing, at request time', async () => {
    await expect(resolveToken('iamToken', () => '')).rejects.toThrow(
      'iamToken: the function returned an empty or non-string token',
    );
  });

  it('headerAuth calls the function per request, so refreshed tokens are used', async () => {
    let n = 0;
    const mw = headerAuth(
      'iamToken',
      'Authorization',
      () => `t${++n}`,
      (t) => `Bearer ${t}`,
    );
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const request = new Request('https://x.test/');
      const out = (await mw.onRequest!({ request } as never)) as Request;
      seen.push(out.headers.get('authorization')!);
    }
    expect(seen).toEqual(['Bearer t1', 'Bearer t2', 'Bearer t3']);
  });
});
