import type { Dialect, MockReply } from '@scanapis/mock-kit';
import { describeSchema, type Violation } from '@scanapis/spec-tools';

const error = (
  status: number,
  message: string,
  extra: { details?: string; hint?: string } = {},
): MockReply => ({
  status,
  body: { error: message, ...extra },
});

/** Gecko's error body is `{ error, details?, hint? }` (the seed's `ErrorResponse`). */
export const geckoDialect: Dialect = {
  authenticate(req) {
    const raw = req.headers['x-api-key'];
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!key) return error(401, 'API key is required');
    if (!key.startsWith('gk_')) return error(401, 'Invalid API key format');
    return undefined;
  },

  badRequest(violations: Violation[], req) {
    const first = violations[0]!;
    // The seed's own wording for the one case it shows.
    if (first.name === 'limit' && first.keyword === 'maximum')
      return error(400, `Limit cannot exceed ${first.limit}`);
    const param = req.operation?.parameters.find((p) => p.name === first.name && p.in === first.in);
    return error(400, `Invalid query parameter: ${first.name}`, {
      details: `${first.name} ${first.message}`,
      hint: param ? `${first.name} is ${describeSchema(param.schema)}` : null,
    } as never);
  },

  notFound: (req) => error(404, `Route not found: ${req.method} ${req.url.pathname}`),
  methodNotAllowed: (req) => error(405, `Method not allowed: ${req.method} ${req.url.pathname}`),
  internalError: () => error(500, 'Internal server error'),
};
