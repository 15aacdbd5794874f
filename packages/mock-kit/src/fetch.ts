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
function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
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

/** A `Request` as the pipeline reads it: path and query under the base URL, lower-cased headers. */
export async function runRequest(
  pipeline: MockPipeline,
  request: Request,
  path: string,
): Promise<PipelineOutcome> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  // What a real fetch sends on the wire (signed requests cover it).
  headers.host ??= new URL(request.url).host;
  return abortable(
    pipeline.handle({
      method: request.method,
      url: path,
      headers,
      body: () => request.text(),
      signal: request.signal,
    }),
    request.signal,
  );
}

/** A pipeline's reply as a `Response`. */
export function toResponse(outcome: Extract<PipelineOutcome, { kind: 'reply' }>, method: string): Response {
  const bodyless = NULL_BODY.has(outcome.status) || method.toUpperCase() === 'HEAD';
  return new Response(bodyless ? null : outcome.body, { status: outcome.status, headers: outcome.headers });
}

/**
 * A `fetch` answered in-process by one mock instance: requests under its base URLs go through the
 * pipeline (no socket, no network); any other URL is refused with a TypeError naming the ones it
 * serves. A `drop` fault rejects like a reset connection; a delay honours `request.signal`.
 */
export function createPipelineFetch(pipeline: MockPipeline, bases: BaseUrls, name: string): typeof fetch {
  const mockFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const path = bases.match(url);
    if (path === undefined) {
      throw new TypeError(
        `${name}: ${url.origin} is not served by this mock fetch (it answers ${bases.list.join(', ')}; pass baseUrl to add one). Nothing was sent.`,
      );
    }
    const outcome = await runRequest(pipeline, request, path);
    if (outcome.kind === 'drop') throw connectionReset();
    const response = toResponse(outcome, request.method);
    Object.defineProperty(response, 'url', { value: request.url });
    return response;
  };
  return mockFetch as typeof fetch;
}
