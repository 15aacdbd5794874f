import { createMockFetch, TEST_TOKEN } from '@scanapis/container-registry-mock';
import { describe, expect, it } from 'vitest';
import { createContainerRegistryClient, type ListScanResultsQuery } from '../src/index.js';

// `tsc -p tsconfig.json` (the typecheck task) checks this file: every `@ts-expect-error` must
// stand on a line that does not compile, or the typecheck fails. The same calls then run against
// the mock, which refuses what the types refuse.
describe('Scanner.list takes exactly one of imageId or repositoryId', () => {
  const client = () =>
    createContainerRegistryClient({ iamToken: TEST_TOKEN, fetch: createMockFetch().fetch });
  const scans = '/container-registry/v1/scans';

  it('compiles and succeeds with imageId alone', async () => {
    const { response } = await client().GET(scans, {
      params: { query: { imageId: 'crpbbr7fclo5hrasp6nh' } },
    });
    expect(response.status).toBe(200);
  });

  it('compiles and succeeds with repositoryId alone', async () => {
    const { response } = await client().GET(scans, {
      params: { query: { repositoryId: 'crp2ln7vk3oh5qiu9s1e', filter: 'status="READY"' } },
    });
    expect(response.status).toBe(200);
  });

  it('does not compile with neither, and the mock refuses it', async () => {
    // @ts-expect-error -- neither imageId nor repositoryId
    const { error, response } = await client().GET(scans, { params: { query: { pageSize: 10 } } });
    expect(response.status).toBe(400);
    expect(error?.message).toBe('Exactly one of imageId or repositoryId must be set');
  });

  it('does not compile with both, and the mock refuses it', async () => {
    const { error, response } = await client().GET(scans, {
      // @ts-expect-error -- both imageId and repositoryId
      params: { query: { imageId: 'crpbbr7fclo5hrasp6nh', repositoryId: 'crp2ln7vk3oh5qiu9s1e' } },
    });
    expect(response.status).toBe(400);
    expect(error?.message).toBe('Exactly one of imageId or repositoryId must be set');
  });

  it('does not compile without a query or without params', async () => {
    // @ts-expect-error -- the query is required
    const { response } = await client().GET(scans, { params: {} });
    expect(response.status).toBe(400);
    // @ts-expect-error -- so are params
    const second = await client().GET(scans);
    expect(second.response.status).toBe(400);
  });

  it('the query type itself refuses neither and both', () => {
    const one: ListScanResultsQuery = { imageId: 'a' };
    const other: ListScanResultsQuery = { repositoryId: 'b', pageSize: 1 };
    // @ts-expect-error -- neither
    const neither: ListScanResultsQuery = { pageSize: 1 };
    // @ts-expect-error -- both
    const both: ListScanResultsQuery = { imageId: 'a', repositoryId: 'b' };
    expect([one, other, neither, both]).toHaveLength(4);
  });
});
