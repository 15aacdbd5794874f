import createClient, { type Client, type MaybeOptionalInit, type Middleware } from 'openapi-fetch';
import { ScanApiConfigError, ScanApiError, type VendorError } from './errors.js';
import {
  field,
  type PageStep,
  type PagesOptions,
  type PaginationMeta,
  type PagingSteps,
  walkPages,
} from './paginate.js';
import type { RateLimitOptions, RateLimitPlugin, RateLimitState } from './rate-limit.js';
import { type RetryOptions, resolveRetry } from './retry.js';
import {
  type CallOptions,
  createTransport,
  resolveTimeout,
  settle,
  type TimeoutOptions,
} from './transport.js';

/** The options every scanapis client takes, besides its credentials. */
export interface RuntimeOptions {
  /** A fetch implementation (defaults to the global one). */
  fetch?: typeof globalThis.fetch;
  /** Retries of idempotent requests on 429/502/503/504 and network errors; `false` disables them. */
  retry?: RetryOptions | false;
  /** Per-attempt and overall timeouts. */
  timeout?: TimeoutOptions;
  /**
   * Throw a `ScanApiError` for every error answer instead of returning `{ error }` (default false).
   * Transport failures, timeouts and bodies that are not JSON always throw a `ScanApiError`.
   */
  throwOnError?: boolean;
  /** Rate-limit behaviour (for APIs that send rate-limit headers). */
  rateLimit?: RateLimitOptions;
}

/** What a client package supplies to the runtime. */
export interface ClientDefinition<Meta extends PaginationMeta> {
  baseUrl: string;
  headers?: Record<string, string>;
  middleware?: Middleware[];
  /** Generated from the spec's `x-scanapis-pagination`. */
  pagination: Meta;
  /** The code of the paging styles `pagination` uses (generated beside it). */
  paging: PagingSteps;
  /** Reads the vendor's code, message and request id from an error answer. */
  parseError(body: unknown, response: Response): VendorError;
  /** For APIs that send rate-limit headers: `rateLimitHeaders('X-RateLimit-Remaining', 'X-RateLimit-Reset')`. */
  rateLimit?: RateLimitPlugin;
  /** Path parameters the client owns (HSS `project_id`): used when a call does not pass its own. */
  pathParams?: Record<string, string>;
}

type GetPaths<Paths> = { [P in keyof Paths]: Paths[P] extends { get: unknown } ? P : never }[keyof Paths];
type PageBody<Op> = Op extends { responses: { 200: { content: { 'application/json': infer B } } } }
  ? B
  : never;
type GetOp<Paths, P extends keyof Paths> = Paths[P] extends { get: infer Op } ? Op : never;
/** The item type of a list operation, read from the spec's 200 body at its declared items field. */
export type ItemOf<Paths, Meta extends PaginationMeta, P extends keyof Meta & keyof Paths> = PageBody<
  GetOp<Paths, P>
>[Meta[P]['itemsField'] & keyof PageBody<GetOp<Paths, P>>] extends ReadonlyArray<infer I> | undefined
  ? I
  : never;
type PageInit<Paths, P extends keyof Paths> =
  MaybeOptionalInit<Paths[P], 'get' & keyof Paths[P]> extends infer I
    ? undefined extends I
      ? (NonNullable<I> & PagesOptions) | undefined
      : I & PagesOptions
    : never;
type InitArg<I> = undefined extends I ? [init?: I] : [init: I];

/** An openapi-fetch client typed from the spec, with paging, retries, timeouts and typed errors. */
export interface ScanApiClient<Paths extends {}, Meta extends PaginationMeta>
  extends Client<Paths, 'application/json'> {
  /** Every item of every page, fetched page by page as the loop asks; `break` stops fetching. */
  paginate<P extends keyof Meta & GetPaths<Paths> & keyof Paths>(
    path: P,
    ...init: InitArg<PageInit<Paths, P>>
  ): AsyncGenerator<ItemOf<Paths, Meta, P>, void, undefined>;
  /** Every page body, one at a time. */
  pages<P extends keyof Meta & GetPaths<Paths> & keyof Paths>(
    path: P,
    ...init: InitArg<PageInit<Paths, P>>
  ): AsyncGenerator<PageBody<GetOp<Paths, P>>, void, undefined>;
  /** The last rate-limit headers the API sent, if it sends them. */
  readonly rateLimit: RateLimitState | undefined;
}

/**
 * A call's init as openapi-fetch gets it: the client's own path parameters as defaults, and
 * per-call `retry`/`timeout` riding on the final Request to the transport (a last per-call
 * middleware attaches them, so they survive middleware that replaces the Request).
 */
function prepareInit(
  init: Record<string, unknown> & CallOptions = {},
  pathParams?: Record<string, string>,
): Record<string, unknown> {
  const {
    retry,
    timeout,
    params,
    middleware = [],
  } = init as CallOptions & {
    params?: { path?: object };
    middleware?: Middleware[];
  };
  return {
    ...init,
    ...(pathParams && { params: { ...params, path: { ...pathParams, ...params?.path } } }),
    ...((retry ?? timeout) !== undefined && {
      middleware: [
        ...middleware,
        { onRequest: ({ request }) => Object.assign(request, { retry, timeout }) } satisfies Middleware,
      ],
    }),
  };
}

/** Builds a client from a package's definition and the user's runtime options. */
export function createScanApiClient<Paths extends {}, Meta extends PaginationMeta>(
  definition: ClientDefinition<Meta>,
  options: RuntimeOptions = {},
): ScanApiClient<Paths, Meta> {
  if (options.fetch !== undefined && typeof options.fetch !== 'function')
    throw new ScanApiConfigError('fetch', 'must be a fetch function');
  const limiter = definition.rateLimit?.(options.rateLimit);
  const transport = createTransport({
    fetch: options.fetch ?? ((...args) => globalThis.fetch(...args)),
    retry: resolveRetry('retry', options.retry),
    timeout: resolveTimeout('timeout', options.timeout),
    limiter,
  });
  const raw = createClient<Paths, 'application/json'>({
    baseUrl: definition.baseUrl,
    fetch: transport,
    headers: definition.headers,
  });
  if (definition.middleware?.length) raw.use(...definition.middleware);

  const httpError = (
    method: string,
    path: string,
    result: { error?: unknown; response: Response },
  ): never => {
    const vendor = definition.parseError(result.error, result.response);
    throw new ScanApiError({
      kind: 'http',
      method,
      url: result.response.url || definition.baseUrl + path,
      status: result.response.status,
      body: result.error,
      ...vendor,
    });
  };
  const wrap = (error: unknown, method: string, path: string): Error => {
    // A credential function that returned nothing is a configuration error, not a transport one.
    if (error instanceof ScanApiError || error instanceof ScanApiConfigError) return error;
    const e = error as Error & { cause?: Error };
    // What an error thrown while reading an answer means, by its name.
    const kind =
      ({ SyntaxError: 'parse', TimeoutError: 'timeout', AbortError: 'aborted' } as const)[
        e?.name as 'SyntaxError'
      ] ?? 'network';
    return new ScanApiError(
      { kind, method, url: definition.baseUrl + path, cause: e },
      kind === 'parse'
        ? `the answer is not valid JSON: ${e.message}`
        : `${kind}: ${e?.cause?.message ?? e?.message ?? e}`,
    );
  };

  const client = {
    ...raw,
    /** The last rate-limit headers the API sent, if it sends them. */
    get rateLimit() {
      return limiter?.state;
    },
  } as unknown as Record<string, unknown>;
  // GET, PUT, POST, DELETE, OPTIONS, HEAD, PATCH, TRACE.
  for (const method of Object.keys(raw).filter((key) => /^[A-Z]+$/.test(key))) {
    const call = raw[method as 'GET'] as (
      path: string,
      init?: unknown,
    ) => Promise<{ error?: unknown; response: Response }>;
    client[method] = async (path: string, init?: Record<string, unknown>) => {
      let result: { error?: unknown; response: Response };
      try {
        result = await call(path, prepareInit(init, definition.pathParams));
      } catch (error) {
        throw wrap(error, method, path);
      }
      // openapi-fetch has read the body (unless the caller asked for the stream).
      if ((init as { parseAs?: string } | undefined)?.parseAs !== 'stream') settle(result.response);
      if (options.throwOnError && (result.error !== undefined || !result.response.ok))
        httpError(method, path, result);
      return result;
    };
  }
  client.request = (method: string, path: string, init?: unknown) =>
    (client[method.toUpperCase()] as (p: string, i?: unknown) => unknown)(path, init);

  const get = client.GET as (
    path: string,
    init: Record<string, unknown>,
  ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  /** A list operation's declared style and the runtime's code for it. */
  const pagingOf = (path: string) => {
    const style = definition.pagination[path];
    const step = style && (definition.paging[style.style] as PageStep<typeof style> | undefined);
    if (!step) throw new TypeError(`${path} is not a list operation (no x-scanapis-pagination in the spec)`);
    return { style, step };
  };
  client.pages = (path: string, init: Record<string, unknown> = {}) => {
    const { maxPages, ...rest } = init as Record<string, unknown> & PagesOptions;
    const { style, step } = pagingOf(path);
    return walkPages(get, httpError, path, style, step, rest, maxPages || undefined);
  };
  client.paginate = async function* (path: string, init?: Record<string, unknown>) {
    const { style } = pagingOf(path);
    for await (const page of (client.pages as (p: string, i?: unknown) => AsyncGenerator<unknown>)(
      path,
      init,
    )) {
      const items = field(page, style.itemsField);
      if (Array.isArray(items)) yield* items;
    }
  };
  return client as unknown as ScanApiClient<Paths, Meta>;
}
