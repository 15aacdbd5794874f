import { describe, expect, it, vi } from 'vitest';
import { type CliStartOptions, runMockCli } from '../src/index.js';

/** Runs the CLI with a fake start; returns what start got, what was printed, and the exit code. */
async function run(argv: string[]) {
  const start = vi.fn(async (o: CliStartOptions) => ({
    url: `http://${o.host}:${o.port}`,
    port: o.port,
    host: o.host,
    faults: {} as never,
    close: async () => {},
  }));
  const errors: string[] = [];
  const logs: string[] = [];
  const err = vi.spyOn(console, 'error').mockImplementation((m) => void errors.push(String(m)));
  const log = vi.spyOn(console, 'log').mockImplementation((m) => void logs.push(String(m)));
  process.exitCode = undefined;
  await runMockCli({ name: 'x-mock', defaultPort: 4999, start }, argv);
  err.mockRestore();
  log.mockRestore();
  const code = process.exitCode;
  process.exitCode = undefined;
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  return { started: start.mock.calls[0]?.[0], errors, logs, code };
}

describe('runMockCli', () => {
  it.each([
    ['defaults', { given: [], want: { port: 4999, host: '127.0.0.1' } }],
    [
      'every flag',
      {
        given: [
          '--port',
          '0',
          '--host',
          '::1',
          '--seed',
          '7',
          '--size',
          '50',
          '--static',
          '--rate-limit',
          '3',
          '--strict',
        ],
        want: { port: 0, host: '::1', seed: 7, size: 50, static: true, rateLimit: 3, strict: true },
      },
    ],
  ])('%s', async (_, { given, want }) => {
    const { started, code } = await run(given);
    expect(started).toEqual(want);
    expect(code).toBeUndefined();
  });

  it.each([
    [
      'an unknown flag',
      {
        given: ['--prot', '1'],
        want: 'x-mock: unknown option --prot (see --help)',
      },
    ],
    [
      'a port out of range',
      {
        given: ['--port', '70000'],
        want: 'x-mock: --port must be an integer from 0 to 65535, got "70000" (see --help)',
      },
    ],
    [
      'a seed that is not a number',
      {
        given: ['--seed', 'abc'],
        want: 'x-mock: --seed must be an integer from 0 to 4294967295, got "abc" (see --help)',
      },
    ],
    [
      'an empty host (it would bind every interface)',
      {
        given: ['--host', ''],
        want: 'x-mock: --host must not be empty (an empty host would bind every interface) (see --help)',
      },
    ],
  ])('refuses %s in one line, exit 2', async (_, { given, want }) => {
    const { started, errors, code } = await run(given);
    expect(started).toBeUndefined();
    expect(errors).toEqual([want]);
    expect(code).toBe(2);
  });

  it('--help prints the usage and starts nothing', async () => {
    const { started, logs } = await run(['--help']);
    expect(started).toBeUndefined();
    expect(logs[0]).toMatch(/^Usage: x-mock \[--port <n>\]/);
  });
});
