// The index's snippets run against the local mocks, as a reader would paste them (only the base
// URL changes, to the mock's free port): they are type-checked by `tsc` in the typecheck task and
// executed here, so they cannot rot.
import { afterEach, expect, it, vi } from 'vitest';
import { specApis } from '../src/spec.mjs';

const ENV: Record<string, string> = {
  gecko: 'GECKO_BASE_URL',
  'container-registry': 'CONTAINER_REGISTRY_BASE_URL',
  hss: 'HSS_BASE_URL',
};

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

it.each(specApis())(
  'snippets/%s.ts runs against its mock: lists and paginates',
  async (api) => {
    const env = ENV[api];
    if (!env) throw new Error(`${api}: no base-URL variable known for its snippet`);
    const { startMock } = (await import(`@scanapis/${api}-mock`)) as {
      startMock(options: { port: number }): Promise<{ url: string; close(): Promise<void> }>;
    };
    const mock = await startMock({ port: 0 });
    const logged: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      logged.push(args.join(' '));
    });
    try {
      vi.stubEnv(env, mock.url);
      await import(`../snippets/${api}.ts`);
    } finally {
      await mock.close();
    }
    // "read all N <items>", and where the first page states a total, N is that total.
    const read = /^read all ([1-9]\d*) \w+$/.exec(logged.at(-1) ?? '');
    expect(read, logged.join('\n')).not.toBeNull();
    const total = /^(\d+) \w+; the first page has \d+$/.exec(logged[0] ?? '');
    if (total) expect(Number(read?.[1])).toBe(Number(total[1]));
  },
  30_000,
);
