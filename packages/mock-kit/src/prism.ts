import { loadSpec } from '@scanapis/spec-tools';
import type { Dialect, Handler, MockReply, MockRequest } from './types.js';

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

/**
 * `Prefer: code=429, example=badKey` → Prism's per-request mock config. A `code=` that is not a
 * three-digit status is kept as `badCode`, so the mock can say so instead of ignoring it.
 */
export function parsePrefer(header: string | string[] | undefined): {
  code?: number;
  exampleKey?: string;
  badCode?: string;
} {
  const out: { code?: number; exampleKey?: string; badCode?: string } = {};
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  for (const part of value.split(/[,;]/)) {
    const [k, v] = part.split('=').map((s) => s.trim());
    if (k === 'code' && v && /^\d{3}$/.test(v)) out.code = Number(v);
    else if (k === 'code') out.badCode = (v ?? '').slice(0, 50);
    if (k === 'example' && v) out.exampleKey = v;
  }
  return out;
}

/**
 * Why Prism cannot answer what `Prefer` asks for, in words that say what is declared: a status
 * the operation does not declare, or an example key its answer does not have. Undefined when it can.
 */
export function preferProblem(req: MockRequest, prefer: ReturnType<typeof parsePrefer>): string | undefined {
  const op = req.operation;
  if (!op) return undefined;
  const declared = Object.keys(op.responses).filter((s) => /^\d{3}$/.test(s));
  if (prefer.badCode !== undefined)
    return `asks for code=${prefer.badCode}, which is not a status; ${op.operationId} declares ${declared.join(', ')}`;
  if (prefer.code !== undefined && !declared.includes(String(prefer.code)))
    return `asks for code=${prefer.code}, which ${op.operationId} does not declare; it declares ${declared.join(', ')}`;
  if (prefer.exampleKey === undefined) return undefined;
  const status = String(prefer.code ?? declared.find((s) => s.startsWith('2')) ?? declared[0]);
  const keys = Object.keys(op.responses[status]?.content?.['application/json']?.examples ?? {});
  if (keys.includes(prefer.exampleKey)) return undefined;
  const key = JSON.stringify(prefer.exampleKey.slice(0, 100));
  return keys.length
    ? `asks for example=${key}, which the ${status} answer of ${op.operationId} does not have; its examples are ${keys.join(', ')}`
    : `asks for example=${key}, but the ${status} answer of ${op.operationId} has no named examples`;
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
export async function createPrismHandler(
  specFile: string,
  options: {
    /** Refuses what Prism cannot answer (`Prefer` asking for an undeclared status or example) with its 400. */
    dialect?: Dialect;
  } = {},
): Promise<Handler> {
  // Prism (about a second to load) is loaded only by a mock that uses it: a behavioural mock never does.
  const [{ getHttpOperationsFromSpec }, { createClientFromOperations }] = await Promise.all([
    import('@stoplight/prism-http'),
    import('@stoplight/prism-http/dist/client.js'),
  ]);
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
    const problem = preferProblem(req, prefer);
    if (problem) {
      const violation = { in: 'header' as const, name: 'Prefer', keyword: 'prefer', message: problem };
      if (options.dialect) return options.dialect.badRequest([violation], req);
      throw new Error(`Prefer ${problem}`);
    }
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
