import { call, expectConforms, fuzzSuite, mockUrl, runMockSize } from '@scanapis/contract-kit';
import { createRandom } from '@scanapis/mock-kit';
import { createAjv, listOperations, loadSpec } from '@scanapis/spec-tools';
import { describe, expect, it } from 'vitest';
import { generateRegistry, specFile, TEST_TOKEN } from '../src/index.js';

// A few thousand generated requests per operation against the behavioural mock, with its
// documented test token: no 5xx, every answer a google.rpc.Status or a page that conforms.
fuzzSuite({
  specFile,
  baseUrl: mockUrl,
  auth: () => ({ Authorization: `Bearer ${TEST_TOKEN}` }),
});

// fuzzSuite's values mostly break the grammars (a random filter, a random page token), so few of
// its requests reach a page. These are valid by construction — real IDs of the run's dataset (the
// default one, or SCANAPIS_MOCK_SIZE's: the same generator, seed and size as the run-wide mock),
// every filter and order in its spellings, page sizes 0–1000 — and each must be a conforming 200
// whose nextPageToken, sent back, is a conforming 200 too.
const RUNS = 400;
const size = runMockSize();
const data = generateRegistry(size !== undefined ? { size } : {});
const operations = new Map(listOperations(loadSpec(specFile)).map((op) => [op.operationId, op]));
const ajv = createAjv();
const maybe = <T>(rnd: ReturnType<typeof createRandom>, value: T): T | undefined =>
  rnd.chance(0.5) ? value : undefined;

function scanQuery(rnd: ReturnType<typeof createRandom>): Record<string, string> {
  const query: Record<string, string | undefined> = rnd.chance(0.5)
    ? { imageId: rnd.pick(data.images).json.id }
    : { repositoryId: rnd.pick(data.repositories).id };
  query.filter = rnd.pick([undefined, '', 'status="READY"', ' status = "ERROR" ', 'status="RUNNING"']);
  query.orderBy = rnd.pick([undefined, '', 'status', 'status asc', 'status DESC', '  status   desc ']);
  query.pageSize = rnd.pick([undefined, '0', '1', String(rnd.int(0, 1000))]);
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
}

function imageQuery(rnd: ReturnType<typeof createRandom>): Record<string, string> {
  const image = rnd.pick(data.images);
  const query: Record<string, string | undefined> = {
    repositoryName: maybe(rnd, rnd.chance(0.8) ? image.json.name : ''),
    registryId: maybe(rnd, image.registryId),
    folderId: maybe(rnd, rnd.pick(data.folders).id),
    filter: maybe(
      rnd,
      rnd.chance(0.7) ? `name="${image.json.name}"` : `name = "${rnd.pick(data.repositories).name}"`,
    ),
    orderBy: maybe(
      rnd,
      `${rnd.pick(['id', 'name', 'createdAt'])}${rnd.pick(['', ' asc', ' desc', ' DESC'])}`,
    ),
    pageSize: rnd.pick([undefined, '0', '1', '5', String(rnd.int(0, 1000))]),
  };
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
}

describe('valid queries, generated from the dataset: a conforming 200, and so is the next page', () => {
  it.each([
    ['Scanner_list', scanQuery],
    ['Image_list', imageQuery],
  ] as const)(`%s: ${RUNS} queries`, async (operationId, make) => {
    const operation = operations.get(operationId)!;
    const rnd = createRandom(42);
    const headers = { Authorization: `Bearer ${TEST_TOKEN}` };
    let pages = 0;
    for (let n = 0; n < RUNS; n++) {
      const query = make(rnd);
      const res = await call(mockUrl(), operation, { query, headers });
      expect(res.status, `${JSON.stringify(query)}: ${res.text.slice(0, 300)}`).toBe(200);
      expectConforms(operation, res, ajv);
      const token = (res.body as { nextPageToken?: string }).nextPageToken;
      if (token) {
        const next = await call(mockUrl(), operation, {
          query: { ...query, pageToken: token },
          headers,
        });
        expect(next.status, `${JSON.stringify(query)} page 2: ${next.text.slice(0, 300)}`).toBe(200);
        expectConforms(operation, next, ajv);
        pages += 1;
      }
    }
    expect(pages, 'some queries had a second page').toBeGreaterThan(RUNS / 20);
  });
});
