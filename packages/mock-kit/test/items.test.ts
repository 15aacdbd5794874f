import { describe, expect, it } from 'vitest';
import { deepFreeze, lazyItems } from '../src/index.js';

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
