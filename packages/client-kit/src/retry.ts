import { ScanApiConfigError } from './errors.js';

export interface RetryOptions {
  /** Attempts in all, the first included (default 3; 1 disables retries). */
  attempts?: number;
  /** Backoff base: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs·2ⁿ)] (default 250). */
  baseDelayMs?: number;
  /** The most one wait may last, whatever the server asks (default 30 000). */
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
export const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

export function resolveRetry(
  option: string,
  value: RetryOptions | false | undefined,
  base = RETRY_DEFAULTS,
): ResolvedRetry {
  if (value === false) return { ...base, attempts: 1 };
  const out = { ...base, ...value };
  for (const key of ['attempts', 'baseDelayMs', 'maxDelayMs', 'maxTotalDelayMs'] as const) {
    const v = out[key];
    if (!Number.isFinite(v) || v < 0 || (key === 'attempts' && (!Number.isInteger(v) || v < 1))) {
      throw new ScanApiConfigError(
        `${option}.${key}`,
        `must be a ${key === 'attempts' ? 'whole number >= 1' : 'number >= 0'}`,
      );
    }
  }
  return out;
}

/**
 * How long the server asks us to wait, in ms, from `Retry-After` (seconds or an HTTP date) or a
 * rate-limit reset header (an ISO date, epoch seconds, or seconds from now). Undefined when none.
 */
export function serverDelayMs(headers: Headers, now: number, resetHeader?: string): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null) {
    const t = retryAfter.trim();
    if (/^\d+$/.test(t)) return Number(t) * 1000;
    const at = Date.parse(t);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  if (resetHeader) {
    const at = parseReset(headers.get(resetHeader), now);
    if (at !== undefined) return Math.max(0, at - now);
  }
  return undefined;
}

/** A rate-limit reset value as an epoch ms: ISO date, epoch seconds, or seconds from now. */
export function parseReset(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const t = value.trim();
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    return n > 1e9 ? n * 1000 : now + n * 1000;
  }
  const at = Date.parse(t);
  return Number.isNaN(at) ? undefined : at;
}

/** Exponential backoff with full jitter (AWS's "full jitter"): random in [0, min(max, base·2^attempt)]. */
export function backoffMs(attempt: number, retry: ResolvedRetry, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt));
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
