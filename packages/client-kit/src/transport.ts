import { ScanApiError, type ScanApiErrorInit, type ScanApiErrorKind, withDefaults } from './errors.js';
import { type Log, logUrl } from './log.js';
import type { RateLimiter } from './rate-limit.js';
import { backoffMs, IDEMPOTENT, type ResolvedRetry, type RetryOptions, serverDelayMs } from './retry.js';

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
  /** The client's log, when logging is on. */
  log?: Log;
}

/** What the transport knows about an answer it hands back. */
export interface Answer {
  /** The attempt's timer, running until the body has been read. */
  timer?: ReturnType<typeof setTimeout>;
  /** How long the server asked to wait (a retryable status with `Retry-After` or a reset header). */
  retryAfterMs?: number;
  resetAt?: Date;
  /** Set when the total timeout left no time for the wait the answer asked for: the call fails. */
  cause?: ScanApiError;
}

const answers = new WeakMap<Response, Answer>();

/**
 * What the transport knows about a response it handed out; stops its timeout unless the body is
 * still to be read (`stream`: an unread body stays bounded by it).
 */
export function settle(response: Response, stream?: boolean): Answer | undefined {
  const answer = answers.get(response);
  if (!stream) clearTimeout(answer?.timer);
  return answer;
}

export const TIMEOUT_DEFAULTS: Required<TimeoutOptions> = { attemptMs: 30_000, totalMs: 120_000 };

/**
 * The fetch that openapi-fetch calls, beneath its middleware: each attempt is a fresh clone of the
 * request with its own timeout; retries happen here, so auth and signing ran once, above.
 * Redirects are handled here too (`redirect: 'manual'`): one to the same origin is followed (up to
 * 5, for requests without a body); any other ends the call with kind `redirect`, so that no
 * credential ever travels to another origin.
 */
export function createTransport({ fetch, limiter, log, ...client }: TransportOptions) {
  return async (request: Request, init?: RequestInit): Promise<Response> => {
    // Per-call options (on the Request), over the client's.
    const { method, signal, headers, body, retry: callRetry, timeout } = request as Request & CallOptions;
    const retry = withDefaults('retry', callRetry, client.retry);
    const { attemptMs, totalMs } = withDefaults('timeout', timeout, client.timeout);
    const attempts = IDEMPOTENT.test(method) ? retry.attempts : 1;
    const deadline = Date.now() + (totalMs || Infinity);
    let attempt = 0;
    let waited = 0;
    let url = request.url;
    const fail = (kind: ScanApiErrorKind, summary?: string, more?: Partial<ScanApiErrorInit>) =>
      new ScanApiError({ kind, method, url, attempts: attempt, ...more }, summary);
    // The message is the kind: "aborted (GET https://…)".
    const aborted = () => fail('aborted', undefined, { cause: signal.reason });
    const overdue = () => fail('timeout', `timed out after ${totalMs} ms in all`);
    /** Why a wait of `ms` before the next attempt is refused (the limit it passes), if it is. */
    const refused = (
      ms: number,
      limit = ms > retry.maxDelayMs
        ? 'retry.maxDelayMs'
        : waited + ms > retry.maxTotalDelayMs
          ? 'retry.maxTotalDelayMs left'
          : '',
    ) => limit && `waiting ${ms} ms > ${limit}`;
    /** Waits before the next attempt; the caller's signal cancels it, the overall deadline ends it. */
    const wait = (ms: number) =>
      new Promise<void>((resolve, reject) => {
        const left = deadline - Date.now();
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          signal.aborted ? reject(aborted()) : ms < left ? resolve() : reject(overdue());
        };
        // A delay of 0 or less fires at once.
        const timer = setTimeout(done, signal.aborted ? 0 : Math.min(ms, left));
        signal.addEventListener('abort', done);
      });

    for (;;) {
      // A rate limiter that knows the window is used up: wait for its reset, unless that is too long.
      const waitedNote = (await limiter?.gate(retry.maxDelayMs, wait, fail)) ?? '';
      if (signal.aborted) throw aborted();
      attempt++;
      // One controller per attempt: the caller's signal, the attempt timeout and the overall
      // deadline all abort it (one timer, not AbortSignal.timeout/any: ~40 µs a call less), each
      // with the ScanApiError it means (`aborted`, `timeout`). The timer is left running so that
      // reading the body stays bounded too (that read then fails with the same error); it does
      // not hold the process open.
      const controller = new AbortController();
      const started = Date.now();
      const left = deadline - started;
      const ms = Math.min(attemptMs || Infinity, left);
      const timer =
        ms < Infinity
          ? setTimeout(
              () =>
                controller.abort(
                  ms < left ? fail('timeout', `attempt timed out after ${attemptMs} ms`) : overdue(),
                ),
              ms,
            )
          : undefined;
      (timer as { unref?: () => void } | undefined)?.unref?.();
      signal.addEventListener('abort', () => controller.abort(aborted()), { once: true });
      /** The attempt's log line at `level` (see Log): method, URL, outcome, duration, and why it is retried or not. */
      const note = (level: number, outcome: string) =>
        log?.(level, `${method} ${logUrl(url)} ${outcome} (${Date.now() - started} ms${waitedNote})`);
      const manual: RequestInit = { signal: controller.signal, redirect: 'manual' };
      url = request.url;
      let delay: number | undefined;
      /** What the attempt got: its status, or why it got none. */
      let outcome: string | number;
      try {
        // A request without a body can be sent again as it is; one with a body is cloned while
        // another attempt may follow. A redirect is followed with the method and headers alone.
        let response: Response;
        for (let hops = 0; ; hops++) {
          response = await fetch(
            hops
              ? new Request(url, { ...manual, method, headers })
              : new Request(attempt < attempts && body ? request.clone() : request, manual),
            init,
          );
          const { status } = response;
          const location = status > 299 && status < 400 && response.headers.get('location');
          // Status 0: an opaque redirect (a browser hides where it points).
          if (!location && status) break;
          void response.body?.cancel();
          const to = location ? new URL(location, url) : undefined;
          // Same origin, and no user info (which the next Request would quote in its error).
          if (!to?.href.startsWith(`${new URL(request.url).origin}/`) || body || hops > 4) {
            const summary = `${status} redirect to ${to?.origin ?? 'a hidden origin'} not followed`;
            note(2, summary); // warn
            throw fail('redirect', summary, { status });
          }
          url = to.href;
        }
        const { status } = response;
        const now = Date.now();
        const reset = limiter?.record(response.headers, now);
        const answer: Answer = { timer };
        let why = '';
        outcome = status;
        if (retry.statuses.includes(status)) {
          const asked = serverDelayMs(response.headers, now) ?? reset;
          if (asked !== undefined) {
            answer.retryAfterMs = asked;
            answer.resetAt = new Date(now + asked);
          }
          if (attempt < attempts) {
            delay = asked ?? backoffMs(attempt - 1, retry);
            why = refused(delay);
            if (!why && now + delay >= deadline) {
              why = refused(delay, 'timeout.totalMs left');
              answer.cause = fail('timeout', why);
            }
          }
        }
        if (delay === undefined || why) {
          note(response.ok ? 4 : 2, `${outcome}${why && `, not retried: ${why}`}`);
          // debug, or warn for an error answer. The timer stays until the body has been read: the
          // client calls settle() then.
          answers.set(response, answer);
          return response;
        }
        clearTimeout(timer);
        void response.body?.cancel();
      } catch (error) {
        if (signal.aborted) throw aborted();
        // Not the caller's signal: the attempt's own timer, which is the overall deadline (the
        // call ends with its error) unless ms < left.
        const expired = controller.signal.aborted;
        if (expired ? ms >= left : error instanceof ScanApiError)
          throw expired ? controller.signal.reason : error;
        outcome = expired
          ? `attempt timed out after ${attemptMs} ms`
          : `network error: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}`;
        // A backoff is never longer than retry.maxDelayMs.
        delay = backoffMs(attempt - 1, retry);
        if (attempt >= attempts || refused(delay)) {
          note(1, outcome); // error
          throw fail(expired ? 'timeout' : 'network', outcome, { cause: error });
        }
      }
      note(3, `${outcome}, retry in ${delay} ms`); // info
      waited += delay;
      await wait(delay);
    }
  };
}
