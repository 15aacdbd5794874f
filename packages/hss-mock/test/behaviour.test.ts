import {
  type CallResult,
  type MockTarget,
  mockUrl,
  resolveTarget,
  runMockSize,
  send,
  startMockTarget,
} from '@scanapis/contract-kit';
import { signRequest } from '@scanapis/huawei-signer';
import { createRandom } from '@scanapis/mock-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALL_ENTERPRISE_PROJECTS,
  DEFAULT_ENTERPRISE_PROJECT,
  DEFAULT_SEED,
  DEFAULT_SIZE,
  ENTERPRISE_PROJECTS,
  IMAGE_TYPES,
  type RegistryImagesInfo,
  SEVERITY_LEVELS,
  type StartMockOptions,
  TEST_ACCESS_KEY,
  TEST_PROJECT_ID,
  TEST_SECRET_KEY,
  TEST_TOKEN,
} from '../src/index.js';

// Invariants of ListRegistryImages over whatever images the target holds, so the same file runs
// against the live service: SCANAPIS_TARGET=live HSS_REGION=… HSS_PROJECT_ID=… HSS_AK=… HSS_SK=…
// (read-only: GET requests only, AK/SK-signed). Without those variables a live run is reported as
// not run. HSS_BASE_URL (optional) replaces https://hss.<region>.myhuaweicloud.com, e.g. to run
// the live path against a mock started with `hss-mock`.
const target = resolveTarget('hss', ['HSS_REGION', 'HSS_PROJECT_ID', 'HSS_AK', 'HSS_SK']);
const live = target.mode === 'live';
const notRun = target.notRun;
const TARGET = live ? `live HSS ${target.env.HSS_REGION ?? ''}` : 'the behavioural mock';
const MOCK_ONLY = live ? ' (mock only: skipped on a live run, it needs the mock’s own data and keys)' : '';

/** Images of the run-wide mock: the run's SCANAPIS_MOCK_SIZE, else the default. */
const RUN_SIZE = runMockSize() ?? DEFAULT_SIZE;

type Image = RegistryImagesInfo;
type Query = Record<string, string | number | boolean>;
interface Page {
  total_num: number;
  data_list?: Image[];
}
type Auth = { token: string } | { accessKey: string; secretKey: string } | 'none';

const baseUrl = (): string =>
  live ? (process.env.HSS_BASE_URL ?? `https://hss.${target.env.HSS_REGION}.myhuaweicloud.com`) : mockUrl();
const projectId = (): string => (live ? target.env.HSS_PROJECT_ID! : TEST_PROJECT_ID);
const defaultAuth = (): Auth =>
  live ? { accessKey: target.env.HSS_AK!, secretKey: target.env.HSS_SK! } : { token: TEST_TOKEN };

/** One ListRegistryImages request. */
async function list(
  query: Query,
  options: { base?: string; auth?: Auth; project?: string } = {},
): Promise<CallResult> {
  const url = new URL(
    `${options.base ?? baseUrl()}/v5/${encodeURIComponent(options.project ?? projectId())}/image/registries/images`,
  );
  for (const [name, value] of Object.entries(query)) url.searchParams.append(name, String(value));
  const auth = options.auth ?? defaultAuth();
  const headers =
    auth === 'none'
      ? {}
      : 'token' in auth
        ? { 'X-Auth-Token': auth.token }
        : await signRequest({ method: 'GET', url, headers: {} }, auth);
  return send(url, 'GET', headers);
}

async function page(query: Query, options: Parameters<typeof list>[1] = {}): Promise<Page> {
  const res = await list(query, options);
  expect(res.status, `${JSON.stringify(query)}: ${res.text.slice(0, 300)}`).toBe(200);
  return res.body as Page;
}

/**
 * Every page of a query, `limit` at a time (the default 10 when undefined): each page but the
 * last is full, the last holds the rest, every page reports the same `total_num`.
 */
async function walk(query: Query, limit?: number): Promise<{ items: Image[]; total: number }> {
  const size = limit ?? 10;
  const items: Image[] = [];
  let total: number | undefined;
  for (let offset = 0; total === undefined || offset < total; offset += size) {
    const body = await page({ ...query, ...(limit ? { limit } : {}), ...(offset ? { offset } : {}) });
    total ??= body.total_num;
    expect(body.total_num, `total_num at offset ${offset}`).toBe(total);
    const got = body.data_list ?? [];
    expect(got.length, `page at offset ${offset} of ${total}`).toBe(Math.min(size, total - offset));
    items.push(...got);
  }
  return { items, total: total ?? 0 };
}

const ids = (images: readonly Image[]) => images.map((i) => i.id);
const sortedIds = (images: readonly Image[]) => ids(images).sort((a, b) => (a ?? 0) - (b ?? 0));

// --- The documented semantics, written out independently of the mock's code -------------------

const count = (n: number | undefined) => n ?? 0;
const risky = (i: Image) =>
  count(i.vul_num) > 0 || count(i.unsafe_setting_num) > 0 || count(i.malicious_file_num) > 0;
/** The filter's 5 values → the response's 7: `failed` also selects `download_failed` and `image_oversized`. */
const scanStatuses: Record<string, string[]> = {
  unscan: ['unscan'],
  success: ['success'],
  scanning: ['scanning'],
  failed: ['failed', 'download_failed', 'image_oversized'],
  waiting_for_scan: ['waiting_for_scan'],
};

/** The most common value of a field among the images (ties: the smallest), or `fallback`. */
function mostCommon<T extends string | number>(
  images: readonly Image[],
  get: (i: Image) => T | undefined,
  fallback: T,
): T {
  const counts = new Map<T, number>();
  for (const i of images) {
    const v = get(i);
    if (v !== undefined && v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))[0];
  return best ? best[0] : fallback;
}

/** The value at quantile q of a field's non-zero values (0 when there are none). */
function quantile(images: readonly Image[], field: keyof Image, q: number): number {
  const values = images
    .map((i) => i[field] as number | undefined)
    .filter((v): v is number => typeof v === 'number' && v > 0)
    .sort((a, b) => a - b);
  return values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;
}

const NONE = 'scanapis-no-such-value';

interface FilterCase {
  /** The query, from the unfiltered images (so it names values the target holds). */
  given: (all: readonly Image[]) => Query;
  /** What the query keeps, as documented. */
  want: (q: Query) => (i: Image) => boolean;
}

const stringFilter = (
  field: 'namespace' | 'image_name' | 'image_version' | 'registry_name' | 'instance_id' | 'instance_name',
): [string, FilterCase] => [
  `${field}=<its most common value> (exact)`,
  {
    given: (all) => ({ [field]: mostCommon(all, (i) => i[field], NONE) }),
    want: (q) => (i) => i[field] === q[field],
  },
];

const flagFilter = (param: string, has: (i: Image) => boolean): Array<[string, FilterCase]> =>
  [true, false].map((v) => [
    `${param}=${v}`,
    { given: () => ({ [param]: v }), want: () => (i) => has(i) === v },
  ]);

const timeFilters = (field: 'latest_update_time' | 'latest_scan_time' | 'latest_sync_time') => {
  const start = `start_${field}`;
  const end = `end_${field}`;
  const t = (i: Image) => count(i[field]);
  const rows: Array<[string, FilterCase]> = [
    [
      `${start}..${end}: the middle half`,
      {
        given: (all) => ({ [start]: quantile(all, field, 0.25), [end]: quantile(all, field, 0.75) }),
        want: (q) => (i) => t(i) >= Number(q[start]) && t(i) <= Number(q[end]),
      },
    ],
    [
      `${start} alone (the end is now)`,
      {
        given: (all) => ({ [start]: quantile(all, field, 0.5) }),
        want: (q) => (i) => t(i) >= Number(q[start]) && t(i) <= Date.now(),
      },
    ],
    [
      `${end} alone (the start is 0)`,
      {
        given: (all) => ({ [end]: quantile(all, field, 0.5) }),
        want: (q) => (i) => t(i) <= Number(q[end]),
      },
    ],
    [
      `${start} = ${end} = one image's time (both ends included)`,
      {
        given: (all) => {
          const at = quantile(all, field, 0.4);
          return { [start]: at, [end]: at };
        },
        want: (q) => (i) => t(i) === Number(q[start]),
      },
    ],
  ];
  return rows;
};

/** Every filter of the page, each value that matters, and what it must keep. */
const filterCases: Array<[string, FilterCase]> = [
  ...IMAGE_TYPES.map((v): [string, FilterCase] => [
    `image_type=${v}`,
    { given: () => ({ image_type: v }), want: () => (i) => i.image_type === v },
  ]),
  ...Object.keys(scanStatuses).map((v): [string, FilterCase] => [
    `scan_status=${v} (${scanStatuses[v]!.join(', ')})`,
    { given: () => ({ scan_status: v }), want: () => (i) => scanStatuses[v]!.includes(i.scan_status ?? '') },
  ]),
  ...SEVERITY_LEVELS.map((v): [string, FilterCase] => [
    `severity_level=${v}`,
    { given: () => ({ severity_level: v }), want: () => (i) => i.severity_level === v },
  ]),
  ...flagFilter('has_malicious_file', (i) => count(i.malicious_file_num) > 0),
  ...flagFilter('has_unsafe_setting', (i) => count(i.unsafe_setting_num) > 0),
  ...flagFilter('has_vul', (i) => count(i.vul_num) > 0),
  ...flagFilter('risky', risky),
  ...flagFilter('is_multarch', (i) => i.is_multiple_arch === true),
  [
    'latest_version=true (latest versions only)',
    { given: () => ({ latest_version: true }), want: () => (i) => i.latest_version === true },
  ],
  ['latest_version=false (no filter)', { given: () => ({ latest_version: false }), want: () => () => true }],
  stringFilter('namespace'),
  stringFilter('image_name'),
  stringFilter('image_version'),
  stringFilter('registry_name'),
  stringFilter('instance_id'),
  stringFilter('instance_name'),
  [
    'image_name=<a prefix of a name> (exact: no prefix or substring match)',
    {
      given: (all) => ({ image_name: mostCommon(all, (i) => i.image_name, NONE).slice(0, -1) || NONE }),
      want: (q) => (i) => i.image_name === q.image_name,
    },
  ],
  [
    'image_size=<one image’s size> (exact)',
    {
      given: (all) => ({ image_size: quantile(all, 'image_size', 0.5) }),
      want: (q) => (i) => i.image_size === q.image_size,
    },
  ],
  ...timeFilters('latest_update_time'),
  ...timeFilters('latest_scan_time'),
  ...timeFilters('latest_sync_time'),
  [
    'several filters at once (all apply)',
    {
      given: () => ({ scan_status: 'success', has_vul: true, latest_version: true }),
      want: () => (i) => i.scan_status === 'success' && count(i.vul_num) > 0 && i.latest_version === true,
    },
  ],
];

/** The names of the query parameters a filter case sets (for combining cases that do not overlap). */
const paramsOf = (c: FilterCase, all: readonly Image[]) => Object.keys(c.given(all));

// --- Invariants: the mock and the live service ------------------------------------------------

describe.skipIf(notRun !== undefined)(
  `${notRun ?? `HSS ListRegistryImages invariants against ${TARGET}`}`,
  () => {
    let all: Image[] = [];
    let total = 0;
    beforeAll(async () => {
      ({ items: all, total } = await walk({}, 200));
    }, 120_000);

    describe('paging: offset/limit, total_num = every matching image', () => {
      it('the unfiltered walk holds each image once, as many as total_num', () => {
        expect(new Set(ids(all)).size).toBe(all.length);
        expect(all.length).toBe(total);
      });

      it.each([
        ['the default limit (10)', { given: undefined }],
        ['limit=7', { given: 7 }],
        ['limit=1 (filtered to one image type)', { given: 1, query: { image_type: 'jfrog' } }],
        ['limit=200 (the maximum)', { given: 200 }],
      ] as Array<[string, { given: number | undefined; query?: Query }]>)(
        'walking with %s yields each image exactly once',
        async (_, { given, query = {} }) => {
          const walked = await walk(query, given);
          expect(new Set(ids(walked.items)).size).toBe(walked.total);
          const expected = query.image_type ? all.filter((i) => i.image_type === query.image_type) : all;
          expect(sortedIds(walked.items)).toEqual(sortedIds(expected));
        },
        60_000,
      );

      it.each([
        ['offset = total_num', { given: () => total }],
        ['offset past the end', { given: () => total + 1_000 }],
        ['offset = 2,000,000 (the maximum)', { given: () => 2_000_000 }],
      ] as Array<[string, { given: () => number }]>)(
        '%s → an empty data_list and the real total_num',
        async (_, { given }) => {
          const body = await page({ offset: given(), limit: 50 });
          expect(body.total_num).toBe(total);
          expect(body.data_list ?? []).toEqual([]);
        },
      );

      it('no limit → min(10, total_num) images', async () => {
        const body = await page({});
        expect(body.data_list ?? []).toHaveLength(Math.min(10, total));
      });
    });

    describe('filters: only matching images, none missed', () => {
      it.each(filterCases)(
        '%s',
        async (_, { given, want }) => {
          const query = given(all);
          const walked = await walk(query, 200);
          const keep = want(query);
          const expected = all.filter(keep);
          const wrong = walked.items.filter((i) => !keep(i));
          expect(
            wrong.map((i) => i.id),
            'images that do not match',
          ).toEqual([]);
          expect(sortedIds(walked.items), 'the matching images of the unfiltered walk').toEqual(
            sortedIds(expected),
          );
        },
        60_000,
      );

      it('no enterprise_project_id is the default enterprise project, 0', async () => {
        const explicit = await walk({ enterprise_project_id: DEFAULT_ENTERPRISE_PROJECT }, 200);
        expect(sortedIds(explicit.items)).toEqual(sortedIds(all));
      });

      it('enterprise_project_id=all_granted_eps holds every image of the default one, and more or as many', async () => {
        const every = await walk({ enterprise_project_id: ALL_ENTERPRISE_PROJECTS }, 200);
        const everyIds = new Set(ids(every.items));
        expect(ids(all).filter((id) => !everyIds.has(id))).toEqual([]);
        expect(every.total).toBeGreaterThanOrEqual(total);
      }, 60_000);
    });

    describe('order: sort_key=latest_scan_time with sort_dir', () => {
      it.each([
        ['no sort_dir (ascending, the page’s default)', { given: { sort_key: 'latest_scan_time' }, want: 1 }],
        ['sort_dir=asc', { given: { sort_key: 'latest_scan_time', sort_dir: 'asc' }, want: 1 }],
        ['sort_dir=desc', { given: { sort_key: 'latest_scan_time', sort_dir: 'desc' }, want: -1 }],
        [
          'sort_dir=desc with a filter',
          { given: { sort_key: 'latest_scan_time', sort_dir: 'desc', scan_status: 'success' }, want: -1 },
        ],
      ] as Array<[string, { given: Query; want: 1 | -1 }]>)(
        '%s: every page in order, the same images',
        async (_, { given, want }) => {
          const walked = await walk(given, 50);
          const times = walked.items.map((i) => count(i.latest_scan_time));
          const outOfOrder = times.findIndex((t, k) => k > 0 && want * (t - times[k - 1]!) < 0);
          expect(outOfOrder, `latest_scan_time out of order at ${outOfOrder}`).toBe(-1);
          const expected = given.scan_status ? all.filter((i) => i.scan_status === given.scan_status) : all;
          expect(sortedIds(walked.items)).toEqual(sortedIds(expected));
        },
        60_000,
      );
    });

    describe('bad ranges are refused with HSS.0001', () => {
      it.each([['latest_update_time'], ['latest_scan_time'], ['latest_sync_time']])(
        'start_%s after end_%s → 400',
        async (field) => {
          const res = await list({
            [`start_${field}`]: 1_700_000_000_001,
            [`end_${field}`]: 1_700_000_000_000,
          });
          expect(res.status, res.text).toBe(400);
          expect(res.body).toMatchObject({ error_code: 'HSS.0001' });
          if (!live) expect((res.body as { error_msg: string }).error_msg).toContain(`start_${field}`);
        },
      );
    });
  },
);

// --- Mock only: the mock's own keys, data and options -----------------------------------------

describe.skipIf(live)(`HSS mock: auth, dataset and options${MOCK_ONLY}`, () => {
  describe('auth, in sequence: one refusal does not spoil the next request', () => {
    const steps: Array<[string, { given: Auth; want: { status: number; error_msg?: string } }]> = [
      ['the documented token', { given: { token: TEST_TOKEN }, want: { status: 200 } }],
      [
        'an unknown token',
        {
          given: { token: 'MIIZ-not-the-test-token' },
          want: { status: 401, error_msg: 'Incorrect IAM authentication information: decrypt token fail' },
        },
      ],
      ['the documented token again', { given: { token: TEST_TOKEN }, want: { status: 200 } }],
      [
        'no credentials',
        {
          given: 'none',
          want: {
            status: 401,
            error_msg: 'Incorrect IAM authentication information: x-auth-token not found',
          },
        },
      ],
      [
        'AK/SK with the test keys',
        { given: { accessKey: TEST_ACCESS_KEY, secretKey: TEST_SECRET_KEY }, want: { status: 200 } },
      ],
      [
        'AK/SK with a wrong secret key',
        {
          given: { accessKey: TEST_ACCESS_KEY, secretKey: 'not-the-test-secret' },
          want: {
            status: 401,
            error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
          },
        },
      ],
      [
        'AK/SK with an unknown access key',
        {
          given: { accessKey: 'HSSUNKNOWNAK0000000', secretKey: TEST_SECRET_KEY },
          want: {
            status: 401,
            error_msg:
              'Incorrect IAM authentication information: Get secretKey failed,ak:HSSUNKNOWNAK0000000,err:ak not exist',
          },
        },
      ],
      [
        'AK/SK with the test keys again',
        { given: { accessKey: TEST_ACCESS_KEY, secretKey: TEST_SECRET_KEY }, want: { status: 200 } },
      ],
    ];
    it.each(steps)('%s', async (_, { given, want }) => {
      const res = await list({ limit: 1 }, { auth: given });
      expect(res.status, res.text).toBe(want.status);
      if (want.error_msg) {
        expect(res.body).toEqual({
          error_code: 'APIGW.0301',
          error_msg: want.error_msg,
          request_id: res.headers.get('x-request-id'),
        });
      } else {
        expect(res.body).toMatchObject({ total_num: expect.any(Number) });
      }
    });
  });

  describe('the dataset and the options that shape it', () => {
    const mocks: MockTarget[] = [];
    const start = async (options: StartMockOptions) => {
      const mock = await startMockTarget(options);
      mocks.push(mock);
      return mock.url;
    };
    afterAll(async () => {
      await Promise.all(mocks.map((m) => m.close()));
    });
    const firstPage = (base: string) =>
      page({ enterprise_project_id: ALL_ENTERPRISE_PROJECTS, limit: 200 }, { base });
    /** A mock with no seed or size given: the run-wide one, unless SCANAPIS_MOCK_SIZE sized it. */
    const unsized = async () => (RUN_SIZE === DEFAULT_SIZE ? baseUrl() : start({}));

    it.each([
      ['the same seed (explicit) → the same first page', { given: { seed: DEFAULT_SEED }, want: 'same' }],
      ['the default size (explicit) → the same first page', { given: { size: DEFAULT_SIZE }, want: 'same' }],
      ['another seed → another first page', { given: { seed: 2 }, want: 'different' }],
    ] as Array<[string, { given: { seed?: number; size?: number }; want: 'same' | 'different' }]>)(
      '%s',
      async (_, { given, want }) => {
        const [ours, theirs] = await Promise.all([firstPage(await unsized()), firstPage(await start(given))]);
        if (want === 'same') expect(theirs).toEqual(ours);
        else expect(theirs).not.toEqual(ours);
      },
    );

    it('two mocks with the same seed serve the same data, page after page', async () => {
      const [a, b] = await Promise.all([start({ seed: 7, size: 300 }), start({ seed: 7, size: 300 })]);
      for (const offset of [0, 200]) {
        const q = { enterprise_project_id: ALL_ENTERPRISE_PROJECTS, limit: 200, offset };
        expect(await page(q, { base: b })).toEqual(await page(q, { base: a }));
      }
    });

    it.each([
      ['size 37', { given: 37 }],
      ['size 1', { given: 1 }],
      ['size 0 (an empty project)', { given: 0 }],
    ] as Array<[string, { given: number }]>)(
      '%s: total_num over every enterprise project is the size',
      async (_, { given }) => {
        const base = await start({ size: given });
        const body = await page({ enterprise_project_id: ALL_ENTERPRISE_PROJECTS }, { base });
        expect(body.total_num).toBe(given);
      },
    );

    it(`the run-wide dataset holds ${RUN_SIZE} images (SCANAPIS_MOCK_SIZE, else the default ${DEFAULT_SIZE}) over ${ENTERPRISE_PROJECTS.length} enterprise projects`, async () => {
      const totals = await Promise.all(
        ENTERPRISE_PROJECTS.map(
          async ([ep]) => (await page({ enterprise_project_id: ep, limit: 1 })).total_num,
        ),
      );
      expect(totals.every((n) => n > 0)).toBe(true);
      expect(totals.reduce((a, b) => a + b, 0)).toBe(RUN_SIZE);
      expect((await page({ enterprise_project_id: ALL_ENTERPRISE_PROJECTS, limit: 1 })).total_num).toBe(
        RUN_SIZE,
      );
      expect((await page({ enterprise_project_id: 'no-such-enterprise-project' })).total_num).toBe(0);
    });

    it('another project_id is a project without images', async () => {
      const body = await page(
        { enterprise_project_id: ALL_ENTERPRISE_PROJECTS },
        { project: 'another-project' },
      );
      expect(body).toEqual({ total_num: 0, data_list: [] });
    });
  });

  describe('order without sort_key', () => {
    it.each([
      ['no sort parameter', { given: {} }],
      ['sort_dir alone (no sort_key: ignored)', { given: { sort_dir: 'desc' } }],
    ] as Array<[string, { given: Query }]>)('%s → id ascending', async (_, { given }) => {
      const { items } = await walk(given, 200);
      expect(ids(items)).toEqual(sortedIds(items));
    });

    it('sort_key ties are broken by id ascending, in both directions', async () => {
      for (const dir of ['asc', 'desc']) {
        const { items } = await walk({ sort_key: 'latest_scan_time', sort_dir: dir }, 200);
        const tied = items.filter((i) => i.latest_scan_time === 0);
        expect(tied.length).toBeGreaterThan(1);
        expect(ids(tied)).toEqual(sortedIds(tied));
      }
    });
  });

  describe('random combinations of filters, sort and paging (seeded)', () => {
    let all: Image[] = [];
    beforeAll(async () => {
      ({ items: all } = await walk({}, 200));
    });

    it('200 queries: each page is the documented slice of the documented matches', async () => {
      const rng = createRandom(2024);
      for (let n = 0; n < 200; n++) {
        const chosen: FilterCase[] = [];
        const used = new Set<string>();
        for (let k = rng.int(1, 3); k > 0; k--) {
          const [, c] = rng.pick(filterCases);
          const names = paramsOf(c, all);
          if (names.some((p) => used.has(p))) continue;
          for (const p of names) used.add(p);
          chosen.push(c);
        }
        const query: Query = Object.assign({}, ...chosen.map((c) => c.given(all)));
        const keeps = chosen.map((c) => c.want(query));
        let expected = all.filter((i) => keeps.every((keep) => keep(i)));
        if (rng.chance(0.5)) {
          const dir = rng.pick(['asc', 'desc'] as const);
          query.sort_key = 'latest_scan_time';
          query.sort_dir = dir;
          const sign = dir === 'asc' ? 1 : -1;
          expected = [...expected].sort(
            (a, b) =>
              sign * (count(a.latest_scan_time) - count(b.latest_scan_time)) || (a.id ?? 0) - (b.id ?? 0),
          );
        }
        const limit = rng.pick([1, 5, 10, 50, 200]);
        const offset = rng.chance(0.2)
          ? expected.length + rng.int(0, 10)
          : rng.int(0, Math.max(0, expected.length - 1));
        const body = await page({ ...query, limit, offset });
        expect(body.total_num, JSON.stringify(query)).toBe(expected.length);
        expect(ids(body.data_list ?? []), JSON.stringify({ ...query, limit, offset })).toEqual(
          ids(expected.slice(offset, offset + limit)),
        );
      }
    }, 60_000);
  });
});
