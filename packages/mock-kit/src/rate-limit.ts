/** A fixed-window request counter per key (Gecko: 1,000 requests per hour per API key). */
export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    limit: options.limit,
    /** Counts one request for `key`; says whether it is allowed and what is left. */
    hit(key: string): { allowed: boolean; remaining: number; resetAt: number } {
      const t = now();
      let w = windows.get(key);
      if (!w || t >= w.start + options.windowMs) {
        w = { start: t, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      const resetAt = w.start + options.windowMs;
      return { allowed: w.count <= options.limit, remaining: Math.max(0, options.limit - w.count), resetAt };
    },
    /** Where `key` stands without counting a request: its window's reset time (a fresh window's when none is open). */
    peek(key: string): { remaining: number; resetAt: number } {
      const t = now();
      const w = windows.get(key);
      if (!w || t >= w.start + options.windowMs)
        return { remaining: options.limit, resetAt: t + options.windowMs };
      return { remaining: Math.max(0, options.limit - w.count), resetAt: w.start + options.windowMs };
    },
    reset: () => windows.clear(),
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
