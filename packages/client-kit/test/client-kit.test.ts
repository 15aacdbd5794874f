import { inspect } from 'node:util';
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
    ['not a URL', 'nope'],
    ['ftp', 'ftp://x.test'],
    ['a query', 'https://x.test/?a=1'],
    ['user info', 'https://u:hunter2@x.test'],
    ['user info in a URL that does not parse', 'https://u:hunter2@x.test:99999'],
  ])('refuses %s, without echoing it', (_, given) => {
    const want = 'baseUrl: must be an http(s) URL without query, fragment or user info';
    expect(() => normalizeBaseUrl(given, 'https://x.test')).toThrow(
      new ScanApiConfigError('baseUrl', want.slice(9)),
    );
    let message = '';
    try {
      normalizeBaseUrl(given, 'https://x.test');
    } catch (e) {
      message = String(e) + (e as Error).stack;
    }
    expect(message).toContain(want);
    expect(message).not.toContain('hunter2');
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
    ['a line feed', 'tok\nX-Evil: 1'],
    ['a carriage return', 'tok\r'],
    ['a NUL', 'tok\0'],
    ['a space', 'tok en'],
    ['a non-ASCII character', 'tök'],
  ])('refuses %s at creation', (_, given) => {
    expect(() => assertTokenSource('iamToken', given)).toThrow(
      'iamToken: must be printable ASCII without spaces, or a function returning that',
    );
  });

  it.each([
    ['nothing', { given: () => '', want: 'iamToken: the function returned a bad value' }],
    [
      'a token with a line feed',
      { given: () => 'sec\nret', want: 'iamToken: the function returned a bad value' },
    ],
    [
      'an error whose message holds the secret',
      {
        given: () => {
          throw new RangeError('could not refresh sec\nret');
        },
        want: 'iamToken: the function threw a RangeError',
      },
    ],
  ])(
    'refuses a function that returns or throws %s, at request time, without the value',
    async (_, { given, want }) => {
      const error = await resolveToken('iamToken', given).catch((e) => e);
      expect(error).toBeInstanceOf(ScanApiConfigError);
      expect(error.message).toBe(want);
      expect(error.cause).toBeUndefined();
      expect(inspect(error)).not.toContain('sec\nret');
    },
  );

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
