import {
  type CallResult,
  type MockTarget,
  mockUrl,
  resolveTarget,
  runMockSize,
  send,
  startMockTarget,
} from '@scanapis/contract-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ContainerRegistryExtras,
  DEFAULT_PAGE_SIZE,
  DEFAULT_SEED,
  DEFAULT_SIZE,
  generateRegistry,
  NO_ACCESS_TOKEN,
  SPEC_EXAMPLES,
  sampleIds,
  statusRank,
  TEST_TOKEN,
  timestampKey,
} from '../src/index.js';

// Invariants of Container Registry's behaviour, written over whatever data the target holds, so
// the same file runs against the vendor: `SCANAPIS_TARGET=live` with YC_IAM_TOKEN, YC_REGISTRY_ID
// and YC_IMAGE_ID (optionally YC_REPOSITORY_ID and CONTAINER_REGISTRY_BASE_URL) runs it
// read-only against the live API; live without them reports NOT RUN and why. By default it runs
// against the mock of this test run (default seed; the default size, or SCANAPIS_MOCK_SIZE's).
const target = resolveTarget('container-registry', ['YC_IAM_TOKEN', 'YC_REGISTRY_ID', 'YC_IMAGE_ID']);
const live = target.mode === 'live';
const LIVE_URL = process.env.CONTAINER_REGISTRY_BASE_URL ?? 'https://container-registry.api.cloud.yandex.net';
const baseUrl = () => (live ? LIVE_URL : mockUrl());
const auth = { Authorization: `Bearer ${live ? target.env.YC_IAM_TOKEN : TEST_TOKEN}` };
/** Images of the run-wide mock: the run's SCANAPIS_MOCK_SIZE, else the default. */
const RUN_SIZE = runMockSize() ?? DEFAULT_SIZE;
/** The run-wide mock's dataset, generated here too: the same generator, seed and size. */
const runData = () => generateRegistry({ seed: DEFAULT_SEED, size: RUN_SIZE });
const mockIds = sampleIds(runData());
const ids = live
  ? {
      imageId: target.env.YC_IMAGE_ID!,
      registryId: target.env.YC_REGISTRY_ID!,
      repositoryId: process.env.YC_REPOSITORY_ID,
    }
  : mockIds;
const MOCK_ONLY = 'mock only, skipped on live: it needs the mock’s tokens, dataset or seed';

type Path = 'scans' | 'images';
type Query = Record<string, string | number | undefined>;
interface Item {
  id: string;
  imageId?: string;
  status?: string;
  name?: string;
  createdAt?: string;
}
interface PageBody {
  scanResults?: Item[];
  images?: Item[];
  nextPageToken?: string;
}

async function get(path: Path, query: Query, headers: Record<string, string> = auth): Promise<CallResult> {
  const url = new URL(`${baseUrl()}/container-registry/v1/${path}`);
  for (const [name, value] of Object.entries(query))
    if (value !== undefined) url.searchParams.set(name, String(value));
  return send(url, 'GET', headers);
}

async function page(path: Path, query: Query): Promise<PageBody> {
  const res = await get(path, query);
  expect(res.status, `${path} ${JSON.stringify(query)}: ${res.text.slice(0, 300)}`).toBe(200);
  return res.body as PageBody;
}

/** At most this many pages per walk: a read-only check, not a crawl. */
const MAX_PAGES = 400;

/**
 * Follows nextPageToken to the end; checks every page on the way. With `upTo`, stops after that
 * many pages even when there is a next one (`done` false): the walks of a large mock's whole
 * dataset at small page sizes (SCANAPIS_MOCK_SIZE) would be crawls.
 */
async function walk(path: Path, query: Query, upTo?: number) {
  const size = Number(query.pageSize ?? 0) || DEFAULT_PAGE_SIZE;
  const items: Item[] = [];
  const tokens: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const body = await page(path, { ...query, pageToken: token });
    const got = (path === 'scans' ? body.scanResults : body.images) ?? [];
    expect(got.length, 'a page holds at most pageSize items').toBeLessThanOrEqual(size);
    items.push(...got);
    pages += 1;
    token = body.nextPageToken || undefined;
    if (token) tokens.push(token);
    else if (!live)
      expect(body, 'proto3 JSON: the last page has no nextPageToken').not.toHaveProperty('nextPageToken');
    expect(pages, `more than ${MAX_PAGES} pages`).toBeLessThanOrEqual(MAX_PAGES);
    if (token && pages === upTo) return { items, tokens, pages, size, done: false };
  } while (token);
  return { items, tokens, pages, size, done: true };
}

const idsOf = (items: Item[]) => items.map((i) => i.id);
const sorted = (list: string[]) => [...list].sort();

/** Expects a 400 `INVALID_ARGUMENT` google.rpc.Status. */
function expectInvalidArgument(res: CallResult) {
  expect(res.status, res.text.slice(0, 300)).toBe(400);
  expect((res.body as { code?: number }).code).toBe(3);
  expect(typeof (res.body as { message?: unknown }).message).toBe('string');
}

interface Scope {
  path: Path;
  query: Query;
}
const scope = (name: string, path: Path, query: Query): [string, Scope] => [name, { path, query }];
const scopes: Array<[string, Scope]> = [
  scope('Scanner.list by imageId', 'scans', { imageId: ids.imageId }),
  ...(ids.repositoryId
    ? [scope('Scanner.list by repositoryId', 'scans', { repositoryId: ids.repositoryId })]
    : []),
  scope('Image.list by registryId', 'images', { registryId: ids.registryId }),
  ...(live ? [] : [scope('Image.list with no scope (mock: every image)', 'images', {})]),
];
const pageSizes: Array<number | undefined> = live ? [5, 0, undefined, 1000] : [1, 3, 7, 0, undefined, 1000];

describe.skipIf(Boolean(target.notRun))(
  `Container Registry behaviour (${target.mode})${target.notRun ? ` — ${target.notRun}` : ''}`,
  () => {
    describe.each(scopes)('%s: walking every page', (_, { path, query }) => {
      // One reference per scope: every item, read with the largest page.
      let reference: Promise<Awaited<ReturnType<typeof walk>>> | undefined;
      const referenceItems = async () => {
        reference ??= walk(path, { ...query, pageSize: 1000 });
        return (await reference).items;
      };
      // A walk of more than MAX_PAGES pages (on the mock: every image of a large dataset, with
      // SCANAPIS_MOCK_SIZE, at a small page size) stops there: its pages are then exactly the
      // reference's first items in order, each page full, every one with a token of its own.
      it.each(pageSizes.map((s) => [s === undefined ? 'no pageSize' : `pageSize=${s}`, s] as const))(
        `%s yields each item exactly once, tokens never repeat, the last page has none (past ${MAX_PAGES} pages on a large mock: the first ${MAX_PAGES}, in order)`,
        async (_, pageSize) => {
          const all = await referenceItems();
          const w = await walk(path, { ...query, pageSize }, live ? undefined : MAX_PAGES);
          if (!w.done) {
            expect(
              Math.ceil(all.length / w.size),
              'only a walk longer than the cap stops early',
            ).toBeGreaterThan(MAX_PAGES);
            expect(w.tokens, 'a token on every page').toHaveLength(MAX_PAGES);
            expect(new Set(w.tokens).size, 'no token twice').toBe(w.tokens.length);
            expect(idsOf(w.items), 'full pages of the first items, by id').toEqual(
              idsOf(all).slice(0, MAX_PAGES * w.size),
            );
            return;
          }
          expect(new Set(idsOf(w.items)).size, 'no item twice').toBe(w.items.length);
          expect(sorted(idsOf(w.items))).toEqual(sorted(idsOf(all)));
          expect(new Set(w.tokens).size, 'no token twice').toBe(w.tokens.length);
          if (!live) {
            // The mock fills every page but the last; the default order is by id.
            expect(w.pages).toBe(Math.max(1, Math.ceil(all.length / w.size)));
            expect(idsOf(w.items)).toEqual(sorted(idsOf(w.items)));
          }
        },
      );
    });

    it('pageSize=0 is the default page size (100)', async () => {
      // On the mock, the whole dataset (300 images): more than one default page.
      const scope = live ? { registryId: ids.registryId } : {};
      const [zero, none, hundred] = await Promise.all(
        [0, undefined, 100].map((pageSize) => page('images', { ...scope, pageSize })),
      );
      expect(idsOf(zero!.images ?? [])).toEqual(idsOf(none!.images ?? []));
      expect(idsOf(zero!.images ?? [])).toEqual(idsOf(hundred!.images ?? []));
      if (!live) expect(zero!.images).toHaveLength(DEFAULT_PAGE_SIZE);
    });

    describe('filters return only matching items and miss none', () => {
      const statusRows = scopes
        .filter(([, s]) => s.path === 'scans')
        .flatMap(([name, s]) =>
          ['RUNNING', 'READY', 'ERROR'].map(
            (status) => [`${name}, status="${status}"`, { ...s, status }] as const,
          ),
        );
      it.each(statusRows)('%s', async (_, { path, query, status }) => {
        const all = await walk(path, { ...query, pageSize: 1000 });
        const filtered = await walk(path, { ...query, pageSize: 2, filter: `status="${status}"` });
        expect(filtered.items.every((s) => s.status === status)).toBe(true);
        expect(sorted(idsOf(filtered.items))).toEqual(
          sorted(idsOf(all.items.filter((s) => s.status === status))),
        );
      });

      it('Image.list name="<name>", for every name in the registry (up to 5)', async () => {
        const all = await walk('images', { registryId: ids.registryId, pageSize: 1000 });
        const names = [...new Set(all.items.map((i) => i.name!))].slice(0, 5);
        expect(names.length, 'the registry has images').toBeGreaterThan(0);
        for (const name of names) {
          const filtered = await walk('images', {
            registryId: ids.registryId,
            pageSize: 2,
            filter: `name="${name}"`,
          });
          expect(filtered.items.every((i) => i.name === name)).toBe(true);
          expect(sorted(idsOf(filtered.items))).toEqual(
            sorted(idsOf(all.items.filter((i) => i.name === name))),
          );
        }
      });

      it.skipIf(live)('the dataset has scans in every status in the sample repository (mock)', async () => {
        const all = await walk('scans', { repositoryId: mockIds.repositoryId, pageSize: 1000 });
        expect(new Set(all.items.map((s) => s.status))).toEqual(new Set(['RUNNING', 'READY', 'ERROR']));
      });
    });

    describe('orders hold', () => {
      type Key = (i: Item) => string | number;
      const byStatus: Key = (i) => statusRank(i.status as never);
      type OrderRow = [string, Scope & { key: Key; descending: boolean; mockOnly?: true }];
      const rows: OrderRow[] = [
        ...scopes
          .filter(([, s]) => s.path === 'scans')
          .flatMap(([name, s]) => [
            [
              `${name}, orderBy=status asc`,
              { ...s, query: { ...s.query, orderBy: 'status asc' }, key: byStatus, descending: false },
            ] as OrderRow,
            [
              `${name}, orderBy=status desc`,
              { ...s, query: { ...s.query, orderBy: 'status desc' }, key: byStatus, descending: true },
            ] as OrderRow,
          ]),
        [
          'Image.list, orderBy=name asc',
          {
            path: 'images',
            query: { registryId: ids.registryId, orderBy: 'name asc' },
            key: (i) => i.name!,
            descending: false,
          },
        ],
        [
          'Image.list, orderBy=name desc',
          {
            path: 'images',
            query: { registryId: ids.registryId, orderBy: 'name desc' },
            key: (i) => i.name!,
            descending: true,
          },
        ],
        [
          'Image.list, orderBy=createdAt asc (mock key)',
          {
            path: 'images',
            query: { registryId: ids.registryId, orderBy: 'createdAt asc' },
            key: (i) => timestampKey(i.createdAt ?? ''),
            descending: false,
            mockOnly: true,
          },
        ],
        [
          'Image.list, orderBy=createdAt desc (mock key)',
          {
            path: 'images',
            query: { registryId: ids.registryId, orderBy: 'createdAt desc' },
            key: (i) => timestampKey(i.createdAt ?? ''),
            descending: true,
            mockOnly: true,
          },
        ],
      ];
      it.each(rows.filter(([, r]) => !(live && r.mockOnly)))(
        '%s',
        async (_, { path, query, key, descending }) => {
          const all = await walk(path, { ...query, orderBy: undefined, pageSize: 1000 });
          const w = await walk(path, { ...query, pageSize: 3 });
          expect(sorted(idsOf(w.items)), 'the same items, reordered').toEqual(sorted(idsOf(all.items)));
          for (let n = 1; n < w.items.length; n++) {
            const [a, b] = [key(w.items[n - 1]!), key(w.items[n]!)];
            expect(
              descending ? a >= b : a <= b,
              `${JSON.stringify(w.items[n - 1])} then ${JSON.stringify(w.items[n])}`,
            ).toBe(true);
            // The mock breaks ties by id, ascending.
            if (!live && a === b) expect(w.items[n - 1]!.id < w.items[n]!.id).toBe(true);
          }
        },
      );
    });

    describe('refusals: 400 INVALID_ARGUMENT', () => {
      it.each([
        [
          'a token nobody issued (Scanner.list)',
          { path: 'scans' as Path, query: { imageId: ids.imageId, pageToken: 'Zm9yZ2VkLXRva2Vu' } },
        ],
        [
          'a token nobody issued (Image.list)',
          { path: 'images' as Path, query: { registryId: ids.registryId, pageToken: 'Zm9yZ2VkLXRva2Vu' } },
        ],
        [
          'filter without quotes',
          { path: 'scans' as Path, query: { imageId: ids.imageId, filter: 'status=READY' } },
        ],
        [
          'filter on another field',
          { path: 'scans' as Path, query: { imageId: ids.imageId, filter: 'imageId="x"' } },
        ],
        [
          'filter on an unknown status',
          { path: 'scans' as Path, query: { imageId: ids.imageId, filter: 'status="DONE"' } },
        ],
        [
          'filter that is not an expression',
          { path: 'scans' as Path, query: { imageId: ids.imageId, filter: 'READY' } },
        ],
        [
          'filter with another operator (Image.list)',
          { path: 'images' as Path, query: { registryId: ids.registryId, filter: 'name~"x"' } },
        ],
        [
          'filter on status (Image.list)',
          { path: 'images' as Path, query: { registryId: ids.registryId, filter: 'status="READY"' } },
        ],
        ['neither imageId nor repositoryId', { path: 'scans' as Path, query: { pageSize: 10 } }],
        [
          'both imageId and repositoryId',
          {
            path: 'scans' as Path,
            query: { imageId: ids.imageId, repositoryId: ids.repositoryId ?? ids.imageId },
          },
        ],
      ])('%s', async (_, { path, query }) => {
        expectInvalidArgument(await get(path, query));
      });

      // Each change is made to the query that issued the token; `name` is the first image's name.
      const changes: Array<[string, (name: string) => Query]> = [
        ['another pageSize', () => ({ pageSize: 2 })],
        ['a filter added', (name) => ({ filter: `name="${name}"` })],
        ['an order added', () => ({ orderBy: 'name desc' })],
        ['no pageSize (the default, 100)', () => ({ pageSize: undefined })],
      ];
      it.each(changes)('a page token sent with %s (Image.list)', async (_, change) => {
        const first = await page('images', { registryId: ids.registryId, pageSize: 1 });
        expect(first.nextPageToken, 'YC_REGISTRY_ID must hold at least two images').toBeTruthy();
        const query: Query = {
          registryId: ids.registryId,
          pageSize: 1,
          ...change(first.images![0]!.name!),
          pageToken: first.nextPageToken,
        };
        expectInvalidArgument(await get('images', query));
        // …while the same query with the token is answered.
        const same = await get('images', {
          registryId: ids.registryId,
          pageSize: 1,
          pageToken: first.nextPageToken,
        });
        expect(same.status).toBe(200);
      });

      it('a page token sent with another scope (Scanner.list, imageId → repositoryId)', async () => {
        const scope = ids.repositoryId ? { repositoryId: ids.repositoryId } : { imageId: ids.imageId };
        const first = await page('scans', { ...scope, pageSize: 1 });
        expect(first.nextPageToken, 'the scope must hold at least two scans').toBeTruthy();
        const other = ids.repositoryId
          ? { imageId: ids.imageId }
          : { imageId: ids.imageId, filter: 'status="READY"' };
        expectInvalidArgument(await get('scans', { ...other, pageSize: 1, pageToken: first.nextPageToken }));
      });
    });

    describe.skipIf(live)(MOCK_ONLY, () => {
      type Mock = MockTarget & ContainerRegistryExtras;
      const start = (options: { seed?: number; size?: number }) =>
        startMockTarget<ContainerRegistryExtras>(options);
      const mocks: Record<string, Mock> = {};
      beforeAll(async () => {
        const started = await Promise.all([
          start({ seed: 7, size: 60 }),
          start({ seed: 7, size: 60 }),
          start({ seed: 8, size: 60 }),
          start({ size: 40 }),
          start({ size: 0 }),
        ]);
        [mocks.a, mocks.again, mocks.other, mocks.small, mocks.empty] = started;
      });
      afterAll(() => Promise.all(Object.values(mocks).map((m) => m.close())));
      const at = async (mock: Mock, path: Path, query: Query) => {
        const url = new URL(`${mock.url}/container-registry/v1/${path}`);
        for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
        const res = await send(url, 'GET', { Authorization: `Bearer ${TEST_TOKEN}` });
        expect(res.status, res.text).toBe(200);
        return res.body as PageBody;
      };

      it.each([
        ['no Authorization header', { headers: {}, want: [401, 16] }],
        [
          'a bearer token the mock does not know',
          { headers: { Authorization: 'Bearer t1.unknown' }, want: [401, 16] },
        ],
        [
          'the documented token without roles',
          { headers: { Authorization: `Bearer ${NO_ACCESS_TOKEN}` }, want: [403, 7] },
        ],
        [
          'the documented test token',
          { headers: { Authorization: `Bearer ${TEST_TOKEN}` }, want: [200, undefined] },
        ],
      ])('auth: %s', async (_, { headers, want }) => {
        for (const path of ['scans', 'images'] as const) {
          const res = await get(path, path === 'scans' ? { imageId: ids.imageId } : {}, headers);
          expect([res.status, (res.body as { code?: number }).code]).toEqual(want);
        }
      });

      describe('Image.list scope precedence: repositoryName > registryId > folderId', () => {
        const data = runData();
        const repo = data.repositories.find((r) => r.id === mockIds.repositoryId)!;
        const otherRegistry = data.registries.find((r) => r.id !== repo.registryId)!;
        const otherFolder = data.folders.find((f) => f.id !== repo.folderId)!;
        const expected = (pred: (i: (typeof data.images)[number]) => boolean) =>
          sorted(data.images.filter(pred).map((i) => i.json.id));
        it.each([
          [
            'repositoryName wins over registryId and folderId',
            { repositoryName: repo.name, registryId: otherRegistry.id, folderId: otherFolder.id },
            expected((i) => i.repositoryId === repo.id),
          ],
          [
            'repositoryName alone',
            { repositoryName: repo.name },
            expected((i) => i.repositoryId === repo.id),
          ],
          [
            'an unknown registryId is ignored next to a repositoryName',
            { repositoryName: repo.name, registryId: 'crpzzzzzzzzzzzzzzzzz' },
            expected((i) => i.repositoryId === repo.id),
          ],
          [
            'registryId wins over folderId',
            { registryId: otherRegistry.id, folderId: repo.folderId },
            expected((i) => i.registryId === otherRegistry.id),
          ],
          [
            'an unknown folderId is ignored next to a registryId',
            { registryId: repo.registryId, folderId: 'b1gzzzzzzzzzzzzzzzzz' },
            expected((i) => i.registryId === repo.registryId),
          ],
          [
            'folderId alone: every registry of the folder',
            { folderId: otherFolder.id },
            expected((i) => i.folderId === otherFolder.id),
          ],
          [
            'an empty repositoryName is unset: registryId applies',
            { repositoryName: '', registryId: otherRegistry.id },
            expected((i) => i.registryId === otherRegistry.id),
          ],
          ['none: every image of the dataset', {}, expected(() => true)],
        ])('%s', async (_, query, want) => {
          expect(want.length, 'the scope holds images').toBeGreaterThan(0);
          expect(sorted(idsOf((await walk('images', { ...query, pageSize: 1000 })).items))).toEqual(want);
        });
      });

      it('same seed, same data: the same first pages; another seed, other data', async () => {
        const first = async (mock: Mock) => {
          const images = await at(mock, 'images', { pageSize: 10 });
          const repositoryId = mock.dataset!.repositories.at(-1)!.id;
          const scans = await at(mock, 'scans', { repositoryId, pageSize: 10 });
          return { images: images.images, scans: scans.scanResults, repositoryId };
        };
        const [a, again, other] = await Promise.all([
          first(mocks.a!),
          first(mocks.again!),
          first(mocks.other!),
        ]);
        expect(again).toEqual(a);
        expect(other.images).not.toEqual(a.images);
        expect(mocks.again!.dataset).toEqual(mocks.a!.dataset);
        expect(generateRegistry({ seed: 7, size: 60 })).toEqual(mocks.a!.dataset);
      });

      it('size is honoured: --size 40 serves 40 images, --size 0 none', async () => {
        const small = await at(mocks.small!, 'images', { pageSize: 1000 });
        expect(small.images).toHaveLength(40);
        expect(mocks.small!.dataset!.scans.length).toBeGreaterThan(40);
        expect(await at(mocks.empty!, 'images', {})).toEqual({});
        expect(generateRegistry().images).toHaveLength(DEFAULT_SIZE);
      });

      it("the dataset holds the spec's example image and its four example scans, byte for byte", async () => {
        const scans = await page('scans', { imageId: SPEC_EXAMPLES.images[0]!.id });
        expect(scans.scanResults).toEqual([...SPEC_EXAMPLES.scans].sort((a, b) => (a.id < b.id ? -1 : 1)));
        const images = await page('images', {
          filter: `name="${SPEC_EXAMPLES.webAppRepositoryName}"`,
          pageSize: 1000,
        });
        expect(images.images).toContainEqual(SPEC_EXAMPLES.images[1]);
      });

      it('a token from another mock (another secret) is refused', async () => {
        const first = await at(mocks.a!, 'images', { pageSize: 1 });
        expectInvalidArgument(await get('images', { pageSize: 1, pageToken: first.nextPageToken }));
      });
    });
  },
);
