import { describe, expect, it } from 'vitest';
import { createRandom } from '../src/index.js';
import { pathAndQuery } from '../src/pipeline.js';

/** What the pipeline read before: the path and query of `new URL(target, 'http://mock')`. */
const byUrl = (target: string) => {
  const url = new URL(target, 'http://mock');
  return { pathname: url.pathname, search: url.search };
};

describe('pathAndQuery reads a target as new URL does', () => {
  it.each([
    ['a plain path and query', { given: '/api/v1/scans?limit=5&offset=10', verbatim: true }],
    ['a path alone', { given: '/api/v1/scans', verbatim: true }],
    ['an empty query', { given: '/api/v1/scans?', verbatim: true }],
    ['a second ?', { given: '/a?b?c=1', verbatim: true }],
    ['percent-escapes kept as sent', { given: '/a%20b?q=%zz', verbatim: true }],
    ['a dot segment', { given: '/a/./b/../c', verbatim: false }],
    ['an escaped dot segment', { given: '/a/%2e%2E/b', verbatim: false }],
    ['a trailing ..', { given: '/a/..', verbatim: false }],
    ['a dot inside a name', { given: '/v1.2/a.json?x=.', verbatim: true }],
    ['a fragment', { given: '/a?b=1#frag', verbatim: false }],
    ["a ' in the query (percent-encoded by URL)", { given: "/a?q='x'", verbatim: false }],
    ['a space (percent-encoded by URL)', { given: '/a b?c d', verbatim: false }],
    ['braces and a caret', { given: '/{a}^?x={}', verbatim: false }],
    ['a full URL', { given: 'https://app.gecko.security/api/v1/scans?limit=1', verbatim: false }],
    ['a backslash', { given: '/a\\b', verbatim: false }],
  ])('%s', (_, { given, verbatim }) => {
    const got = pathAndQuery(given);
    expect({ pathname: got.pathname, search: got.search }).toEqual(byUrl(given));
    // A verbatim target is read without URL; the others are parsed (and the parse kept when it
    // is the path and query alone).
    if (verbatim) expect(got.url).toBeUndefined();
    if (got.url) expect(got.url.href).toBe(`http://mock${got.pathname}${got.search}`);
  });

  it('agrees with new URL on 20,000 random targets', () => {
    const random = createRandom(19);
    const pieces = [...'az09-._~!$&()*+,;=:@%/?#\'" <>[]^{}|`\\', '%2e', '%2E', '/.', '..', '?'];
    let compared = 0;
    let verbatim = 0;
    for (let i = 0; i < 20_000; i++) {
      let target = '/';
      const length = random.int(0, 12);
      for (let j = 0; j < length; j++) target += pieces[random.int(0, pieces.length - 1)];
      let want: { pathname: string; search: string };
      try {
        want = byUrl(target);
      } catch {
        continue; // not a URL at all: the server refuses such a target before the pipeline
      }
      const got = pathAndQuery(target);
      expect({ pathname: got.pathname, search: got.search }, target).toEqual(want);
      compared++;
      if (!got.url) verbatim++;
    }
    expect(compared).toBeGreaterThan(15_000);
    expect(verbatim).toBeGreaterThan(2_000);
  });
});
