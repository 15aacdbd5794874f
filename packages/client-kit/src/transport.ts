import { checkNumbers, ScanApiError, type ScanApiErrorKind } from './errors.js';
import type { RateLimiter } from './rate-limit.js';
import {
  backoffMs,
  IDEMPOTENT,
  type ResolvedRetry,
  type RetryOptions,
  resolveRetry,
  serverDelayMs,
} from './retry.js';

export interface TimeoutOptions {
  /** The most one attempt may take, body included (default 30 000 ms; 0 = none). */
  attemptMs?: number;
  /** The most the whole call may take, retries and waits included (default 120 000 ms; 0 = none). */
  totalMs?: number;
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
  /** The client's rate limiter, for APIs that send rate-limit headers. */
  limiter?: RateLimiter;
  random?: () => number;
}

/** The running timeout of each response handed out, until its body has been read. */
const timers = new WeakMap<Response, ReturnType<typeof setTimeout> | undefined>();

/** Stops a response's timeout once its body has been read (an unread body stays bounded by it). */
export function settle(response: Response): void {
  clearTimeout(timers.get(response));
}

export const TIMEOUT_DEFAULTS: Required<TimeoutOptions> = { attemptMs: 30_000, totalMs: 120_000 };

export function resolveTimeout(option: string, value: TimeoutOptions | undefined, base = TIMEOUT_DEFAULTS) {
  return checkNumbers(option, { ...base, ...value }, ['attemptMs', 'totalMs']);
}

/**
 * The fetch that openapi-fetch calls, beneath its middleware: each attempt is a fresh clone of the
 * request with its own timeout; retries happen here, so auth and signing ran once, above.
 */
export function createTransport(options: TransportOptions) {
  const { limiter } = options;

  return async function transport(request: Request, init?: RequestInit): Promise<Response> {
    // Per-call options (on the Request), over the client's.
    const call = request as Request & CallOptions;
    const retry = resolveRetry('retry', call.retry, options.retry);
    const timeout = resolveTimeout('timeout', call.timeout, options.timeout);
    const attempts = IDEMPOTENT.has(request.method) ? retry.attempts : 1;
    const deadline = Date.now() + (timeout.totalMs || Infinity);
    let attempt = 0;
    const fail = (kind: ScanApiErrorKind, cause: unknown, summary: string) =>
      new ScanApiError({ kind, method: request.method, url: request.url, attempts: attempt, cause }, summary);
    const aborted = () => fail('aborted', request.signal.reason, 'aborted by the caller');
    const overdue = (cause?: unknown) =>
      fail('timeout', cause, `timed out after ${timeout.totalMs} ms in all`);
    /** Waits before the next attempt; the caller's signal cancels it, the overall deadline ends it. */
    const wait = (ms: number) =>
      new Promise<void>((resolve, reject) => {
        if (request.signal.aborted) return reject(aborted());
        const left = deadline - Date.now();
        const onAbort = () => {
          clearTimeout(timer);
          reject(aborted());
        };
        const timer = setTimeout(
          () => {
            request.signal.removeEventListener('abort', onAbort);
            ms < left ? resolve() : reject(overdue());
          },
          Math.max(0, Math.min(ms, left)),
        );
        request.signal.addEventListener('abort', onAbort, { once: true });
      });
    let waited = 0;

    for (;;) {
      const untilReset = limiter?.wait(Date.now()) ?? 0;
      if (typeof untilReset === 'string') throw fail('rate-limited', undefined, untilReset);
      if (untilReset > 0) await wait(untilReset);
      if (request.signal.aborted) throw aborted();
      attempt++;
      // One controller per attempt: the caller's signal, the attempt timeout and the overall
      // deadline all abort it (one timer, not AbortSignal.timeout/any: ~40 µs a call less). The
      // timer is left running so that reading the body stays bounded too; it does not hold the
      // process open.
      const controller = new AbortController();
      let expired: 'attempt' | 'total' | undefined;
      const attemptLeft = timeout.attemptMs || Infinity;
      const totalLeft = deadline - Date.now();
      const ms = Math.min(attemptLeft, totalLeft);
      const timer =
        ms < Infinity
          ? setTimeout(
              () => {
                expired = attemptLeft <= totalLeft ? 'attempt' : 'total';
                controller.abort(new DOMException('The operation timed out', 'TimeoutError'));
              },
              Math.max(0, ms),
            )
          : undefined;
      (timer as { unref?: () => void } | undefined)?.unref?.();
      request.signal.addEventListener('abort', () => controller.abort(request.signal.reason), { once: true });
      // A request without a body can be sent again as it is; one with a body is cloned while
      // another attempt may follow.
      const source = attempt < attempts && request.body !== null ? request.clone() : request;
      const attemptRequest = new Request(source, { signal: controller.signal });
      let delay: number | undefined;
      try {
        const response = await options.fetch(attemptRequest, init);
        const now = Date.now();
        limiter?.record(response.headers, now);
        if (attempt < attempts && retry.statuses.includes(response.status)) {
          const asked = serverDelayMs(response.headers, now) ?? limiter?.resetDelay(response.headers, now);
          delay = Math.min(asked ?? backoffMs(attempt - 1, retry, options.random), retry.maxDelayMs);
        }
        if (delay === undefined || waited + delay > retry.maxTotalDelayMs) {
          // The timer stays until the body has been read: the client calls settle() then.
          timers.set(response, timer);
          return response;
        }
        clearTimeout(timer);
        await response.body?.cancel();
      } catch (error) {
        if (request.signal.aborted) throw aborted();
        if (expired === 'total') throw overdue(error);
        const error_ =
          expired === 'attempt'
            ? fail('timeout', error, `attempt timed out after ${timeout.attemptMs} ms`)
            : fail(
                'network',
                error,
                `network error: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}`,
              );
        delay = backoffMs(attempt - 1, retry, options.random);
        if (attempt >= attempts || waited + delay > retry.maxTotalDelayMs) throw error_;
      }
      waited += delay!;
      await wait(delay!);
    }
  };
}
