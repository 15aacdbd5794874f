import { type ChildProcess, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

export interface BinSuiteOptions {
  /** The bin's file (`bin/gecko-mock.js`). */
  bin: string;
  /** A path the mock answers 200, with its query. */
  path: string;
  /** Headers that authenticate a request. */
  auth: Record<string, string>;
}

interface Run {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exit: Promise<number | null>;
}

function start(bin: string, args: string[]): Run {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const lines = (into: string[]) => (d: Buffer) => into.push(...d.toString().split('\n').filter(Boolean));
  child.stdout!.on('data', lines(stdout));
  child.stderr!.on('data', lines(stderr));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout, stderr, exit };
}

async function listening(run: Run): Promise<string> {
  // A loaded machine (a whole test run in parallel) can take a while to start a process.
  for (let i = 0; i < 600; i++) {
    const line = run.stdout.find((l) => / listening on http:/.test(l));
    if (line) return line.split(' listening on ')[1]!.trim();
    await new Promise((r) => setTimeout(r, 50));
  }
  run.child.kill('SIGKILL');
  throw new Error(`the bin did not start: ${run.stderr.join(' | ')}`);
}

/**
 * What every mock bin does alike: SIGTERM and SIGINT let the requests in flight finish (delayed
 * faults cut short), log one line and exit 0; a host it cannot bind, or an empty one, exits
 * non-zero in one line with nothing listening.
 */
export function binSuite(options: BinSuiteOptions): void {
  describe('the bin: graceful shutdown and start failures', () => {
    it.each([['SIGTERM'], ['SIGINT']] as const)(
      '%s: five delayed requests in flight are answered, one log line, exit 0',
      async (signal) => {
        const run = start(options.bin, ['--port', '0']);
        const url = await listening(run);
        await new Promise((r) => setTimeout(r, 100));
        const before = run.stdout.length;
        const inFlight = Array.from({ length: 5 }, () =>
          fetch(`${url}${options.path}`, {
            headers: { ...options.auth, 'x-scanapis-fault': 'delay=20000' },
            signal: AbortSignal.timeout(8_000),
          }).then(async (res) => ({ status: res.status, body: await res.text() })),
        );
        // Time for the five to reach the mock (a delayed fault holds each for 20 s).
        await new Promise((r) => setTimeout(r, 1_500));
        run.child.kill(signal);
        const answers = await Promise.all(inFlight);
        expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
        expect(await run.exit).toBe(0);
        // Exactly one line about the stop, and it is the last one.
        expect(run.stdout.slice(before).filter((l) => l.includes(signal))).toHaveLength(1);
        expect(run.stdout.at(-1)).toContain(signal);
        expect(run.stderr).toEqual([]);
        await expect(
          fetch(`${url}${options.path}`, { signal: AbortSignal.timeout(1_000) }),
        ).rejects.toThrow();
      },
      60_000,
    );

    it.each([
      ['an empty host', ['--host', ''], 2, /--host must not be empty/],
      ['a host it cannot bind', ['--host', '192.0.2.1', '--port', '0'], 1, /could not start on 192\.0\.2\.1/],
    ])(
      '%s: exits non-zero in one line, nothing listening',
      async (_, args, code, line) => {
        const run = start(options.bin, args);
        expect(await run.exit).toBe(code);
        expect(run.stderr).toHaveLength(1);
        expect(run.stderr[0]).toMatch(line);
        expect(run.stdout.filter((l) => l.includes('listening'))).toEqual([]);
      },
      60_000,
    );
  });
}
