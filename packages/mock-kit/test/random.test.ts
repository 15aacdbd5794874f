import { describe, expect, it } from 'vitest';
import { createRandom } from '../src/index.js';

describe('createRandom', () => {
  it('the same seed gives the same sequence; another seed another', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const seq = (r: ReturnType<typeof createRandom>) => Array.from({ length: 5 }, () => r.int(0, 1_000_000));
    const first = seq(a);
    expect(seq(b)).toEqual(first);
    expect(seq(c)).not.toEqual(first);
  });

  it.each([
    [
      'only the weighted value',
      {
        given: [
          ['a', 0],
          ['b', 1],
        ] as const,
        want: { a: 0, b: 1000 },
      },
    ],
    [
      'about three to one',
      {
        given: [
          ['a', 3],
          ['b', 1],
        ] as const,
        want: { a: 750, b: 250 },
      },
    ],
  ])('weighted: %s', (_, { given, want }) => {
    const rng = createRandom(1);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 1000; i++) counts[rng.weighted(given)] += 1;
    expect(counts.a).toBeGreaterThanOrEqual(want.a - 50);
    expect(counts.a).toBeLessThanOrEqual(want.a + 50);
    expect(counts.a + counts.b).toBe(1000);
  });

  it('uuid has the version-4 shape', () => {
    expect(createRandom(3).uuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('createRandom: state and advance', () => {
  it.each([
    ['advance(0)', { given: 0 }],
    ['advance(1)', { given: 1 }],
    ['advance(37)', { given: 37 }],
    ['advance(100000)', { given: 100_000 }],
  ])('%s lands where as many draws land, and state() resumes there', (_, { given }) => {
    const drawn = createRandom(42);
    for (let i = 0; i < given; i++) drawn.next();
    const advanced = createRandom(42);
    advanced.advance(given);
    expect(advanced.state()).toBe(drawn.state());
    const resumed = createRandom(drawn.state());
    const want = Array.from({ length: 5 }, () => drawn.next());
    expect(Array.from({ length: 5 }, () => advanced.next())).toEqual(want);
    expect(Array.from({ length: 5 }, () => resumed.next())).toEqual(want);
  });
});
