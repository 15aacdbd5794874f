import { ScanApiError } from './errors.js';

/**
 * How an operation pages, declared once in its spec (`x-scanapis-pagination`) and generated: the
 * fields of its style (`token`, `offset-total`, `offset-has-more`), whose code is its `step`.
 */
export type TokenStyle = {
  pageSizeParam: string;
  tokenParam: string;
  nextTokenField: string;
  itemsField: string;
};
export type OffsetTotalStyle = {
  offsetParam: string;
  limitParam: string;
  totalField: string;
  itemsField: string;
};
export type OffsetHasMoreStyle = {
  offsetParam: string;
  limitParam: string;
  hasMoreField: string;
  itemsField: string;
};
export type PaginationStyle = TokenStyle | OffsetTotalStyle | OffsetHasMoreStyle;

type Query = Record<string, unknown>;

/**
 * One paging style's code: given a page body with `count` items and the query that fetched it,
 * the next page's query, or undefined after the last page. `stop` fails the walk; `seen` is the
 * walk's own set of page tokens.
 */
export type PageStep<S extends PaginationStyle> = (
  style: S,
  body: unknown,
  query: Query,
  count: number,
  stop: (message: string) => never,
  seen: Set<string>,
) => Query | undefined;

/**
 * A list operation's paging: its declaration, the name of its resource (`client.<resource>.list()`)
 * and the code of its style (`step`).
 */
export type Paged<S extends PaginationStyle> = S & { resource: string; step: PageStep<S> };

/**
 * Every list operation's paging, by path: generated from the spec's `x-scanapis-pagination`, each
 * with its resource and the step of its style, so a bundle holds only the steps its operations use.
 */
export type PaginationMeta = Record<
  string,
  Paged<TokenStyle> | Paged<OffsetTotalStyle> | Paged<OffsetHasMoreStyle>
>;

/** A next-page token in the body; an empty or missing one ends the walk, a repeated one or one that is not a string is an error. */
export const tokenPaging: PageStep<TokenStyle> = (style, body, query, _count, stop, seen) => {
  const next = field(body, style.nextTokenField);
  if (next == null || next === '') return undefined;
  if (typeof next !== 'string') return stop(`${style.nextTokenField} is not a string`);
  if (seen.has(next)) stop('a repeated page token');
  seen.add(next);
  return { ...query, [style.tokenParam]: next };
};

/** An offset, ended by the body's total (or by an empty page); a total that is not a number is an error. */
export const offsetTotalPaging: PageStep<OffsetTotalStyle> = (style, body, query, count, stop) => {
  const total = field(body, style.totalField);
  if (typeof total !== 'number') stop(`${style.totalField} is not a number`);
  const offset = Number(query[style.offsetParam] ?? 0) + count;
  return count > 0 && offset < (total as number) ? { ...query, [style.offsetParam]: offset } : undefined;
};

/** An offset, while the body says more pages follow; an empty page that says so is an error. */
export const offsetHasMorePaging: PageStep<OffsetHasMoreStyle> = (style, body, query, count, stop) => {
  if (field(body, style.hasMoreField) !== true) return undefined;
  if (count === 0) stop('an empty page that says more follow');
  return { ...query, [style.offsetParam]: Number(query[style.offsetParam] ?? 0) + count };
};

/**
 * Reads a dotted field (`pagination.hasMore`) from a page body (a JSON object: the runtime refuses
 * any other 2xx body); undefined past a missing or null one.
 */
export const field = (body: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], body);

/** Fetches one page: its body and response, or throws the call's `ScanApiError`. */
export type GetPage = (
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; response: Response }>;

/** The default `maxPages`. */
export const MAX_PAGES = 1000;

export interface PagesOptions {
  /** Fail when the server has more pages than this, so one that never ends cannot loop forever (default 1000). */
  maxPages?: number;
}

/**
 * Walks every page of a list operation with its style's `step`, yielding each page body (or, with
 * `items`, each item of each page). Holds one
 * page at a time. A `pagination` error ends the walk when the server pages wrongly: a repeated
 * token, a page that makes no progress, items that are not an array, more items than the page
 * size asked for, a page whose items repeat the previous page's (a server that ignores the
 * offset or token), or more than `maxPages` pages.
 */
export async function* walkPages<S extends PaginationStyle>(
  get: GetPage,
  path: string,
  style: Paged<S>,
  { maxPages, ...init }: Record<string, unknown> & PagesOptions = {},
  /** The first page, when the caller has it already (a resource method's page promise). */
  first?: () => ReturnType<GetPage>,
  /** Yield the items of each page instead of its body. */
  items?: boolean,
): AsyncGenerator<unknown, void, undefined> {
  const params = (init.params ?? {}) as Record<string, unknown>;
  let query: Query | undefined = { ...(params.query as Query | undefined) };
  const max = maxPages || MAX_PAGES;
  const seen = new Set<string>();
  let previous: string | undefined;
  for (let page = 1; query; page++) {
    const result = await (page === 1 && first
      ? first()
      : get(path, { ...init, params: { ...params, query } }));
    const body = result.data;
    const stop: (message: string) => never = (message) => {
      throw new ScanApiError(
        { kind: 'pagination', method: 'GET', url: result.response.url || path },
        `page ${page}: ${message}`,
      );
    };
    const list = field(body, style.itemsField) ?? [];
    if (!Array.isArray(list)) stop(`${style.itemsField} is not an array`);
    const size = Number(query[(style as OffsetTotalStyle).limitParam ?? (style as TokenStyle).pageSizeParam]);
    if (list.length > size) stop(`more than the ${size} items asked for`);
    const key = JSON.stringify(list);
    if (list.length && key === previous) stop('the same items as the page before');
    previous = key;
    yield* items ? list : [body];
    query = style.step(style, body, query, list.length, stop, seen);
    if (query && page >= max) stop(`more than ${max} pages: giving up`);
  }
}
