import type { BaseUrls } from './base-urls.js';
import type { MockPipeline, PipelineOutcome } from './pipeline.js';

/** Statuses whose answer has no body (a `Response` refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** How undici's fetch fails when the server resets the connection: `TypeError: fetch failed`. */
export function connectionReset(): TypeError {
  const cause = Object.assign(new Error('read ECONNRESET'), {
    code: 'ECONNRESET',
    errno: -104,
    syscall: 'read',
  });
  return new TypeError('fetch failed', { cause });
}

/** Rejects with the signal's reason as soon as it aborts (a real fetch does, mid-request). */
function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** What the pipeline reads of a request, however the fetch got it. */
interface FetchParts {
  method: string;
  url: URL;
  headers: Headers;
  body: () => Promise<string>;
  signal: AbortSignal | undefined;
}

function run(pipeline: MockPipeline, parts: FetchParts, path: string): Promise<PipelineOutcome> {
  const headers: Record<string, string> = {};
  parts.headers.forEach((value, name) => {
    headers[name] = value;
  });
  // What a real fetch sends on the wire (signed requests cover it).
  headers.host ??= parts.url.host;
  return abortable(
    pipeline.handle({
      method: parts.method,
      url: path,
      headers,
      body: parts.body,
      ...(parts.signal ? { signal: parts.signal } : {}),
    }),
    parts.signal,
  );
}

/** What the pipeline reads of a `Request`. */
const requestParts = (request: Request): FetchParts => ({
  method: request.method,
  url: new URL(request.url),
  headers: request.headers,
  body: () => request.text(),
  signal: request.signal,
});

/** A `Request` as the pipeline reads it: path and query under the base URL, lower-cased headers. */
export function runRequest(pipeline: MockPipeline, request: Request, path: string): Promise<PipelineOutcome> {
  return run(pipeline, requestParts(request), path);
}

/** A pipeline's reply as a `Response`. */
export function toResponse(outcome: Extract<PipelineOutcome, { kind: 'reply' }>, method: string): Response {
  const bodyless = NULL_BODY.has(outcome.status) || method.toUpperCase() === 'HEAD';
  return new Response(bodyless ? null : (outcome.body as Uint8Array<ArrayBuffer>), {
    status: outcome.status,
    headers: outcome.headers,
  });
}

/** The methods `new Request` writes in upper case (fetch's method normalization); the others it keeps as given. */
const NORMALIZED = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
/** The options a bodyless request needs; any other asks for `new Request`'s checks. */
const PLAIN_INIT = new Set(['method', 'headers', 'signal', 'body']);

/**
 * The request's parts read straight from fetch's arguments when `new Request(input, init)` would
 * accept them and give the same parts — a URL (string or `URL`) without credentials, a method
 * fetch normalizes, headers, a signal, no body; or a `Request` not yet used, without `init` —
 * else undefined (the caller then builds the `Request`, with its errors). Building a `Request`
 * per call (a signal that follows the given one, a copy of the headers) is most of what an
 * in-process answer costs otherwise.
 */
function plainParts(input: RequestInfo | URL, init: RequestInit | undefined): FetchParts | undefined {
  if (input instanceof Request) {
    return init !== undefined || input.bodyUsed ? undefined : requestParts(input);
  }
  if (typeof input !== 'string' && !(input instanceof URL)) return undefined;
  if (init !== undefined && init !== null) {
    if (typeof init !== 'object') return undefined;
    for (const key in init) if (!PLAIN_INIT.has(key)) return undefined;
    if (init.body !== undefined && init.body !== null) return undefined;
    if (init.signal !== undefined && init.signal !== null && !(init.signal instanceof AbortSignal))
      return undefined;
  }
  const method = init?.method === undefined ? 'GET' : String(init.method).toUpperCase();
  if (!NORMALIZED.has(method)) return undefined;
  if (!URL.canParse(String(input))) return undefined;
  const url = new URL(String(input));
  if (url.username !== '' || url.password !== '') return undefined;
  const headers = new Headers(init?.headers ?? undefined);
  return {
    method,
    url,
    headers,
    body: async () => '',
    signal: init?.signal ?? undefined,
  };
}

/**
 * A `fetch` answered in-process by one mock instance: requests under its base URLs go through the
 * pipeline (no socket, no network); any other URL is refused with a TypeError naming the ones it
 * serves. A `drop` fault rejects like a reset connection; a delay honours `request.signal`.
 */
export function createPipelineFetch(pipeline: MockPipeline, bases: BaseUrls, name: string): typeof fetch {
  const mockFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const parts = plainParts(input, init) ?? requestParts(new Request(input, init));
    const { url } = parts;
    const path = bases.match(url);
    if (path === undefined) {
      throw new TypeError(
        `${name}: ${url.origin} is not served by this mock fetch (it answers ${bases.list.join(', ')}; pass baseUrl to add one). Nothing was sent.`,
      );
    }
    const outcome = await run(pipeline, parts, path);
    if (outcome.kind === 'drop') throw connectionReset();
    const response = toResponse(outcome, parts.method);
    Object.defineProperty(response, 'url', { value: url.href });
    return response;
  };
  return mockFetch as typeof fetch;
}
