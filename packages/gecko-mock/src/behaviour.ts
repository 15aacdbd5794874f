import {
  createRateLimiter,
  type Dialect,
  type Handler,
  type MockRequest,
  pageCache,
} from '@scanapis/mock-kit';
import { createScanDataset, type Scan, type ScanDataset } from './data.js';
import {
  forbidden,
  freshRateLimitHeaders,
  geckoDialect,
  geckoError,
  identify,
  RATE_LIMIT_WINDOW_MS,
  SCANS_READ,
} from './dialect.js';

export { RATE_LIMIT_WINDOW_MS } from './dialect.js';

/** Gecko's limit: 1,000 requests per hour per API key. */
export const DEFAULT_RATE_LIMIT = 1000;
/** `limit` when the request sends none (the spec's default). */
export const DEFAULT_LIMIT = 100;

export interface BehaviourOptions {
  seed?: number;
  size?: number;
  /** Requests per hour per key (default 1,000, Gecko's). */
  rateLimit?: number;
  /** The clock (tests). */
  now?: () => number;
}

/**
 * A filter parameter as the handler applies and echoes it. One rule for `status` and `language`:
 * the whole value, compared case-insensitively (`typescript`, `TypeScript` and `TYPESCRIPT` all
 * match `TypeScript`), no trimming, no substring; a scan whose field is `null` matches no filter.
 * An empty value (`?status=`) is no filter, echoed as `null` (absent or empty → undefined).
 */
const filterParam = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** A dataset view over scans held as an array (what `listScansHandler` was first given). */
function datasetOf(scans: readonly Scan[]): ScanDataset {
  const statusCodes = [...new Set(scans.map((s) => s.status))];
  const languageCodes = [...new Set(scans.map((s) => s.programmingLanguage))];
  return {
    seed: Number.NaN,
    size: scans.length,
    at: (index) => scans[index]!,
    statusOf: Uint8Array.from(scans, (s) => statusCodes.indexOf(s.status)),
    languageOf: Uint8Array.from(scans, (s) => languageCodes.indexOf(s.programmingLanguage)),
    statusCodes,
    languageCodes,
  };
}

/**
 * Which scans match a filter: for each code a dataset stores, whether a filter value selects it
 * (the whole value, case-insensitively). `undefined` when the filter is off.
 */
function selectedCodes(codes: ReadonlyArray<string | null>, want: string | undefined): boolean[] | undefined {
  if (want === undefined) return undefined;
  return codes.map((code) => code !== null && code.toLowerCase() === want);
}

/**
 * `GET /api/v1/scans` over a dataset, newest first (`createdAt` descending; the dataset's
 * creation times are distinct): `status` and `language` filters (see `filterParam`), `limit`
 * (default 100) and `offset` (default 0) paging, `pagination.total` = every matching scan,
 * `hasMore` = scans follow this page, an `offset` past the end → empty `data`.
 *
 * A page costs the same at any depth of any dataset: the scans a filter selects are listed once
 * (by the codes of the dataset's statuses and languages, so there are a bounded number of lists),
 * on the filter's first request, and a page is a slice of that list.
 */
export function listScansHandler(scans: ScanDataset | readonly Scan[]): Handler {
  const given = !('at' in scans && !Array.isArray(scans));
  const dataset = given ? datasetOf(scans as Scan[]) : (scans as ScanDataset);
  const { size, statusOf, languageOf } = dataset;
  const lists = new Map<string, Int32Array>();
  /** The indexes of the scans whose status and language codes are selected, in dataset order. */
  const matching = (
    wantStatus: string | undefined,
    wantLanguage: string | undefined,
  ): Int32Array | undefined => {
    const statuses = selectedCodes(dataset.statusCodes, wantStatus);
    const languages = selectedCodes(dataset.languageCodes, wantLanguage);
    if (!statuses && !languages) return undefined;
    // The key is what the filter selects, so any spelling of a value shares one list.
    const key = `${statuses?.map(Number).join('') ?? '*'}|${languages?.map(Number).join('') ?? '*'}`;
    let list = lists.get(key);
    if (!list) {
      const picked = new Int32Array(size);
      let n = 0;
      for (let i = 0; i < size; i++) {
        if ((!statuses || statuses[statusOf[i]!]) && (!languages || languages[languageOf[i]!]))
          picked[n++] = i;
      }
      list = picked.slice(0, n);
      lists.set(key, list);
    }
    return list;
  };
  // The same page asked again (the same filter values as sent, offset and limit) is the same
  // frozen body: encoded and checked once. Scans given as an array are the caller's (not frozen,
  // may change): their pages are made afresh.
  const pages = given ? (_: string, make: () => object) => make() : pageCache<object>();
  return (req) => {
    const status = filterParam(req.params.status);
    const language = filterParam(req.params.language);
    const limit = (req.params.limit as number | undefined) ?? DEFAULT_LIMIT;
    const offset = (req.params.offset as number | undefined) ?? 0;
    const key = JSON.stringify([offset, limit, status ?? null, language ?? null]);
    return { status: 200, body: pages(key, () => page(status, language, limit, offset)) };
  };

  function page(status: string | undefined, language: string | undefined, limit: number, offset: number) {
    const list = matching(status?.toLowerCase(), language?.toLowerCase());
    const total = list ? list.length : size;
    const data: Scan[] = [];
    for (let k = offset, end = Math.min(total, offset + limit); k < end; k++)
      data.push(dataset.at(list ? list[k]! : k));
    return {
      version: 'v1',
      data,
      pagination: {
        total,
        limit,
        offset,
        hasMore: offset + data.length < total,
      },
      filters: { status: status ?? null, language: language ?? null },
    };
  }
}

/** What a counted request left: set by `authenticate`, sent by `commonHeaders`. */
interface Quota {
  remaining: number;
  resetAt: number;
}

/**
 * The behavioural mock's pieces: the dataset, the handler over it, and Gecko's dialect with the
 * per-key rate limit.
 *
 * The order of the checks, and what counts against the limit:
 * 1. the key: missing / not `gk_…` / unknown → 401 (not counted: there is no key to count against);
 * 2. the key is known → the request counts, whatever comes next: past the limit → 429
 *    `Rate limit exceeded` with `Retry-After` (seconds until the window resets);
 * 3. no `scans.read` → 403; 4. a parameter that breaks the spec → 400; 5. the page → 200.
 *
 * Every answer from step 2 on (200, 400, 403, 429) carries `X-RateLimit-Remaining` and
 * `X-RateLimit-Reset` (ISO 8601). Routing errors (404/405) and answers replaced by a fault
 * (`x-scanapis-fault`, `/__scanapis/faults`) come before the key is read and are not counted.
 * `onReset` (`POST /__scanapis/reset`) clears every key's window.
 */
export function createBehaviour(options: BehaviourOptions = {}) {
  const now = options.now ?? Date.now;
  const limiter = createRateLimiter({
    limit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    windowMs: RATE_LIMIT_WINDOW_MS,
    now,
  });
  // Where the request's key stands, kept on the request itself (under this instance's own symbol)
  // for its headers: a WeakMap entry per request made every young-generation GC slower.
  const QUOTA = Symbol('quota');
  type Counted = MockRequest & { [QUOTA]?: Quota };
  const dataset = createScanDataset({
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.size !== undefined ? { size: options.size } : {}),
  });

  let lastReset = Number.NaN;
  let lastResetText = '';
  const dialect: Dialect = {
    ...geckoDialect,
    authenticate(req) {
      const who = identify(req);
      if ('status' in who) return who;
      const hit = limiter.hit(who.key);
      (req as Counted)[QUOTA] = hit;
      if (!hit.allowed) {
        const seconds = Math.max(1, Math.ceil((hit.resetAt - now()) / 1000));
        return { ...geckoError(429, 'Rate limit exceeded'), headers: { 'retry-after': String(seconds) } };
      }
      return who.permissions.includes(SCANS_READ) ? undefined : forbidden();
    },
    /** A fault's example headers say where this key's window really stands (a fresh one for an unknown key). */
    finish(reply, req) {
      return freshRateLimitHeaders(reply, now(), () => {
        const who = identify(req);
        return 'key' in who ? limiter.peek(who.key).resetAt : undefined;
      });
    },
    commonHeaders(req): Record<string, string> {
      const quota = (req as Counted)[QUOTA];
      if (!quota) return {};
      // A window's reset instant is the same for every request in it: format it once per window.
      if (quota.resetAt !== lastReset) {
        lastReset = quota.resetAt;
        lastResetText = new Date(lastReset).toISOString();
      }
      return {
        'x-ratelimit-remaining': String(quota.remaining),
        'x-ratelimit-reset': lastResetText,
      };
    },
  };

  return {
    /** The scans, derived on demand (`dataset.at(i)`). */
    dataset,
    dialect,
    handler: listScansHandler(dataset),
    /** Clears every key's rate-limit window. */
    onReset: () => limiter.reset(),
  };
}
