/**
 * Thrown synchronously by a `create*Client` call whose options are wrong — before any request is
 * sent. The message says what is wrong and never contains a credential.
 */
export class ScanApiConfigError extends TypeError {
  override readonly name = 'ScanApiConfigError';
  /** The option at fault: `apiKey`, `baseUrl`… */
  declare readonly option: string;
  constructor(option: string, message: string) {
    super(`${option}: ${message}`);
    this.option = option;
  }
}

/**
 * An options object (`retry`, `timeout`) over its defaults, `false` meaning one attempt. Throws a
 * `ScanApiConfigError` for the first field (but `statuses`) that is not a number >= 0, or, for
 * `attempts`, a whole number >= 1.
 */
export function withDefaults<T extends object>(
  option: string,
  value: Partial<T> | false | undefined,
  base: T,
): T {
  if (value === undefined) return base;
  const merged = value === false ? { ...base, attempts: 1 } : { ...base, ...value };
  for (const key in merged) {
    const v = merged[key] as number;
    const whole = key === 'attempts';
    if (key !== 'statuses' && !(whole ? v >= 1 && Number.isInteger(v) : v >= 0 && Number.isFinite(v)))
      throw new ScanApiConfigError(
        `${option}.${key}`,
        `must be a ${whole ? 'whole number >= 1' : 'number >= 0'}`,
      );
  }
  return merged;
}

/**
 * What went wrong:
 * - `http`: the server answered with an error status (`status`, and the vendor's `code`/`vendorMessage`)
 * - `network`: no answer (connection refused or reset, DNS, TLS)
 * - `timeout`: an attempt or the whole call ran out of time
 * - `aborted`: the caller's `AbortSignal` fired
 * - `parse`: the server answered with a body that is not the JSON the spec promises (an HTML page,
 *   a truncated body)
 * - `pagination`: the server's paging went wrong (a repeated token, no progress, too many pages)
 * - `rate-limited`: a 429 (with `throwOnError`, or when the total timeout left no time to wait for
 *   it), or a wait for the rate-limit window longer than `retry.maxDelayMs`; `retryAfterMs` and
 *   `resetAt` say when to try again
 * - `redirect`: a redirect that is not followed: to another origin (credentials stay with their
 *   origin), of a request with a body, or more than 5 in a row
 */
export type ScanApiErrorKind =
  | 'http'
  | 'redirect'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'parse'
  | 'pagination'
  | 'rate-limited';

/** The vendor's error, read from its body: Gecko `error`, `google.rpc.Status`, Huawei `error_code`. */
export interface VendorError {
  code?: string | number;
  message?: string;
  requestId?: string;
}

export interface ScanApiErrorInit extends VendorError {
  kind: ScanApiErrorKind;
  method: string;
  /** The request URL; the error keeps its origin and path only (credentials may live in a query). */
  url: string;
  status?: number;
  /** The parsed error body, as the spec types it (or the raw text when it was not JSON). */
  body?: unknown;
  /** How many attempts were made. */
  attempts?: number;
  /** How long the server asked to wait (`Retry-After`, `X-RateLimit-Reset`), in ms. */
  retryAfterMs?: number;
  /** When the server said the call may be tried again. */
  resetAt?: Date;
  cause?: unknown;
}

/** One error type for everything a call can fail with. Never carries a credential. */
export class ScanApiError extends Error {
  override readonly name = 'ScanApiError';
  declare readonly kind: ScanApiErrorKind;
  declare readonly status: number | undefined;
  /** The vendor's error code (`3`, `HSS.0001`…), when the body had one. */
  declare readonly code: string | number | undefined;
  /** The vendor's own message, when the body had one. */
  declare readonly vendorMessage: string | undefined;
  /** `X-Request-Id` or `RequestInfo.requestId`: quote it to the vendor's support. */
  declare readonly requestId: string | undefined;
  declare readonly method: string;
  declare readonly url: string;
  declare readonly body: unknown;
  declare readonly attempts: number;
  /** How long the server asked to wait before trying again, in ms (429 and 503 answers). */
  declare readonly retryAfterMs: number | undefined;
  /** When the server said the call may be tried again. */
  declare readonly resetAt: Date | undefined;

  constructor({ message, cause, attempts = 1, ...init }: ScanApiErrorInit, summary?: string) {
    init.url = safeUrl(init.url);
    const { status, code, retryAfterMs: wait, requestId } = init;
    const what =
      (summary ??
        (status
          ? `HTTP ${status}${code === undefined ? '' : ` ${code}`}${message ? `: ${message}` : ''}`
          : init.kind)) + (wait === undefined ? '' : `; retry in ${Math.ceil(wait / 1000)} s`);
    super(`${what} (${init.method} ${init.url}${requestId ? `, request id ${requestId}` : ''})`, {
      cause,
    });
    Object.assign(this, init, { vendorMessage: message, attempts });
  }
}

/** A URL safe to put in an error: origin and path, no query, no fragment (the runtime never sends user info). */
export const safeUrl = (url: string): string => url.replace(/[?#].*/s, '');
