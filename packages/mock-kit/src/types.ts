import type { Operation, ParsedParams, Violation } from '@scanapis/spec-tools';

/** A request as the mock sees it, after routing and parameter parsing. */
export interface MockRequest {
  method: string;
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  /** A fresh id for this request; dialects put it in `X-Request-Id` or `RequestInfo`. */
  requestId: string;
  /** Set once the path matched an operation. */
  operation?: Operation;
  pathParams: Record<string, string>;
  /** Typed values of the parameters that were sent (set once the request validated). */
  params: ParsedParams;
  /** What a non-strict mock let through but a test may want to know (unknown query parameters). */
  warnings?: string[];
}

/** What the mock sends back. `body` is JSON-encoded unless it is a string. */
export interface MockReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * How one vendor says no. Each API's mock package supplies one; the server is the same for all.
 * Every method returns the vendor's own error body, never a generic one.
 */
export interface Dialect {
  /** Checks credentials; a reply (401/403) stops the request, `undefined` lets it through. */
  authenticate(req: MockRequest): MockReply | undefined | Promise<MockReply | undefined>;
  /** A request that breaks the spec: the vendor's 400, naming the parameter. */
  badRequest(violations: Violation[], req: MockRequest): MockReply;
  /** No operation at this path. */
  notFound(req: MockRequest): MockReply;
  /** The path exists, the method does not. */
  methodNotAllowed(req: MockRequest): MockReply;
  /** The mock itself failed: the vendor's 500. */
  internalError(req: MockRequest): MockReply;
  /**
   * The vendor's error for an HTTP status it decided without the operation's help — a fault for a
   * status the spec has no example for (503, say), a request refused at the HTTP level (400 for
   * an unparseable target, 408, 417, 431) — with the vendor's own code for that status.
   * `message` says what went wrong, when there is more to say than the status. Without it the
   * server falls back to `badRequest` with the status replaced.
   */
  statusError?(status: number, req: MockRequest, message?: string): MockReply;
  /** Headers every reply carries (a request id, say). */
  commonHeaders?(req: MockRequest): Record<string, string>;
  /**
   * Last touch on every reply — the handler's (after the response check), the dialect's errors
   * and a fault's spec example alike — before it is sent: e.g. put this request's id in an
   * example's `RequestInfo`. It must keep the reply conforming.
   */
  finish?(reply: MockReply, req: MockRequest): MockReply;
}

/** Produces the answer to a valid, authenticated request. */
export type Handler = (req: MockRequest) => MockReply | Promise<MockReply>;
