/**
 * Thrown synchronously by a `create*Client` call whose options are wrong — before any request is
 * sent. The message says what is wrong and never contains a credential.
 */
export class ScanApiConfigError extends TypeError {
  override readonly name = 'ScanApiConfigError';
  /** The option at fault: `apiKey`, `baseUrl`… */
  readonly option: string;
  constructor(option: string, message: string) {
    super(`${option}: ${message}`);
    this.option = option;
  }
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
 * - `rate-limited`: waiting for the rate-limit window would take longer than allowed
 */
export type ScanApiErrorKind =
  | 'http'
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
  /** The request URL without its query string (never headers: credentials live there). */
  url: string;
  status?: number;
  /** The parsed error body, as the spec types it (or the raw text when it was not JSON). */
  body?: unknown;
  /** How many attempts were made. */
  attempts?: number;
  cause?: unknown;
}

/** One error type for everything a call can fail with. Never carries a credential. */
export class ScanApiError extends Error {
  override readonly name = 'ScanApiError';
  readonly kind: ScanApiErrorKind;
  readonly status: number | undefined;
  /** The vendor's error code (`3`, `HSS.0001`…), when the body had one. */
  readonly code: string | number | undefined;
  /** The vendor's own message, when the body had one. */
  readonly vendorMessage: string | undefined;
  /** `X-Request-Id` or `RequestInfo.requestId`: quote it to the vendor's support. */
  readonly requestId: string | undefined;
  readonly method: string;
  readonly url: string;
  readonly body: unknown;
  readonly attempts: number;

  constructor(init: ScanApiErrorInit, summary?: string) {
    const where = `${init.method} ${init.url}`;
    const what =
      summary ??
      (init.kind === 'http'
        ? `HTTP ${init.status}${init.code !== undefined ? ` ${init.code}` : ''}${init.message ? `: ${init.message}` : ''}`
        : init.kind);
    super(`${what} (${where}${init.requestId ? `, request id ${init.requestId}` : ''})`, {
      cause: init.cause,
    });
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.vendorMessage = init.message;
    this.requestId = init.requestId;
    this.method = init.method;
    this.url = init.url;
    this.body = init.body;
    this.attempts = init.attempts ?? 1;
  }
}

/** A URL safe to put in an error: origin and path, no query, no userinfo. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid url)';
  }
}
