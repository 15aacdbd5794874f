import type { Operation } from '@scanapis/spec-tools';
import { assertAllowedHost } from './target.js';
import { inProcessFetch } from './transport.js';

export interface CallInput {
  /** Query parameters; an array sends the name once per value. */
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  pathParams?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  /** Parsed JSON when the body is JSON, else the text. */
  body: unknown;
  text: string;
}

/** Fills `{name}` segments of a path template. */
export function fillPath(template: string, pathParams: Record<string, string> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(pathParams[name] ?? `missing-${name}`),
  );
}

/** Sends one request to an operation on a running server (loopback only, 10 s at most). */
export async function call(
  baseUrl: string,
  operation: Operation,
  input: CallInput = {},
): Promise<CallResult> {
  const url = new URL(baseUrl + fillPath(operation.path, input.pathParams));
  for (const [name, value] of Object.entries(input.query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(name, v);
  }
  return send(url, operation.method.toUpperCase(), input.headers ?? {});
}

/**
 * Sends one request and reads the answer; a JSON answer is parsed (and must parse). A URL the
 * project's in-process transport answers (createMockFetch, MSW) goes through it, never a socket;
 * any other goes to loopback only.
 */
export async function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<CallResult> {
  const inProcess = inProcessFetch(url);
  if (!inProcess) assertAllowedHost(url);
  const res = await (inProcess ?? fetch)(url, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  let parsed: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
  return { status: res.status, headers: res.headers, body: parsed, text };
}
