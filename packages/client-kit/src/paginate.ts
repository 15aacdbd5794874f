import { ScanApiError, safeUrl } from './errors.js';

/** How an operation pages, declared once in its spec (`x-scanapis-pagination`) and generated. */
export type PaginationStyle =
  | { style: 'token'; pageSizeParam: string; tokenParam: string; nextTokenField: string; itemsField: string }
  | { style: 'offset-total'; offsetParam: string; limitParam: string; totalField: string; itemsField: string }
  | {
      style: 'offset-has-more';
      offsetParam: string;
      limitParam: string;
      hasMoreField: string;
      itemsField: string;
    };

export type PaginationMeta = Record<string, PaginationStyle>;

/** Reads a dotted field (`pagination.hasMore`) from a page body. */
export function field(body: unknown, path: string): unknown {
  let node = body;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

type Get = (
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

export interface PagesOptions {
  /** Fail after this many pages, so a server that never ends cannot loop forever (default 100 000). */
  maxPages?: number;
}

/**
 * Walks every page of a list operation by its declared style, yielding each page body. Holds one
 * page at a time; a repeated token, a page that makes no progress or too many pages is an error.
 */
export async function* walkPages(
  get: Get,
  fail: (path: string, result: { error?: unknown; response: Response }) => never,
  path: string,
  style: PaginationStyle,
  init: Record<string, unknown> = {},
  options: PagesOptions = {},
): AsyncGenerator<unknown, void, undefined> {
  const maxPages = options.maxPages ?? 100_000;
  const params = (init.params ?? {}) as Record<string, unknown>;
  let query = { ...(params.query as Record<string, unknown> | undefined) };
  const seenTokens = new Set<string>();
  const stop = (message: string, response: Response): never => {
    throw new ScanApiError(
      { kind: 'pagination', method: 'GET', url: safeUrl(response.url || path) },
      message,
    );
  };
  for (let page = 1; ; page++) {
    const result = await get(path, { ...init, params: { ...params, query } });
    if (result.error !== undefined || !result.response.ok) fail(path, result);
    const body = result.data;
    yield body;
    const items = field(body, style.itemsField);
    const count = Array.isArray(items) ? items.length : 0;
    if (page >= maxPages) stop(`more than ${maxPages} pages: giving up`, result.response);
    if (style.style === 'token') {
      const next = field(body, style.nextTokenField);
      if (typeof next !== 'string' || next === '') return;
      if (seenTokens.has(next))
        stop(`the server repeated page token ${JSON.stringify(next.slice(0, 40))}`, result.response);
      seenTokens.add(next);
      query = { ...query, [style.tokenParam]: next };
    } else {
      const offset = Number(query[style.offsetParam] ?? 0) + count;
      if (style.style === 'offset-total') {
        const total = Number(field(body, style.totalField));
        if (count === 0 || !(offset < total)) return;
      } else {
        if (field(body, style.hasMoreField) !== true) return;
        if (count === 0) stop('the server says more pages follow but sent an empty page', result.response);
      }
      query = { ...query, [style.offsetParam]: offset };
    }
  }
}
