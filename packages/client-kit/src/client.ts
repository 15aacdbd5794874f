import createClient, { type Client, type MaybeOptionalInit, type Middleware } from 'openapi-fetch';
import {
  ScanApiConfigError,
  ScanApiError,
  type ScanApiErrorInit,
  type VendorError,
  withDefaults,
} from './errors.js';
import { type Logger, type LogLevel, resolveLog } from './log.js';
import {
  type Paged,
  type PagesOptions,
  type PaginationMeta,
  type PaginationStyle,
  walkPages,
} from './paginate.js';
import type { RateLimitOptions, RateLimitPlugin, RateLimitState } from './rate-limit.js';
import { RETRY_DEFAULTS, type RetryOptions } from './retry.js';
import {
  type CallOptions,
  createTransport,
  settle,
  TIMEOUT_DEFAULTS,
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
  /**
   * One line per attempt (method, URL, status, duration, why it is retried or not) at `debug`;
   * retries at `info`, error answers at `warn`, failures at `error`. Default: the `SCANAPIS_LOG`
   * environment variable, else `off`. Credentials never appear in a line.
   */
  logLevel?: LogLevel;
  /** Where log lines go (default `console`). */
  logger?: Logger;
}

/** What a client package supplies to the runtime. */
export interface ClientDefinition<Meta extends PaginationMeta> {
  baseUrl: string;
  headers?: Record<string, string>;
  middleware?: Middleware[];
  /**
   * Generated from the spec's `x-scanapis-pagination` (`pagination.gen.ts`), each list operation
   * with its resource and its style's step.
   */
  pagination: Meta;
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

/** Per-call options of a resource method: headers, an abort signal, retry, timeout, maxPages. */
export interface ListOptions extends CallOptions, PagesOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * What a resource's `list()` returns (Stainless's page promise): awaiting it gives the first page's
 * body (and throws a `ScanApiError` on any error); `for await` walks every item of every page;
 * `.pages()` walks the page bodies; `.withResponse()` gives the first page with its `Response`.
 * Nothing is sent until one of these is used.
 */
export interface ListPromise<Body, Item> extends PromiseLike<Body>, AsyncIterable<Item> {
  then<A = Body, B = never>(
    onFulfilled?: ((body: Body) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B>;
  catch<T = never>(onRejected?: ((reason: unknown) => T | PromiseLike<T>) | null): Promise<Body | T>;
  finally(onFinally?: (() => void) | null): Promise<Body>;
  pages(): AsyncGenerator<Body, void, undefined>;
  withResponse(): Promise<{ data: Body; response: Response }>;
}

type QueryOf<Paths, P extends keyof Paths> =
  GetOp<Paths, P> extends { parameters: { query?: infer Q } } ? Q : never;
/** The query may be left out when none of its parameters is required. */
type ListArgs<Q> =
  Record<never, never> extends NonNullable<Q>
    ? [query?: NonNullable<Q>, options?: ListOptions]
    : [query: NonNullable<Q>, options?: ListOptions];

/** One object per resource of the spec (each list operation's `resource`), with its `list()`. */
export type Resources<Paths, Meta extends PaginationMeta> = {
  [P in keyof Meta & keyof Paths as Meta[P]['resource']]: {
    /** Lists the resource, one page or all of them: see `ListPromise`. */
    list(
      ...args: ListArgs<QueryOf<Paths, P>>
    ): ListPromise<PageBody<GetOp<Paths, P>>, ItemOf<Paths, Meta, P>>;
  };
};

/** An openapi-fetch client typed from the spec, with paging, retries, timeouts and typed errors. */
export interface ScanApiClientBase<Paths extends {}, Meta extends PaginationMeta>
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

/** The client: openapi-fetch's methods, `paginate`/`pages`, and one object per resource (`client.scans.list()`). */
export type ScanApiClient<Paths extends {}, Meta extends PaginationMeta> = ScanApiClientBase<Paths, Meta> &
  Resources<Paths, Meta>;

/**
 * A call's init as openapi-fetch gets it: the client's own path parameters as defaults.
 * Per-call `retry`/`timeout` need nothing: openapi-fetch copies init keys a Request lacks onto
 * it, and the transport reads them there.
 */
const prepareInit = (init: { params?: { path?: object } } = {}, path?: Record<string, string>) =>
  path ? { ...init, params: { ...init.params, path: { ...path, ...init.params?.path } } } : init;

type Result = { data?: unknown; error?: unknown; response: Response };

/** Builds a client from a package's definition and the user's runtime options. */
export function createScanApiClient<Paths extends {}, Meta extends PaginationMeta>(
  definition: ClientDefinition<Meta>,
  options: RuntimeOptions = {},
): ScanApiClient<Paths, Meta> {
  const { fetch, throwOnError } = options;
  if (fetch !== undefined && typeof fetch !== 'function')
    throw new ScanApiConfigError('fetch', 'must be a fetch function');
  const { baseUrl, pathParams, pagination } = definition;
  const client: Record<string, unknown> = {};
  const limiter = definition.rateLimit?.(options.rateLimit, client);
  const raw = createClient<Paths, 'application/json'>({
    baseUrl,
    fetch: createTransport({
      // The global fetch as it is at call time (a test may replace it after the client is made).
      fetch: fetch ?? ((input, init) => globalThis.fetch(input, init)),
      retry: withDefaults('retry', options.retry, RETRY_DEFAULTS),
      timeout: withDefaults('timeout', options.timeout, TIMEOUT_DEFAULTS),
      limiter,
      log: resolveLog(options.logLevel, options.logger),
    }),
    headers: definition.headers,
  });
  if (definition.middleware) raw.use(...definition.middleware);

  Object.assign(client, raw);
  // GET, PUT, POST, DELETE, OPTIONS, HEAD, PATCH, TRACE.
  for (const method in raw) {
    if (!/^[A-Z]/.test(method)) continue;
    const call = raw[method as 'GET'] as (path: string, init?: unknown) => Promise<Result>;
    // `strict` (the runtime's own page reads): every error answer throws, as with `throwOnError`.
    client[method] = async (
      path: string,
      init?: { parseAs?: string; params?: { path?: object } },
      strict?: boolean,
    ) => {
      let url = baseUrl + path;
      const fail = (init: Omit<ScanApiErrorInit, 'method' | 'url'>, summary?: string) => {
        throw new ScanApiError({ method, url, ...init }, summary);
      };
      let result: Result;
      try {
        result = await call(path, prepareInit(init, pathParams));
      } catch (e) {
        // A credential function that returned nothing is a configuration error, not a transport one.
        if (e instanceof ScanApiError || e instanceof ScanApiConfigError) throw e;
        const error = e as Error & { cause?: Error };
        // A body the caller's signal or a timeout cut short fails with the ScanApiError the
        // transport aborted it with (above); any other failure is JSON that does not parse, or
        // the network.
        const kind = error?.name === 'SyntaxError' ? 'parse' : 'network';
        return fail({ kind, cause: error }, `${kind}: ${error?.cause?.message ?? error?.message}`);
      }
      const { response, data, error } = result;
      const { status, ok } = response;
      url = response.url || url;
      const parseAs = init?.parseAs ?? 'json';
      // openapi-fetch has read the body (unless the caller asked for the stream).
      const { timer: _, ...answer } = settle(response, parseAs === 'stream') ?? {};
      // An error answer: kind `rate-limited` for a 429, `http` otherwise.
      if (answer.cause || ((strict || throwOnError) && !ok))
        fail({
          kind: status === 429 ? 'rate-limited' : 'http',
          status,
          body: error,
          ...definition.parseError(error, response),
          ...answer,
        });
      // Every 2xx body the specs declare is a JSON object (the generator checks it).
      if (ok && parseAs === 'json' && !(data && typeof data === 'object' && !Array.isArray(data)))
        fail({ kind: 'parse', status }, `${status} without a JSON object body`);
      return result;
    };
  }
  client.request = (method: string, path: string, init?: unknown) =>
    (client[method.toUpperCase()] as (p: string, i?: unknown) => unknown)(path, init);

  /** One page, or the call's `ScanApiError`. */
  const getPage = (path: string, init: unknown) =>
    (client.GET as (path: string, init: unknown, strict: true) => Promise<Result>)(path, init, true);
  /** Every page body of a list operation, with its declared style's step. */
  const pages = (
    path: string,
    init?: Record<string, unknown>,
    first?: () => Promise<Result>,
    items?: true,
  ) => {
    const style = pagination[path] as Paged<PaginationStyle> | undefined;
    if (!style) throw new TypeError(`${path} is not a list operation`);
    return walkPages(getPage, path, style, init, first, items);
  };
  /** Every item of every page. */
  const paginate = (path: string, init?: Record<string, unknown>, first?: () => Promise<Result>) =>
    pages(path, init, first, true);
  client.pages = pages;
  client.paginate = paginate;
  for (const path in pagination) {
    client[pagination[path]!.resource] = {
      list(query?: object, options?: ListOptions) {
        const init = { ...options, params: { query } };
        let first: Promise<Result> | undefined;
        // Sent when first used; walking the pages starts from the same first page.
        const load = () => (first ??= getPage(path, init));
        // A thenable on Promise.prototype: its catch() and finally() call then().
        return Object.assign(Object.create(Promise.prototype), {
          // biome-ignore lint/suspicious/noThenProperty: a page promise is a thenable on purpose (Stainless's PagePromise).
          then: (ok: never, no: never) =>
            load()
              .then((r) => r.data)
              .then(ok, no),
          // An answer that got here is a 2xx: openapi-fetch's result is `{ data, response }`.
          withResponse: load,
          pages: () => pages(path, init, load),
          [Symbol.asyncIterator]: () => paginate(path, init, load),
        });
      },
    };
  }
  return client as unknown as ScanApiClient<Paths, Meta>;
}
