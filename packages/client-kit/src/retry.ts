export interface RetryOptions {
  /** Attempts in all, the first included (default 3; 1 disables retries). */
  attempts?: number;
  /** Backoff base: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs·2ⁿ)] (default 250). */
  baseDelayMs?: number;
  /**
   * The longest one wait may last (default 30 000). A server asking for longer (`Retry-After`,
   * `X-RateLimit-Reset`) is not waited for: the call ends at once with its answer.
   */
  maxDelayMs?: number;
  /** The most all waits of one call may add up to (default 60 000). */
  maxTotalDelayMs?: number;
  /** Statuses worth another attempt (default 429, 502, 503, 504). */
  statuses?: number[];
}

export type ResolvedRetry = Required<RetryOptions>;

export const RETRY_DEFAULTS: ResolvedRetry = {
  attempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 30_000,
  maxTotalDelayMs: 60_000,
  statuses: [429, 502, 503, 504],
};

/** Methods that are safe to send twice. */
export const IDEMPOTENT = /^(GET|HEAD|OPTIONS|PUT|DELETE|TRACE)$/;

/**
 * How long the server asks us to wait, in ms, from `Retry-After` (seconds or an HTTP date);
 * undefined when it is absent, not a number of seconds or a date, or in the past (then the
 * normal backoff applies).
 */
export function serverDelayMs(headers: Headers, now: number): number | undefined {
  const t = headers.get('retry-after')?.trim();
  return t ? untilMs(/^\d+$/.test(t) ? now + Number(t) * 1000 : Date.parse(t), now) : undefined;
}

/** `at - now` when `at` is a time not in the past; undefined otherwise (NaN included). */
export const untilMs = (at: number | undefined, now: number): number | undefined =>
  (at as number) >= now ? (at as number) - now : undefined;

/** Exponential backoff with full jitter (AWS's "full jitter"): random in [0, min(max, base·2^attempt)]. */
export function backoffMs(attempt: number, retry: ResolvedRetry): number {
  return Math.floor(Math.random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt));
}
