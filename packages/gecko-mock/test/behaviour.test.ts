import {
  type CallResult,
  call,
  expectConforms,
  type MockTarget,
  mockUrl,
  resolveTarget,
  runMockSize,
  send,
  startMockTarget,
} from '@scanapis/contract-kit';
import { CONTROL_PREFIX } from '@scanapis/mock-kit';
import { createAjv, listOperations, loadSpec } from '@scanapis/spec-tools';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  RATE_LIMIT_WINDOW_MS,
  type Scan,
  specFile,
  TEST_API_KEY,
  TEST_API_KEY_WITHOUT_SCANS_READ,
} from '../src/index.js';

/*
 * Behaviour of `GET /api/v1/scans`, written as invariants over whatever data the target holds, so
 * the same file runs against the mock (the default) and, read-only, against the live API:
 *   SCANAPIS_TARGET=live GECKO_API_KEY=gk_… [GECKO_BASE_URL=…] vitest run test/behaviour.test.ts
 * A live run without GECKO_API_KEY is reported as not run, with the reason, and fails nothing.
 * The auth and rate-limit sequences, dataset determinism and --size are mock-only.
 */
const target = resolveTarget('gecko', ['GECKO_API_KEY']);
const onMock = target.mode === 'mock';
const baseUrl = (): string =>
  onMock ? mockUrl() : (process.env.GECKO_BASE_URL ?? 'https://app.gecko.security').replace(/\/$/, '');
const apiKey = onMock ? TEST_API_KEY : (target.env.GECKO_API_KEY ?? '');
const title = (what: string) => (target.notRun ? `${what} — ${target.notRun}` : `${what} (${target.mode})`);
const mockOnly = (what: string) =>
  onMock ? `${what} (mock)` : `${what} — NOT RUN on live: the mock's own behaviour (test keys, its limit)`;

/** Scans of the run-wide mock: the run's SCANAPIS_MOCK_SIZE, else the default. */
const RUN_SIZE = runMockSize() ?? DEFAULT_SIZE;

const operation = listOperations(loadSpec(specFile)).find((op) => op.operationId === 'getApiV1Scans')!;
const ajv = createAjv();

interface Page {
  version: 'v1';
  data: Scan[];
  pagination: { total: number; limit: number; offset: number; hasMore: boolean };
  filters: { status: string | null; language: string | null };
}
type Query = Record<string, string>;

/** One request; every answer must conform to the spec for its status. */
async function get(query: Query = {}, key: string | null = apiKey, url = baseUrl()): Promise<CallResult> {
  const res = await call(url, operation, { query, headers: key === null ? {} : { 'X-API-Key': key } });
  expectConforms(operation, res, ajv);
  return res;
}

async function page(query: Query, url?: string): Promise<Page> {
  const res = await get(query, apiKey, url);
  expect(res.status, res.text.slice(0, 300)).toBe(200);
  return res.body as Page;
}

/**
 * Walks every page of a query with one page size, checking each page on the way: `limit` and
 * `offset` as sent, the same `total` throughout, full pages until the last, `hasMore` true on
 * every page but the last, false on it.
 */
async function walk(query: Query, limit: number): Promise<{ items: Scan[]; total: number; pages: number }> {
  const items: Scan[] = [];
  let total: number | undefined;
  for (let offset = 0, pages = 1; ; pages++) {
    const p = await page({ ...query, limit: String(limit), offset: String(offset) });
    total ??= p.pagination.total;
    const where = `${JSON.stringify(query)} limit=${limit} offset=${offset}`;
    expect(p.pagination, where).toEqual({ total, limit, offset, hasMore: offset + p.data.length < total });
    expect(p.data.length, where).toBe(Math.max(0, Math.min(limit, total - offset)));
    items.push(...p.data);
    if (!p.pagination.hasMore) {
      expect(pages, `${where}: pages`).toBe(Math.max(1, Math.ceil(total / limit)));
      return { items, total, pages };
    }
    expect(p.data.length, `${where}: hasMore with an empty page`).toBeGreaterThan(0);
    offset += p.data.length;
    if (pages > 5_000) throw new Error(`${where}: more than 5000 pages`);
  }
}

const ids = (scans: readonly Scan[]) => scans.map((s) => s.id);
const sameText = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();
const distinct = <T>(values: Iterable<T>) => [...new Set(values)];

/** The whole unfiltered collection, read once with the largest page (the reference for the rest). */
let all: Scan[] = [];

describe.skipIf(target.notRun !== undefined)(title('Gecko GET /api/v1/scans: invariants'), () => {
  beforeAll(async () => {
    all = (await walk({}, 1000)).items;
  });

  describe('walking every page', () => {
    /**
     * Page sizes that keep a walk short on a large live account (its limit is 1,000 requests an
     * hour) and on a large mock (SCANAPIS_MOCK_SIZE): among them always the smallest whose walk
     * fits the budget, and one more (a short last page), so there are two at any size.
     */
    const pageSizes = () => {
      const budget = onMock ? 200 : 20;
      const fits = Math.ceil(all.length / budget);
      const sizes = [1, 7, 50, 100, fits, fits + 1, Math.ceil(all.length / 3), all.length, 1000];
      return distinct(sizes.filter((n) => n >= 1 && n <= 1000 && Math.ceil(all.length / n) <= budget));
    };

    it('yields each scan exactly once, as many as pagination.total, in the same order, whatever the page size', async () => {
      const sizes = pageSizes();
      expect(sizes.length).toBeGreaterThan(1);
      for (const limit of sizes) {
        const { items, total } = await walk({}, limit);
        expect(items.length, `limit=${limit}`).toBe(total);
        expect(new Set(ids(items)).size, `limit=${limit}: duplicates`).toBe(items.length);
        expect(ids(items), `limit=${limit}: same scans, same order as limit=1000`).toEqual(ids(all));
      }
    });

    it('orders newest first: createdAt never increases from one scan to the next', () => {
      const times = all.map((s) => Date.parse(s.createdAt));
      const outOfOrder = times.findIndex((t, i) => i > 0 && t > times[i - 1]!);
      expect(
        outOfOrder,
        outOfOrder >= 0 ? `${all[outOfOrder - 1]?.createdAt} then ${all[outOfOrder]?.createdAt}` : '',
      ).toBe(-1);
    });

    it.each([
      ['no limit: the default 100 from offset 0', { given: {}, want: { limit: 100, offset: 0 } }],
      ['offset exactly at the end', { given: { offset: 'END' }, want: { limit: 100, offset: 'END' } }],
      ['offset past the end', { given: { offset: 'END+10' }, want: { limit: 100, offset: 'END+10' } }],
    ] as const)('%s', async (_, { given, want }) => {
      const end = (v: string | number) => (v === 'END' ? all.length : v === 'END+10' ? all.length + 10 : v);
      const query: Query = 'offset' in given ? { offset: String(end(given.offset)) } : {};
      const p = await page(query);
      const offset = Number(end(want.offset));
      expect(p.pagination).toEqual({
        total: all.length,
        limit: want.limit,
        offset,
        hasMore: offset + want.limit < all.length,
      });
      expect(ids(p.data)).toEqual(ids(all.slice(offset, offset + want.limit)));
    });
  });

  describe('filters return only matching scans, miss none, and are echoed as sent', () => {
    type Filter = { status?: string; language?: string };
    const statuses = () => distinct(all.map((s) => s.status).filter((s): s is string => s !== null));
    const languages = () =>
      distinct(all.map((s) => s.programmingLanguage).filter((l): l is string => l !== null));
    const first = () => all.find((s) => s.status !== null && s.programmingLanguage !== null);
    it.each<[string, { given: () => Filter[] }]>([
      ['each status in the data', { given: () => statuses().map((status) => ({ status })) }],
      ['each language in the data', { given: () => languages().map((language) => ({ language })) }],
      [
        'a language in lower case (the seed: typescript → TypeScript)',
        { given: () => languages().map((l) => ({ language: l.toLowerCase() })) },
      ],
      [
        'a language in upper case',
        {
          given: () =>
            languages()
              .slice(0, 3)
              .map((l) => ({ language: l.toUpperCase() })),
        },
      ],
      [
        'status and language together',
        {
          given: () => {
            const s = first();
            return s ? [{ status: s.status!, language: s.programmingLanguage! }] : [];
          },
        },
      ],
      ['values no scan has', { given: () => [{ status: 'no-such-status' }, { language: 'NoSuchLanguage' }] }],
    ])('%s', async (_, { given }) => {
      for (const filter of given()) {
        const want = all.filter(
          (s) =>
            (filter.status === undefined || sameText(s.status, filter.status)) &&
            (filter.language === undefined || sameText(s.programmingLanguage, filter.language)),
        );
        const { items, total } = await walk(filter, 1000);
        const where = JSON.stringify(filter);
        expect(total, where).toBe(want.length);
        expect(ids(items), `${where}: the matching scans of the unfiltered walk, in its order`).toEqual(
          ids(want),
        );
        const p = await page({ ...filter, limit: '1' });
        expect(p.filters, `${where}: echoed`).toEqual({
          status: filter.status ?? null,
          language: filter.language ?? null,
        });
      }
    });

    it('filters are null when none is sent', async () => {
      expect((await page({ limit: '1' })).filters).toEqual({ status: null, language: null });
    });
  });

  describe('every authenticated answer carries the rate-limit headers', () => {
    it.each([
      ['a 200', { given: {}, want: 200 }],
      ['a 400', { given: { limit: '5000' }, want: 400 }],
    ])('%s', async (_, { given, want }) => {
      const res = await get(given);
      expect(res.status).toBe(want);
      const remaining = res.headers.get('x-ratelimit-remaining');
      const reset = Date.parse(res.headers.get('x-ratelimit-reset') ?? '');
      expect(remaining).toMatch(/^\d+$/);
      expect(reset - Date.now()).toBeGreaterThan(-5_000);
      expect(reset - Date.now()).toBeLessThanOrEqual(RATE_LIMIT_WINDOW_MS + 5_000);
    });
  });

  describe('bad parameters are refused with Gecko error bodies', () => {
    it.each([
      [
        'limit above 1000 (the seed’s own 400)',
        { given: { limit: '5000' }, want: { error: 'Limit cannot exceed 1000' } },
      ],
      ['limit 0', { given: { limit: '0' }, want: undefined }],
      ['limit not a number', { given: { limit: 'abc' }, want: undefined }],
      ['offset below 0', { given: { offset: '-1' }, want: undefined }],
      ['offset a fraction', { given: { offset: '1.5' }, want: undefined }],
    ])('%s', async (_, { given, want }) => {
      const res = await get(given);
      expect(res.status, res.text).toBe(400);
      // The body conforms to ErrorResponse (checked by `get`); the seed gives the exact words for one.
      if (want) expect(res.body).toEqual(want);
      else expect((res.body as { error: string }).error).toMatch(/limit|offset/i);
    });
  });
});

describe.skipIf(!onMock)(mockOnly('Gecko mock: filter case, auth, rate limit, dataset'), () => {
  it.each([
    ['status in upper case', { given: 'COMPLETED', want: 'completed' }],
    ['status in mixed case', { given: 'Failed', want: 'failed' }],
  ])('%s matches case-insensitively, like language', async (_, { given, want }) => {
    const p = await page({ status: given, limit: '1000' });
    expect(p.pagination.total).toBeGreaterThan(0);
    expect(p.data.every((s) => s.status === want)).toBe(true);
    expect(p.filters.status).toBe(given);
  });

  it.each([
    [
      'an empty status is no filter, echoed as null',
      { given: { status: '' }, want: { status: null, language: null } },
    ],
    ['an empty language likewise', { given: { language: '' }, want: { status: null, language: null } }],
  ])('%s', async (_, { given, want }) => {
    const p = await page({ ...given, limit: '1' });
    expect(p.filters).toEqual(want);
    expect(p.pagination.total).toBeGreaterThan(1);
  });

  describe('the auth sequence', () => {
    it.each([
      ['no key', { given: null, want: { status: 401, error: 'API key is required', limited: false } }],
      [
        'a key without gk_',
        { given: 'sk_live_1', want: { status: 401, error: 'Invalid API key format', limited: false } },
      ],
      [
        'an unknown gk_ key',
        { given: 'gk_unknown', want: { status: 401, error: 'Invalid API key', limited: false } },
      ],
      [
        'a known key without scans.read',
        {
          given: TEST_API_KEY_WITHOUT_SCANS_READ,
          want: { status: 403, error: 'API key lacks scans.read permission', limited: true },
        },
      ],
      ['the documented key', { given: TEST_API_KEY, want: { status: 200, error: undefined, limited: true } }],
    ])('%s', async (_, { given, want }) => {
      const res = await get({ limit: '1' }, given);
      expect(res.status).toBe(want.status);
      expect((res.body as { error?: string }).error).toBe(want.error);
      expect(res.headers.has('x-ratelimit-remaining')).toBe(want.limited);
      expect(res.headers.has('x-ratelimit-reset')).toBe(want.limited);
    });
  });

  describe('the rate-limit sequence (a mock of its own, rateLimit: 3)', () => {
    let limited: MockTarget;
    beforeAll(async () => {
      limited = await startMockTarget({ rateLimit: 3 });
    });
    afterAll(() => limited.close());

    type Step = { key?: string | null; query?: Query; want: { status: number; remaining?: number } };
    const reset = async () => {
      const res = await send(new URL(`${limited.url}${CONTROL_PREFIX}reset`), 'POST', {
        'content-type': 'application/json',
      });
      expect(res.status).toBe(200);
    };
    it.each<[string, { given: Step[] }]>([
      [
        'headers count down 2, 1, 0, then 429 with Retry-After',
        {
          given: [
            { want: { status: 200, remaining: 2 } },
            { want: { status: 200, remaining: 1 } },
            { want: { status: 200, remaining: 0 } },
            { want: { status: 429, remaining: 0 } },
            { want: { status: 429, remaining: 0 } },
          ],
        },
      ],
      [
        '400 and 403 count against their key; 401 counts against nothing',
        {
          given: [
            { query: { limit: '5000' }, want: { status: 400, remaining: 2 } },
            { key: 'gk_unknown', want: { status: 401 } },
            { key: null, want: { status: 401 } },
            { key: TEST_API_KEY_WITHOUT_SCANS_READ, want: { status: 403, remaining: 2 } },
            { want: { status: 200, remaining: 1 } },
            { key: TEST_API_KEY_WITHOUT_SCANS_READ, want: { status: 403, remaining: 1 } },
          ],
        },
      ],
      [
        'each key has its own window; past it, even the key without scans.read gets 429',
        {
          given: [
            ...[2, 1, 0].map((remaining) => ({
              key: TEST_API_KEY_WITHOUT_SCANS_READ,
              want: { status: 403, remaining },
            })),
            { key: TEST_API_KEY_WITHOUT_SCANS_READ, want: { status: 429, remaining: 0 } },
            { want: { status: 200, remaining: 2 } },
          ],
        },
      ],
    ])('%s (after POST /__scanapis/reset)', async (_, { given }) => {
      await reset();
      let resetAt: string | null = null;
      for (const [i, step] of given.entries()) {
        const res = await get(
          step.query ?? {},
          step.key === undefined ? TEST_API_KEY : step.key,
          limited.url,
        );
        const where = `step ${i + 1}: ${res.status} ${res.text.slice(0, 100)}`;
        expect(res.status, where).toBe(step.want.status);
        if (step.want.remaining === undefined) {
          expect(res.headers.has('x-ratelimit-remaining'), where).toBe(false);
          continue;
        }
        expect(res.headers.get('x-ratelimit-remaining'), where).toBe(String(step.want.remaining));
        const reset = res.headers.get('x-ratelimit-reset');
        expect(Date.parse(reset ?? '') - Date.now(), where).toBeGreaterThan(RATE_LIMIT_WINDOW_MS - 60_000);
        if (step.key === undefined) {
          resetAt ??= reset;
          expect(reset, `${where}: one window`).toBe(resetAt);
        }
        if (step.want.status === 429) {
          expect(res.body).toEqual({ error: 'Rate limit exceeded' });
          const retryAfter = Number(res.headers.get('retry-after'));
          expect(retryAfter, where).toBeGreaterThan(0);
          expect(retryAfter, where).toBeLessThanOrEqual(RATE_LIMIT_WINDOW_MS / 1000);
        }
      }
    });

    it('POST /__scanapis/reset restores the full limit', async () => {
      for (let i = 0; i < 4; i++) await get({}, TEST_API_KEY, limited.url);
      expect((await get({}, TEST_API_KEY, limited.url)).status).toBe(429);
      await reset();
      const res = await get({}, TEST_API_KEY, limited.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-remaining')).toBe('2');
    });
  });

  describe('the dataset', () => {
    const firstPage = async (options: { seed?: number; size?: number }) => {
      const mock = await startMockTarget(options);
      try {
        return await page({ limit: '1000' }, mock.url);
      } finally {
        await mock.close();
      }
    };

    it.each([
      ['the same seed twice → the same scans', { given: [42, 42], want: true }],
      ['another seed → other scans', { given: [42, 43], want: false }],
    ] as const)('%s', async (_, { given, want }) => {
      const [a, b] = await Promise.all(given.map((seed) => firstPage({ seed })));
      expect(a!.pagination.total).toBe(123);
      expect(JSON.stringify(a) === JSON.stringify(b)).toBe(want);
    });

    it.each([
      ['size 17', { given: 17, want: 17 }],
      ['size 1', { given: 1, want: 1 }],
      ['size 0: an empty list', { given: 0, want: 0 }],
    ])('--size is honoured: %s', async (_, { given, want }) => {
      const p = await firstPage({ size: given });
      expect(p.pagination).toEqual({ total: want, limit: 1000, offset: 0, hasMore: false });
      expect(p.data).toHaveLength(want);
    });

    it(`the run-wide mock serves the run's dataset: ${RUN_SIZE} scans (SCANAPIS_MOCK_SIZE, else the default ${DEFAULT_SIZE})`, async () => {
      expect((await page({ limit: '1' })).pagination.total).toBe(RUN_SIZE);
    });
  });
});
