import { type CliStartOptions, type RunningMock, runMockCli } from '@scanapis/mock-kit';
import { describe, expect, it, vi } from 'vitest';
import { cliNotes, DEFAULT_PORT, startMock, TEST_API_KEY } from '../src/index.js';

/**
 * Runs the bin's CLI (the same `runMockCli` call as src/cli.ts) with `argv`, on a real mock; returns
 * what `startMock` got and the mock's first answer, then closes it and drops the CLI's signal
 * handlers.
 */
async function run(argv: string[], query = '') {
  const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  let started: CliStartOptions | undefined;
  let mock: RunningMock | undefined;
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    await runMockCli(
      {
        name: 'gecko-mock',
        defaultPort: DEFAULT_PORT,
        notes: cliNotes,
        start: async (o) => {
          started = o;
          mock = await startMock(o);
          return mock;
        },
      },
      argv,
    );
    const res = await fetch(`${mock!.url}/api/v1/scans${query}`, { headers: { 'X-API-Key': TEST_API_KEY } });
    return { started, status: res.status, headers: res.headers, body: await res.json() };
  } finally {
    log.mockRestore();
    await mock?.close();
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      for (const l of process.listeners(signal)) if (!before[signal].includes(l)) process.off(signal, l);
  }
}

describe('gecko-mock flags reach the mock', () => {
  it.each([
    [
      '--size 17 --seed 5',
      {
        given: ['--port', '0', '--size', '17', '--seed', '5'],
        want: { started: { port: 0, host: '127.0.0.1', size: 17, seed: 5 }, total: 17, remaining: '999' },
      },
    ],
    [
      '--rate-limit 3',
      {
        given: ['--port', '0', '--rate-limit', '3'],
        want: { started: { port: 0, host: '127.0.0.1', rateLimit: 3 }, total: 123, remaining: '2' },
      },
    ],
  ])('%s', async (_, { given, want }) => {
    const { started, status, headers, body } = await run(given, '?limit=1');
    expect(started).toEqual(want.started);
    expect(status).toBe(200);
    expect(body.pagination.total).toBe(want.total);
    expect(headers.get('x-ratelimit-remaining')).toBe(want.remaining);
  });

  it('--static serves the spec’s example page', async () => {
    const { started, body } = await run(['--port', '0', '--static'], '?limit=1');
    expect(started).toEqual({ port: 0, host: '127.0.0.1', static: true });
    expect(body.data[0].name).toBe('Sample Scan');
    expect(body.pagination).toEqual({ total: 123, limit: 50, offset: 0, hasMore: true });
  });
});
