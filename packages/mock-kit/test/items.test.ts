import { describe, expect, it } from 'vitest';
import { deepFreeze, lazyItems, pageCache } from '../src/index.js';

describe('lazyItems', () => {
  it.each([
    ['a dataset within the cache: each item made once', { given: { size: 10, cached: 16 }, want: 10 }],
    ['a dataset past the cache: a bounded window', { given: { size: 100, cached: 8 }, want: 200 }],
  ])('%s', (_, { given, want }) => {
    let made = 0;
    const at = lazyItems(given.size, (i) => ({ i, nested: { twice: i * 2 } }), given.cached);
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < given.size; i++) expect(at(i).nested.twice).toBe(i * 2);
    // Count what was made, by making every item twice more through the public function.
    const count = lazyItems(
      given.size,
      (i) => {
        made++;
        return { i };
      },
      given.cached,
    );
    for (let round = 0; round < 2; round++) for (let i = 0; i < given.size; i++) count(i);
    expect(made).toBe(want);
    expect(Object.isFrozen(at(0)) && Object.isFrozen(at(0).nested)).toBe(true);
  });

  it.each([-1, 10, 1.5, Number.NaN])('an index outside the dataset (%s) is a RangeError', (index) => {
    expect(() => lazyItems(10, (i) => ({ i }))(index)).toThrow(RangeError);
  });

  it('deepFreeze freezes nested arrays and objects', () => {
    const v = deepFreeze({ a: [{ b: 1 }], c: { d: 'x' } });
    expect([Object.isFrozen(v.a), Object.isFrozen(v.a[0]), Object.isFrozen(v.c)]).toEqual([true, true, true]);
  });
});

describe('pageCache keeps the pages last asked for, the least recently used dropped first', () => {
  it.each([
    ['the same page again and again: made once', { given: ['a', 'a', 'a'], want: ['a'] }],
    ['two pages in turn: each made once', { given: ['a', 'b', 'a', 'b'], want: ['a', 'b'] }],
    [
      'a third page drops the least recently used',
      { given: ['a', 'b', 'a', 'c', 'a', 'b'], want: ['a', 'b', 'c', 'b'] },
    ],
    [
      'asked again, the last page stays the newest',
      { given: ['a', 'b', 'b', 'c', 'b', 'a'], want: ['a', 'b', 'c', 'a'] },
    ],
  ])('%s', (_, { given, want }) => {
    const pages = pageCache<{ key: string }>(2);
    const made: string[] = [];
    const got = given.map((key) =>
      pages(key, () => {
        made.push(key);
        return { key };
      }),
    );
    expect(made).toEqual(want);
    expect(got.map((p) => p.key)).toEqual(given);
    expect(got.every((p) => Object.isFrozen(p))).toBe(true);
  });
});
