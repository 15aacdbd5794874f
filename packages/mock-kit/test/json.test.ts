import { describe, expect, it } from 'vitest';
import { createRandom, deepFreeze, type Random, toJson, toJsonBytes } from '../src/index.js';

const item = (i: number) => deepFreeze({ id: `x${i}`, n: i, nested: { list: [i, null, 'a"b'] }, at: null });

describe('toJson gives the text JSON.stringify gives, toJsonBytes its UTF-8 bytes', () => {
  const shared = item(1);
  const shallow = Object.freeze({ id: 'y', counts: { n: 1 } });
  it.each([
    ['a page of frozen items', { given: () => ({ version: 'v1', data: [shared, item(2)], total: 2 }) }],
    ['the same items again (their text and bytes reused)', { given: () => ({ data: [shared, shared] }) }],
    ['items not frozen', { given: () => ({ data: [{ a: 1 }, { b: [1, 2] }] }) }],
    ['an empty list between fields', { given: () => ({ a: 1, data: [], b: [shared] }) }],
    [
      'holes, undefined and functions',
      // biome-ignore lint/suspicious/noSparseArray: a hole is what this case is about
      { given: () => ({ a: undefined, b: () => 1, c: [undefined, () => 1, Symbol('s'), , 1] }) },
    ],
    ['no arrays', { given: () => ({ total_num: 0, nested: { deep: [1] } }) }],
    ['an empty object', { given: () => ({}) }],
    ['a top-level array', { given: () => [shared, 1, 'a'] }],
    ['a string', { given: () => 'text' }],
    ['null', { given: () => null }],
    ['a Date and a toJSON', { given: () => ({ at: new Date(0), x: { toJSON: () => 'X' } }) }],
    ['numeric keys', { given: () => ({ 2: 'b', 1: 'a', z: [shared] }) }],
    ['unicode keys and values', { given: () => ({ 'ключ "q"': ['é\u2028', shared] }) }],
    [
      'astral characters and a lone surrogate',
      { given: () => ({ 'ключ "q"': ['é\u2028😀', deepFreeze({ s: '😀\ud800' })] }) },
    ],
  ])('%s', (_, { given }) => {
    expect(toJson(given())).toBe(JSON.stringify(given()));
    const want = Buffer.from(JSON.stringify(given()));
    expect(toJsonBytes(given()).equals(want)).toBe(true);
    expect(toJsonBytes(given()).equals(want)).toBe(true);
  });

  it('a change inside an item frozen only at the top is seen', () => {
    expect(toJson({ data: [shallow] })).toBe(JSON.stringify({ data: [shallow] }));
    shallow.counts.n = 2;
    expect(toJson({ data: [shallow] })).toBe(JSON.stringify({ data: [shallow] }));
  });

  it.each([
    [
      5,
      (data: unknown[], rng: Random) =>
        rng.chance(0.5) ? { data, total: rng.int(0, 100), more: rng.chance(0.5) } : { items: data },
    ],
    [
      7,
      (data: unknown[], rng: Random) =>
        rng.chance(0.5) ? { data, total: rng.int(0, 100) } : { items: data, next: 'x' },
    ],
  ])('a seeded stream of pages over a pool of items (seed %i)', (seed, page) => {
    const rng = createRandom(seed);
    const pool = Array.from({ length: 20 }, (_, i) => (i % 3 === 0 ? { plain: i } : item(i)));
    for (let n = 0; n < 300; n++) {
      const body = page(
        Array.from({ length: rng.int(0, 8) }, () => rng.pick(pool)),
        rng,
      );
      expect(toJson(body)).toBe(JSON.stringify(body));
      expect(toJsonBytes(body).toString()).toBe(JSON.stringify(body));
    }
  });
});
