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

/** A known key whose role lacks `scans.read`: Gecko's 403. */
export const forbidden = (): MockReply => geckoError(403, `API key lacks ${SCANS_READ} permission`);

/**
 * How Gecko says no. Authentication checks the documented test keys (`TEST_KEYS`) and the
 * `scans.read` permission; the behavioural mock adds the per-key rate limit on top (behaviour.ts).
 */
export const geckoDialect: Dialect = {
  authenticate(req) {
    const who = identify(req);
    if ('status' in who) return who;
    return who.permissions.includes(SCANS_READ) ? undefined : forbidden();
  },

  badRequest(violations: Violation[], req) {
    const first = violations[0]!;
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
};
