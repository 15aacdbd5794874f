/**
 * Rate-limit awareness as a plugin: a client whose API sends rate-limit headers (Gecko) passes
 * `rateLimitHeaders(...)` in its definition; the others never bundle this module.
 */
import { untilMs } from './retry.js';

export interface RateLimitOptions {
  /**
   * When the last answer said no requests remain, wait for the window to reset before sending
   * (instead of sending a request that will get a 429). Default false. The wait is bounded by
   * `retry.maxDelayMs`: a window that resets later fails the call at once with kind `rate-limited`.
   */
  waitForReset?: boolean;
}

/** The last rate-limit headers seen, for APIs that send them (Gecko). */
export interface RateLimitState {
  remaining: number;
  reset: Date | undefined;
}

/** What the transport asks of a rate limiter. */
export interface RateLimiter {
  /**
   * Reads an answer's rate-limit headers; returns when the reset header says the window reopens,
   * as a delay in ms (a retry's fallback for `Retry-After`), undefined when absent or past.
   */
  record(headers: Headers, now: number): number | undefined;
  /**
   * Before an attempt: with `waitForReset`, when the window is used up, waits for its reset with
   * `wait`, or throws what `fail` makes when that is longer than `maxDelayMs`. Returns what the
   * attempt's log line says about the wait (`, waited 120 ms for the rate limit`), if it waited.
   */
  gate(
    maxDelayMs: number,
    wait: (ms: number) => Promise<void>,
    fail: (kind: 'rate-limited', summary: string, more: { retryAfterMs: number; resetAt: Date }) => Error,
  ): Promise<string | undefined>;
}

/**
 * Makes a client's rate limiter from the user's `rateLimit` options; it gives `client` its
 * `rateLimit` property (the last headers seen), so clients without the plugin bundle none of it.
 */
export type RateLimitPlugin = (options: RateLimitOptions | undefined, client: object) => RateLimiter;

/** A rate-limit reset value as an epoch ms: ISO date, epoch seconds, or seconds from now. */
export function parseReset(value: string | null, now: number): number | undefined {
  const t = value?.trim();
  if (!t) return undefined;
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    return n > 1e9 ? n * 1000 : now + n * 1000;
  }
  const at = Date.parse(t);
  return Number.isNaN(at) ? undefined : at;
}

/** A rate limiter reading the API's `remaining` and `reset` headers (`X-RateLimit-Remaining`…). */
export function rateLimitHeaders(remainingHeader: string, resetHeader: string): RateLimitPlugin {
  return ({ waitForReset } = {}, client) => {
    let state: RateLimitState | undefined;
    Object.defineProperty(client, 'rateLimit', { get: () => state });
    return {
      record(headers, now) {
        const remaining = headers.get(remainingHeader)?.trim();
        const reset = parseReset(headers.get(resetHeader), now);
        if (remaining && /^\d+$/.test(remaining))
          state = { remaining: Number(remaining), reset: reset === undefined ? undefined : new Date(reset) };
        return untilMs(reset, now);
      },
      async gate(maxDelayMs, wait, fail) {
        const now = Date.now();
        const ms = waitForReset && state?.remaining === 0 ? untilMs(state.reset?.getTime(), now) : 0;
        if (ms! > maxDelayMs)
          throw fail('rate-limited', 'rate limit reached', {
            retryAfterMs: ms!,
            resetAt: new Date(now + ms!),
          });
        if (!ms) return;
        await wait(ms);
        return `, waited ${ms} ms for the rate limit`;
      },
    };
  };
}
