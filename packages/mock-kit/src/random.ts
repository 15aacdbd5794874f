const STEP = 0x6d2b79f5;
const HEX_CODES = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));

/**
 * A small seeded PRNG (mulberry32): the same seed gives the same sequence on every machine and
 * Node version, so a mock's dataset is reproducible from `--seed`.
 *
 * Its whole state is one 32-bit counter that each draw advances by a constant, so a generator can
 * be resumed anywhere: `createRandom(rng.state())` replays the draws that follow, and `advance(n)`
 * jumps over `n` draws in O(1). A large dataset keeps the state at the start of each record and
 * derives the record on demand, the same draws as a generator that made every record in turn.
 */
export function createRandom(seed: number) {
  // The counter lives in a typed array: a plain `let` above 2^30 is a heap number, allocated anew
  // on every draw (millions when a large dataset is drawn); an element is stored in place.
  const counter = new Uint32Array(1);
  counter[0] = seed >>> 0;
  const next = (): number => {
    const a = (counter[0]! + STEP) >>> 0;
    counter[0] = a;
    let t = a | 0;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    /** A float in [0, 1). */
    next,
    /** The state now: `createRandom(state)` draws what this generator draws next. */
    state: (): number => counter[0]!,
    /** Advances past `n` draws without making them. */
    advance: (n: number): void => {
      counter[0] = counter[0]! + Math.imul(n, STEP);
    },
    /** An integer in [min, max]. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    /** One element of a non-empty list. */
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    /** One value of a non-empty list of `[value, weight]`, with probability proportional to its weight. */
    weighted: <T>(entries: ReadonlyArray<readonly [T, number]>): T => {
      let sum = 0;
      for (let i = 0; i < entries.length; i++) sum += entries[i]![1];
      let r = next() * sum;
      for (let i = 0; i < entries.length; i++) {
        r -= entries[i]![1];
        if (r < 0) return entries[i]![0];
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
      // 32 hex digits (the 13th is then the version, the 17th the variant drawn last), as codes.
      const codes = new Array<number>(36);
      for (let i = 0, at = 0; i < 32; i++, at++) {
        if (at === 8 || at === 13 || at === 18 || at === 23) codes[at++] = 45; // '-'
        codes[at] = HEX_CODES[Math.floor(next() * 16)]!;
      }
      codes[14] = 52; // '4'
      codes[19] = HEX_CODES[8 + Math.floor(next() * 4)]!; // '8', '9', 'a' or 'b'
      return String.fromCharCode(...codes);
    },
  };
}

export type Random = ReturnType<typeof createRandom>;
