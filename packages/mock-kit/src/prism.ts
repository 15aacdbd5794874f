import { loadSpec } from '@scanapis/spec-tools';
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import { createClientFromOperations } from '@stoplight/prism-http/dist/client.js';
import type { Handler, MockReply, MockRequest } from './types.js';

const noop = () => {};
/** Prism logs through pino; its logs are slow and noisy, so the mock gives it a silent logger. */
const silentLogger = {
  level: 'silent',
  trace: noop,
  debug: noop,
  info: noop,
  success: noop,
  warn: noop,
  error: noop,
  fatal: noop,
  child() {
    return silentLogger;
  },
};

/** `Prefer: code=429, example=badKey` → Prism's per-request mock config. */
export function parsePrefer(header: string | string[] | undefined): { code?: number; exampleKey?: string } {
  const out: { code?: number; exampleKey?: string } = {};
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  for (const part of value.split(/[,;]/)) {
    const [k, v] = part.split('=').map((s) => s.trim());
    if (k === 'code' && v && /^\d{3}$/.test(v)) out.code = Number(v);
    if (k === 'example' && v) out.exampleKey = v;
  }
  return out;
}

/**
 * The headers Prism sees. The mock has already checked credentials and parameters, and every
 * answer is JSON, so Prism gets no client headers that could make it fail (a malformed `Accept`
 * throws inside Prism): its own `Prefer` convention is passed as mock config instead.
 */
const PRISM_HEADERS = { accept: 'application/json' };

/**
 * Prism's static mock as a handler: the spec's own examples, chosen per status with
 * `Prefer: code=<status>` and per example with `Prefer: example=<key>`.
 */
export async function createPrismHandler(specFile: string): Promise<Handler> {
  const operations = await getHttpOperationsFromSpec(specFile);
  // Prism routes only requests on one of the spec's servers: speak to it as the first one.
  const server = loadSpec(specFile).servers?.[0];
  const base = (server?.url ?? 'http://mock')
    .replace(/\{(\w+)\}/g, (_, name: string) => server?.variables?.[name]?.default ?? name)
    .replace(/\/$/, '');
  const prism = createClientFromOperations(operations, {
    mock: { dynamic: false },
    validateRequest: false,
    validateResponse: false,
    checkSecurity: false,
    errors: false,
    upstreamProxy: undefined,
    isProxy: false,
    logger: silentLogger as never,
  } as never);
  return async (req: MockRequest): Promise<MockReply> => {
    const prefer = parsePrefer(req.headers.prefer);
    const out = await prism.request(
      `${base}${req.url.pathname}${req.url.search}`,
      { method: req.method.toLowerCase() as 'get', headers: PRISM_HEADERS },
      {
        mock: {
          dynamic: false,
          ...(prefer.code ? { code: prefer.code } : {}),
          ...(prefer.exampleKey ? { exampleKey: prefer.exampleKey } : {}),
        },
      } as never,
    );
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(out.headers ?? {})) headers[k.toLowerCase()] = String(v);
    return { status: out.status, headers, body: out.data };
  };
}
