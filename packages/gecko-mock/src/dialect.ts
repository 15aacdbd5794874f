import { STATUS_CODES } from 'node:http';
import type { Dialect, MockReply, MockRequest } from '@scanapis/mock-kit';
import { describeSchema, type Violation } from '@scanapis/spec-tools';
import { TEST_KEYS } from './credentials.js';

/** Gecko's error body, `{ error, details?, hint? }` (the seed's `ErrorResponse`). */
export const geckoError = (
  status: number,
  message: string,
  extra: { details?: string; hint?: string | null } = {},
): MockReply => ({
  status,
  body: { error: message, ...extra },
});

/** The permission `GET /api/v1/scans` needs. */
export const SCANS_READ = 'scans.read';

/**
 * Who sent the request: the key and its permissions, or Gecko's 401 — missing (or empty) key →
 * `API key is required`; not `gk_…` → `Invalid API key format`; a `gk_` key the mock does not
 * know (see `TEST_KEYS`) → `Invalid API key`.
 */
export function identify(req: MockRequest): { key: string; permissions: readonly string[] } | MockReply {
  const raw = req.headers['x-api-key'];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key) return geckoError(401, 'API key is required');
  if (!key.startsWith('gk_')) return geckoError(401, 'Invalid API key format');
  const permissions = Object.hasOwn(TEST_KEYS, key) ? TEST_KEYS[key] : undefined;
  if (!permissions) return geckoError(401, 'Invalid API key');
  return { key, permissions };
}

/**
 * How the static mock reads a key: Gecko's 401 for a missing key or one without `gk_` (or with
 * nothing after it), and any other `gk_…` key accepted, as Prism accepts any well-formed
 * credential. The documented key without `scans.read` still answers 403, so the 403 can be asked for.
 */
export function identifyWellFormed(
  req: MockRequest,
): { key: string; permissions: readonly string[] } | MockReply {
  const raw = req.headers['x-api-key'];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key) return geckoError(401, 'API key is required');
  if (!/^gk_\S+$/.test(key)) return geckoError(401, 'Invalid API key format');
  return { key, permissions: Object.hasOwn(TEST_KEYS, key) ? (TEST_KEYS[key] ?? []) : [SCANS_READ] };
}

/** The one-hour window a key's first counted request opens (Gecko's fixed window). */
export const RATE_LIMIT_WINDOW_MS = 3_600_000;

/**
 * A reply carrying the spec example's rate-limit headers (an injected fault, a static answer)
 * gets them computed now: `X-RateLimit-Reset` is `resetAt` (default: `Retry-After` seconds from
 * now when the reply has it, else a fresh one-hour window), and `Retry-After` the seconds until it.
 * `resetAt` may be a function: it is called only for a reply that carries the headers.
 */
export function freshRateLimitHeaders(
  reply: MockReply,
  now: number,
  resetAt?: number | (() => number | undefined),
): MockReply {
  const headers = reply.headers;
  if (!headers || !('x-ratelimit-reset' in headers)) return reply;
  const retry = Number(headers['retry-after']);
  const reset =
    (typeof resetAt === 'function' ? resetAt() : resetAt) ??
    (Number.isFinite(retry) && 'retry-after' in headers ? now + retry * 1000 : now + RATE_LIMIT_WINDOW_MS);
  const out: Record<string, string> = { ...headers, 'x-ratelimit-reset': new Date(reset).toISOString() };
  if ('retry-after' in headers) out['retry-after'] = String(Math.max(1, Math.ceil((reset - now) / 1000)));
  return { ...reply, headers: out };
}

/** Sentence case, as Gecko words its errors: `Service unavailable`. */
const statusWords = (status: number) => {
  const words = STATUS_CODES[status] ?? 'Error';
  return words.charAt(0) + words.slice(1).toLowerCase();
};

/** A known key whose role lacks `scans.read`: Gecko's 403. */
export const forbidden = (): MockReply => geckoError(403, `API key lacks ${SCANS_READ} permission`);

/**
 * How Gecko says no. Authentication checks the documented test keys (`TEST_KEYS`) and the
 * `scans.read` permission; the behavioural mock adds the per-key rate limit on top (behaviour.ts).
 */
export const geckoDialect: Dialect = {
  authenticate(req) {
    const who = identifyWellFormed(req);
    if ('status' in who) return who;
    return who.permissions.includes(SCANS_READ) ? undefined : forbidden();
  },

  badRequest(violations: Violation[], req) {
    const first = violations[0]!;
    if (first.in === 'header')
      return geckoError(400, `Invalid header: ${first.name}`, { details: `${first.name} ${first.message}` });
    // The seed's own wording for the one case it shows.
    if (first.name === 'limit' && first.keyword === 'maximum')
      return geckoError(400, `Limit cannot exceed ${first.limit}`);
    const param = req.operation?.parameters.find((p) => p.name === first.name && p.in === first.in);
    return geckoError(400, `Invalid query parameter: ${first.name}`, {
      details: `${first.name} ${first.message}`,
      hint: param ? `${first.name} is ${describeSchema(param.schema)}` : null,
    });
  },

  notFound: (req) => geckoError(404, `Route not found: ${req.method} ${req.url.pathname}`),
  methodNotAllowed: (req) => geckoError(405, `Method not allowed: ${req.method} ${req.url.pathname}`),
  internalError: () => geckoError(500, 'Internal server error'),
  // Gecko documents 400/401/403/429/500 only: other statuses are worded as HTTP names them.
  statusError: (status, _req, message) =>
    status === 500 && !message
      ? geckoError(500, 'Internal server error')
      : geckoError(status, statusWords(status), message ? { details: message } : {}),
  finish: (reply) => freshRateLimitHeaders(reply, Date.now()),
};
