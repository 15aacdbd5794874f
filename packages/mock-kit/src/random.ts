/**
 * A small seeded PRNG (mulberry32): the same seed gives the same sequence on every machine and
 * Node version, so a mock's dataset is reproducible from `--seed`.
 */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    /** A float in [0, 1). */
    next,
    /** An integer in [min, max]. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    /** One element of a non-empty list. */
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    /** One value of a non-empty list of `[value, weight]`, with probability proportional to its weight. */
    weighted: <T>(entries: ReadonlyArray<readonly [T, number]>): T => {
      let r = next() * entries.reduce((sum, [, w]) => sum + w, 0);
      for (const [value, w] of entries) {
        r -= w;
        if (r < 0) return value;
      }
      return entries[entries.length - 1]![0];
    },
    /** True with probability p. */
    chance: (p: number) => next() < p,
    /** Lowercase letters and digits, `length` long. */
    id: (length: number, alphabet = 'abcdefghijklmnopqrstuv0123456789') =>
      Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
    /** An RFC 4122 version-4-shaped UUID. */
    uuid: () => {
      const h = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
      h[12] = '4';
      h[16] = '89ab'[Math.floor(next() * 4)] as string;
      const s = h.join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
}

export type Random = ReturnType<typeof createRandom>;
