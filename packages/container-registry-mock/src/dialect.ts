import { STATUS_CODES } from 'node:http';
import type { Dialect, MockReply, MockRequest } from '@scanapis/mock-kit';
import { describeSchema, type Violation } from '@scanapis/spec-tools';

/** The gRPC status codes this API answers with (`google.rpc.Code`). */
export const GrpcCode = {
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

/**
 * The `google.rpc.Code` for an HTTP status, as `google/rpc/code.proto` maps them (and
 * gRPC-gateway answers). Statuses the mapping does not name: 405 → UNIMPLEMENTED (what
 * gRPC-gateway sends), 408 → DEADLINE_EXCEEDED, 413/417/431 and other 4xx → INVALID_ARGUMENT,
 * other 5xx → UNKNOWN (best guesses: the request never reached a method).
 */
export function grpcCodeOf(status: number): number {
  const mapped: Record<number, number> = {
    400: GrpcCode.INVALID_ARGUMENT,
    401: GrpcCode.UNAUTHENTICATED,
    403: GrpcCode.PERMISSION_DENIED,
    404: GrpcCode.NOT_FOUND,
    405: GrpcCode.UNIMPLEMENTED,
    408: GrpcCode.DEADLINE_EXCEEDED,
    409: 10,
    412: 9,
    429: GrpcCode.RESOURCE_EXHAUSTED,
    499: 1,
    500: GrpcCode.INTERNAL,
    501: GrpcCode.UNIMPLEMENTED,
    503: GrpcCode.UNAVAILABLE,
    504: GrpcCode.DEADLINE_EXCEEDED,
  };
  return mapped[status] ?? (status < 500 ? GrpcCode.INVALID_ARGUMENT : GrpcCode.UNKNOWN);
}

/** The type URL of the `google.rpc.RequestInfo` detail every error carries. */
export const REQUEST_INFO_TYPE = 'type.googleapis.com/google.rpc.RequestInfo';

/** A `google.rpc.Status` body: `{ code, message, details: [RequestInfo] }`. */
export function statusBody(code: number, message: string, requestId: string) {
  return { code, message, details: [{ '@type': REQUEST_INFO_TYPE, requestId }] };
}

/** A `google.rpc.Status` reply with this request's id. */
export const errorReply = (req: MockRequest, status: number, code: number, message: string): MockReply => ({
  status,
  body: statusBody(code, message, req.requestId),
});

/** `x-server-trace-id` as Yandex Cloud sends it: 16 hex digits, here derived from the request id. */
export const traceIdOf = (requestId: string): string => requestId.replace(/-/g, '').slice(0, 16);

/** The 400 message for one violation: names the parameter, says what it accepts. */
function invalidArgumentMessage(first: Violation, req: MockRequest): string {
  // The oneof wording is fixed by the spec (operation description, parameter descriptions and
  // the `oneofNotSatisfied` example): "Exactly one of imageId or repositoryId must be set".
  if (first.keyword === 'oneof') return `Exactly one of ${first.name.split(', ').join(' or ')} must be set`;
  const param = req.operation?.parameters.find((p) => p.name === first.name && p.in === first.in);
  // A pattern violation already quotes the whole rule; a hint would repeat it.
  if (first.keyword === 'pattern' || !param) return `${first.name}: ${first.message}`;
  return `${first.name}: ${first.message} (${first.name} is ${describeSchema(param.schema)})`;
}

/** The bearer token of a request that passed `authenticate` (its second word). */
export function bearerToken(req: MockRequest): string {
  const raw = req.headers.authorization;
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? '';
  return value.split(/\s+/)[1] ?? '';
}

export interface DialectOptions {
  /**
   * Says whether the mock knows a well-formed bearer token; an unknown one is a 401 with
   * `unknownTokenMessage`. Without it (the static mock) any non-empty token is accepted.
   */
  knowsToken?: (token: string) => boolean;
  unknownTokenMessage?: string;
}

/**
 * Container Registry's errors: a `google.rpc.Status` JSON body as the vendor's gRPC REST
 * transcoding sends it, with a `google.rpc.RequestInfo` detail whose `requestId` is also sent as
 * the `x-request-id` header.
 */
export function createContainerRegistryDialect(options: DialectOptions = {}): Dialect {
  return {
    ...containerRegistryDialect,
    async authenticate(req) {
      const denied = await containerRegistryDialect.authenticate(req);
      if (denied || !options.knowsToken || options.knowsToken(bearerToken(req))) return denied;
      return errorReply(
        req,
        401,
        GrpcCode.UNAUTHENTICATED,
        options.unknownTokenMessage ?? 'The token is invalid',
      );
    },
  };
}

/** The dialect of the static mock: the errors above, and any non-empty bearer token accepted. */
export const containerRegistryDialect: Dialect = {
  authenticate(req) {
    const raw = req.headers.authorization;
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (!value) {
      return errorReply(
        req,
        401,
        GrpcCode.UNAUTHENTICATED,
        'Authorization header is missing: send an IAM token as "Authorization: Bearer <token>"',
      );
    }
    const [scheme, ...rest] = value.split(/\s+/);
    if (scheme?.toLowerCase() !== 'bearer' || rest.length > 1) {
      return errorReply(
        req,
        401,
        GrpcCode.UNAUTHENTICATED,
        'Authorization header is malformed: expected "Bearer <IAM token>"',
      );
    }
    if (rest.length === 0) {
      return errorReply(
        req,
        401,
        GrpcCode.UNAUTHENTICATED,
        'IAM token is empty: expected "Authorization: Bearer <IAM token>"',
      );
    }
    return undefined;
  },

  badRequest: (violations, req) =>
    errorReply(req, 400, GrpcCode.INVALID_ARGUMENT, invalidArgumentMessage(violations[0]!, req)),

  // What gRPC-gateway answers: 404 NOT_FOUND for an unknown path; for a known path with another
  // method, 405 with UNIMPLEMENTED (12) — never a 5xx for a request the client got wrong.
  notFound: (req) => errorReply(req, 404, GrpcCode.NOT_FOUND, `Not Found: ${req.method} ${req.url.pathname}`),
  methodNotAllowed: (req) =>
    errorReply(req, 405, GrpcCode.UNIMPLEMENTED, `Method Not Allowed: ${req.method} ${req.url.pathname}`),
  internalError: (req) => errorReply(req, 500, GrpcCode.INTERNAL, 'Internal error'),
  statusError: (status, req, message) =>
    errorReply(
      req,
      status,
      grpcCodeOf(status),
      message ? `${STATUS_CODES[status] ?? 'Error'}: ${message}` : (STATUS_CODES[status] ?? 'Error'),
    ),

  // Both headers are declared (optional) on every response of the spec.
  commonHeaders: (req) => ({ 'x-request-id': req.requestId, 'x-server-trace-id': traceIdOf(req.requestId) }),

  /**
   * Every answer carries this request's id, as the vendor's do — Prism's examples and fault
   * answers included, whose ids are the examples' own: their `x-request-id` / `x-server-trace-id`
   * give way to the common headers, and a `google.rpc.Status`'s `RequestInfo.requestId` becomes
   * this request's id.
   */
  finish(reply, req) {
    const headers: Record<string, string> = {};
    for (const k of Object.keys(reply.headers ?? {}))
      if (k !== 'x-request-id' && k !== 'x-server-trace-id') headers[k] = reply.headers![k]!;
    let body = reply.body;
    const details = (body as { details?: unknown } | null)?.details;
    if (reply.status >= 400 && Array.isArray(details)) {
      body = {
        ...(body as object),
        details: details.map((d: { '@type'?: unknown }) =>
          d?.['@type'] === REQUEST_INFO_TYPE ? { ...d, requestId: req.requestId } : d,
        ),
      };
    }
    return { ...reply, headers, body };
  },
};
