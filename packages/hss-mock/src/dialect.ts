import { verifySignature } from '@scanapis/huawei-signer';
import type { Dialect, MockReply, MockRequest } from '@scanapis/mock-kit';
import type { Violation } from '@scanapis/spec-tools';
import {
  TEST_ACCESS_KEY,
  TEST_SECRET_KEY,
  TEST_TEMPORARY_CREDENTIALS,
  type TemporaryCredentials,
} from './credentials.js';

export { TEST_ACCESS_KEY, TEST_SECRET_KEY } from './credentials.js';

/** How far X-Sdk-Date may be from the mock's clock, as on Huawei's API gateway (15 minutes). */
export const MAX_SKEW_MS = 15 * 60 * 1000;

const IAM = 'Incorrect IAM authentication information';

/** The words the mock answers with, as Huawei's API gateway and HSS word them. */
export const MESSAGES = {
  noCredentials: `${IAM}: x-auth-token not found`,
  unknownToken: `${IAM}: decrypt token fail`,
  /** Best guess: the gateway's words for a token it cannot decrypt, for an `X-Security-Token` it does not know. */
  unknownSecurityToken: `${IAM}: decrypt token fail`,
  badSignature: `${IAM}: verify aksk signature fail`,
  staleDate: `${IAM}: verify aksk signature fail, X-Sdk-Date must be within 15 minutes of the server time`,
  unknownAccessKey: (ak: string) => `${IAM}: Get secretKey failed,ak:${ak},err:ak not exist`,
  malformed: (reason: string) => `${IAM}: verify aksk signature fail, ${reason}`,
  noSuchApi: 'The API does not exist or has not been published in the environment.',
  invalidParam: (detail: string) => `invalid param error: ${detail}`,
  internal: 'Query host extend info error',
} as const;

/**
 * The API gateway's code and words for the statuses it decides itself (Huawei's "API Gateway ›
 * Error Codes" table: `APIG.0201` for request errors, `APIG.0308` for throttling; the
 * `APIGW.` prefix as the shared gateway answers). 408 and 417 have no row there: they take
 * APIG.0201's "API request error." (a best guess), and 431 takes the table's "Request headers
 * too large." row, which the gateway sends as 494.
 */
export const GATEWAY_STATUS: Readonly<Record<number, { code: string; message: string }>> = {
  400: { code: 'APIGW.0201', message: 'API request error.' },
  401: { code: 'APIGW.0301', message: MESSAGES.noCredentials },
  403: { code: 'APIGW.0302', message: 'The IAM user is not authorized to access the API.' },
  404: { code: 'APIGW.0101', message: MESSAGES.noSuchApi },
  405: { code: 'APIGW.0101', message: MESSAGES.noSuchApi },
  408: { code: 'APIGW.0201', message: 'API request error.' },
  413: { code: 'APIGW.0201', message: 'Request entity too large.' },
  414: { code: 'APIGW.0201', message: 'Request URI too large.' },
  417: { code: 'APIGW.0201', message: 'API request error.' },
  429: { code: 'APIGW.0308', message: 'The throttling threshold has been reached.' },
  431: { code: 'APIGW.0201', message: 'Request headers too large.' },
  502: { code: 'APIGW.0201', message: 'Backend unavailable.' },
  503: { code: 'APIGW.0201', message: 'Backend unavailable.' },
  504: { code: 'APIGW.0201', message: 'Backend timeout.' },
};

/** The request id the mock reports for a request: 32 hex digits, like the gateway's. */
export function requestIdOf(req: MockRequest): string {
  return req.requestId.replaceAll('-', '');
}

/** An error raised by the API gateway (`APIGW.*`): it carries `request_id`, as the header does. */
function gatewayError(req: MockRequest, status: number, code: string, message: string): MockReply {
  return { status, body: { error_code: code, error_msg: message, request_id: requestIdOf(req) } };
}

/** An error raised by HSS itself (`HSS.*`): `error_code` and `error_msg` only. */
function serviceError(status: number, code: string, message: string): MockReply {
  return { status, body: { error_code: code, error_msg: message } };
}

function header(req: MockRequest, name: string): string | undefined {
  const raw = req.headers[name];
  return Array.isArray(raw) ? raw.join(', ') : raw;
}

/** An access key as the gateway echoes it: letters and digits only, anything else masked. */
function printableAccessKey(ak: string): string {
  return /^[A-Za-z0-9]{1,64}$/.test(ak) ? ak : '******';
}

const STALE_DATE = /^X-Sdk-Date \S+ is \d+s (?:behind|ahead of) server time/;

export interface HssDialectOptions {
  /**
   * Access key ID → secret access key pairs the mock accepts for AK/SK signing. Defaults to the
   * public test pair `TEST_ACCESS_KEY` / `TEST_SECRET_KEY`.
   */
  credentials?: Readonly<Record<string, string>>;
  /**
   * The `X-Auth-Token` values accepted; any other token is a 401 (`decrypt token fail`). Without
   * it, any non-empty token is accepted (the static mock: it cannot decrypt real IAM tokens).
   */
  tokens?: readonly string[];
  /**
   * Temporary AK/SK: access key → secret key and the security token its requests must send in
   * `X-Security-Token`. Defaults to the public test triple.
   */
  temporary?: TemporaryCredentials;
  /**
   * Accept any well-formed AK/SK signature (a parseable `SDK-HMAC-SHA256` Authorization over the
   * required signed headers, a fresh X-Sdk-Date) whatever its access key, and any security
   * token — the static mock, as Prism accepts any well-formed credential. Known access keys are
   * still verified.
   */
  anyWellFormed?: boolean;
}

/**
 * Huawei Cloud's way of saying no. Errors are `{ error_code, error_msg }` (plus `request_id` when
 * the API gateway raises them) and every answer carries `X-Request-Id`.
 *
 * Credentials: an `X-Auth-Token` among `tokens` (any non-empty one when `tokens` is not given), or an
 * `Authorization: SDK-HMAC-SHA256 …` signature that verifies against `credentials` with an
 * X-Sdk-Date within 15 minutes of the mock's clock. Messages never contain the secret key or the
 * presented signature.
 */
export function createHssDialect(options: HssDialectOptions = {}): Dialect {
  const secrets = new Map(Object.entries(options.credentials ?? { [TEST_ACCESS_KEY]: TEST_SECRET_KEY }));
  const temporary = new Map(Object.entries(options.temporary ?? TEST_TEMPORARY_CREDENTIALS));
  const tokens = options.tokens ? new Set(options.tokens) : undefined;
  const secretOf = (ak: string) => secrets.get(ak) ?? temporary.get(ak)?.secretKey;

  return {
    async authenticate(req) {
      const token = header(req, 'x-auth-token');
      // A token, when one is sent, is what the gateway checks (a signature next to it is not read).
      if (token !== undefined && token.trim() !== '') {
        if (!tokens || tokens.has(token)) return undefined;
        return gatewayError(req, 401, 'APIGW.0301', MESSAGES.unknownToken);
      }
      const authorization = header(req, 'authorization');
      if (authorization === undefined || authorization.trim() === '') {
        return gatewayError(req, 401, 'APIGW.0301', MESSAGES.noCredentials);
      }
      let asked: string | undefined;
      const reason = await verifySignature(
        { method: req.method, url: req.url, headers: req.headers },
        (ak) => {
          asked = ak;
          return secretOf(ak);
        },
        { maxSkewMs: MAX_SKEW_MS },
      );
      const known = asked !== undefined && secretOf(asked) !== undefined;
      if (options.anyWellFormed && !known && reason?.startsWith('unknown access key')) return undefined;
      if (reason === undefined) {
        const securityToken = header(req, 'x-security-token');
        const temp = temporary.get(asked as string);
        // Temporary keys exist only with their security token; a permanent key sends none.
        if (temp && securityToken === undefined)
          return gatewayError(
            req,
            401,
            'APIGW.0301',
            MESSAGES.unknownAccessKey(printableAccessKey(asked as string)),
          );
        if (securityToken !== undefined && securityToken !== temp?.securityToken && !options.anyWellFormed)
          return gatewayError(req, 401, 'APIGW.0301', MESSAGES.unknownSecurityToken);
        return undefined;
      }
      let message: string;
      if (asked !== undefined && !known) message = MESSAGES.unknownAccessKey(printableAccessKey(asked));
      else if (STALE_DATE.test(reason)) message = MESSAGES.staleDate;
      else if (reason.startsWith('signature mismatch')) message = MESSAGES.badSignature;
      else message = MESSAGES.malformed(reason);
      return gatewayError(req, 401, 'APIGW.0301', message);
    },

    badRequest(violations: Violation[]) {
      const first = violations[0]!;
      // Rules (`x-scanapis-ranges`) already word both names: "start_… must be <= end_…".
      const detail = first.in === 'rule' ? first.message : `${first.name} ${first.message}`;
      return serviceError(400, 'HSS.0001', MESSAGES.invalidParam(detail));
    },

    // The gateway routes by method and path: an unknown method is an unknown API, as is an unknown path.
    notFound: (req) => gatewayError(req, 404, 'APIGW.0101', MESSAGES.noSuchApi),
    methodNotAllowed: (req) => gatewayError(req, 404, 'APIGW.0101', MESSAGES.noSuchApi),
    internalError: () => serviceError(500, 'HSS.0041', MESSAGES.internal),

    statusError(status, req, message) {
      const known = GATEWAY_STATUS[status];
      if (!known)
        return status >= 500
          ? { ...serviceError(500, 'HSS.0041', MESSAGES.internal), status }
          : gatewayError(req, status, 'APIGW.0201', message ?? 'API request error.');
      return gatewayError(req, status, known.code, message ? `${known.message} ${message}` : known.message);
    },

    commonHeaders: (req) => ({ 'x-request-id': requestIdOf(req) }),

    /**
     * Every answer carries this request's id — Prism's examples and fault answers included,
     * whose ids are the examples' own: their `X-Request-Id` gives way to the common header, and a
     * body's `request_id` becomes the same id.
     */
    finish(reply, req) {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(reply.headers ?? {})) {
        if (name.toLowerCase() !== 'x-request-id') headers[name] = value;
      }
      let body = reply.body;
      if (body !== null && typeof body === 'object' && !Array.isArray(body) && 'request_id' in body) {
        body = { ...body, request_id: requestIdOf(req) };
      }
      return { ...reply, headers, body };
    },
  };
}

/** The dialect with the public test AK/SK pair and any non-empty token (the static mock's rules). */
export const hssDialect: Dialect = createHssDialect();
