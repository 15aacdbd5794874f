import { ScanApiConfigError, ScanApiError, type ScanApiErrorKind, safeUrl } from './errors.js';
import {
  backoffMs,
  IDEMPOTENT,
  parseReset,
  type ResolvedRetry,
  type RetryOptions,
  resolveRetry,
  serverDelayMs,
  sleep,
} from './retry.js';

export interface TimeoutOptions {
  /** The most one attempt may take, body included (default 30 000 ms; 0 = none). */
  attemptMs?: number;
  /** The most the whole call may take, retries and waits included (default 120 000 ms; 0 = none). */
  totalMs?: number;
}

export interface RateLimitOptions {
  /**
   * When the last answer said no requests remain, wait for the window to reset before sending
   * (instead of sending a request that will get a 429). Default false.
   */
  waitForReset?: boolean;
  /** The longest such a wait may be; past it the call fails with kind `rate-limited` (default 60 000). */
  maxWaitMs?: number;
}

/** The last rate-limit headers seen, for APIs that send them (Gecko). */
export interface RateLimitState {
  remaining: number;
  reset: Date | undefined;
}

/** Per-call options, passed in a call's `init` next to `params`: `client.GET(path, { params, timeout, retry })`. */
export interface CallOptions {
  retry?: RetryOptions | false;
  timeout?: TimeoutOptions;
}

export interface TransportOptions {
  fetch: typeof globalThis.fetch;
  retry: ResolvedRetry;
  timeout: Required<TimeoutOptions>;
  rateLimit?: RateLimitOptions & { remainingHeader: string; resetHeader: string };
  /** Where the rate-limit headers seen are recorded. */
  state: { rateLimit?: RateLimitState };
  random?: () => number;
}

export const TIMEOUT_DEFAULTS: Required<TimeoutOptions> = { attemptMs: 30_000, totalMs: 120_000 };

export function resolveTimeout(option: string, value: TimeoutOptions | undefined, base = TIMEOUT_DEFAULTS) {
  const out = { ...base, ...value };
  for (const key of ['attemptMs', 'totalMs'] as const) {
    if (!Number.isFinite(out[key]) || out[key] < 0)
      throw new ScanApiConfigError(`${option}.${key}`, 'must be a number >= 0');
  }
  return out;
}

const anySignal = (signals: Array<AbortSignal | undefined>) => {
  const list = signals.filter((s): s is AbortSignal => s !== undefined);
  return list.length === 1 ? list[0] : AbortSignal.any(list);
};

/**
 * The fetch that openapi-fetch calls, beneath its middleware: each attempt is a fresh clone of the
 * request with its own timeout; retries happen here, so auth and signing ran once, above.
 */
export function createTransport(options: TransportOptions) {
  const { state, rateLimit } = options;

  const record = (headers: Headers, now: number) => {
    if (!rateLimit) return;
    const remaining = headers.get(rateLimit.remainingHeader);
    if (remaining === null || !/^\d+$/.test(remaining.trim())) return;
    const reset = parseReset(headers.get(rateLimit.resetHeader), now);
    state.rateLimit = {
      remaining: Number(remaining),
      reset: reset === undefined ? undefined : new Date(reset),
    };
  };

  return async function transport(request: Request, init?: RequestInit): Promise<Response> {
    const call = request as Request & CallOptions;
    const retry = call.retry !== undefined ? resolveRetry('retry', call.retry, options.retry) : options.retry;
    const timeout =
      call.timeout !== undefined ? resolveTimeout('timeout', call.timeout, options.timeout) : options.timeout;
    const attempts = IDEMPOTENT.has(request.method) ? retry.attempts : 1;
    const total = timeout.totalMs > 0 ? AbortSignal.timeout(timeout.totalMs) : undefined;
    const callSignal = anySignal([request.signal, total]);
    const url = safeUrl(request.url);
    let attempt = 0;
    const fail = (kind: ScanApiErrorKind, cause: unknown, summary: string) =>
      new ScanApiError({ kind, method: request.method, url, attempts: attempt, cause }, summary);
    // Why the call stopped early: the caller's signal, or the overall timeout.
    const stopped = (cause: unknown) =>
      request.signal.aborted
        ? fail('aborted', request.signal.reason, 'aborted by the caller')
        : fail('timeout', cause, `timed out after ${timeout.totalMs} ms in all`);
    const wait = (ms: number) => sleep(ms, callSignal).catch((reason) => Promise.reject(stopped(reason)));
    let waited = 0;

    for (;;) {
      const rl = state.rateLimit;
      const untilReset =
        rateLimit?.waitForReset && rl?.remaining === 0 && rl.reset ? rl.reset.getTime() - Date.now() : 0;
      if (untilReset > (rateLimit?.maxWaitMs ?? 60_000)) {
        throw fail(
          'rate-limited',
          undefined,
          `rate limit reached; the window resets in ${Math.ceil(untilReset / 1000)} s`,
        );
      }
      if (untilReset > 0) await wait(untilReset);
      attempt++;
      const attemptTimeout = timeout.attemptMs > 0 ? AbortSignal.timeout(timeout.attemptMs) : undefined;
      const attemptRequest = new Request(attempt < attempts ? request.clone() : request, {
        signal: anySignal([callSignal, attemptTimeout]),
      });
      let delay: number;
      try {
        const response = await options.fetch(attemptRequest, init);
        const now = Date.now();
        record(response.headers, now);
        if (attempt >= attempts || !retry.statuses.includes(response.status)) return response;
        const asked = serverDelayMs(response.headers, now, rateLimit?.resetHeader);
        delay = Math.min(asked ?? backoffMs(attempt - 1, retry, options.random), retry.maxDelayMs);
        if (waited + delay > retry.maxTotalDelayMs) return response;
        await response.body?.cancel();
      } catch (error) {
        if (callSignal?.aborted) throw stopped(error);
        const error_ = attemptTimeout?.aborted
          ? fail('timeout', error, `attempt timed out after ${timeout.attemptMs} ms`)
          : fail(
              'network',
              error,
              `network error: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}`,
            );
        delay = backoffMs(attempt - 1, retry, options.random);
        if (attempt >= attempts || waited + delay > retry.maxTotalDelayMs) throw error_;
      }
      waited += delay;
      await wait(delay);
    }
  };
}
