import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

// `pnpm start` after its build: scripts/start-services.mjs, run as a user runs it, on free ports.

const execFileAsync = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const SCRIPT = resolve(root, 'scripts/start-services.mjs');
const FREE_PORTS = [
  '--container-registry-port',
  '0',
  '--hss-port',
  '0',
  '--gecko-port',
  '0',
  '--docs-port',
  '0',
];
/** The environment without any SCANAPIS_* the caller may have set. */
const cleanEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SCANAPIS_')));

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

interface Started {
  child: ChildProcess;
  stdout: string;
  exit: Promise<number | null>;
}

/** Starts the script; resolves once it printed its last line (or exited). */
function start(args: string[], env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [SCRIPT, ...args], {
    cwd: root,
    env: { ...cleanEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  const exit = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  return new Promise((ok, fail) => {
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes('Ctrl-C stops everything.')) ok({ child, stdout, exit });
    });
    child.stderr!.on('data', (chunk) => {
      stderr += chunk;
    });
    exit.then((code) => fail(new Error(`exited (${code}) before it was ready:\n${stdout}${stderr}`)));
  });
}

/** Runs the script to its end: exit code and output. */
async function run(args: string[], env: Record<string, string> = {}) {
  return execFileAsync(process.execPath, [SCRIPT, ...args], { cwd: root, env: { ...cleanEnv(), ...env } })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }));
}

/** The curl commands as printed (with their `\` continuation lines). */
const curls = (stdout: string) => [...stdout.matchAll(/^ {2}(curl .*?(?:\\\n.*)?)$/gm)].map((m) => m[1]!);
const baseUrls = (stdout: string) => [...stdout.matchAll(/^ {2}base URL +(\S+)$/gm)].map((m) => m[1]!);

async function stopWith(started: Started, signals: NodeJS.Signals[]): Promise<number | null> {
  for (const signal of signals) started.child.kill(signal);
  return started.exit;
}

async function refused(url: string): Promise<boolean> {
  return fetch(url).then(
    () => false,
    () => true,
  );
}

describe('options', () => {
  it('--help lists every option with its environment variable, within 100 columns', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const [flag, env] of [
      ['--host', 'SCANAPIS_HOST'],
      ['--container-registry-port', 'SCANAPIS_CONTAINER_REGISTRY_PORT'],
      ['--hss-port', 'SCANAPIS_HSS_PORT'],
      ['--gecko-port', 'SCANAPIS_GECKO_PORT'],
      ['--docs-port', 'SCANAPIS_DOCS_PORT'],
      ['--seed', 'SCANAPIS_SEED'],
      ['--size', 'SCANAPIS_SIZE'],
      ['--static', 'SCANAPIS_STATIC'],
    ])
      expect(stdout).toMatch(new RegExp(`${flag}.*${env}`));
    expect(stdout).toContain('/__scanapis/health');
    for (const line of stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
  });

  it.each([
    ['an unknown option', { args: ['--bogus'], env: {}, want: 'start: unknown option --bogus' }],
    [
      'a port out of range',
      {
        args: ['--gecko-port', '70000'],
        env: {},
        want: 'start: --gecko-port must be an integer from 0 to 65535, got "70000"',
      },
    ],
    [
      'a bad port in the environment',
      {
        args: [],
        env: { SCANAPIS_HSS_PORT: 'x' },
        want: 'start: SCANAPIS_HSS_PORT must be an integer from 0 to 65535, got "x"',
      },
    ],
    [
      'a bad seed',
      {
        args: ['--seed', '1.5'],
        env: {},
        want: 'start: --seed must be an integer from 0 to 4294967295, got "1.5"',
      },
    ],
    [
      'a bad size',
      {
        args: ['--size', 'many'],
        env: {},
        want: 'start: --size must be an integer from 0 to 1000000, got "many"',
      },
    ],
  ])('%s: one line, then the usage; exit code 2', async (_, { args, env, want }) => {
    const { code, stdout, stderr } = await run(args, env);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const [first, blank, usage] = stderr.split('\n');
    expect(first).toBe(want);
    expect(blank).toBe('');
    expect(usage).toMatch(/^Usage: pnpm start \[options\]/);
  });
});

describe('running', () => {
  it('every line fits in 100 columns, each curl line answers 200, health and docs answer, SIGINT twice exits 0', async () => {
    const started = await start(FREE_PORTS);
    const lines = started.stdout.trimEnd().split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(100);
    expect(lines[0]).toBe('scanapis on 127.0.0.1: behavioural mocks, seed 1, default sizes');
    const commands = curls(started.stdout);
    expect(commands).toHaveLength(3);
    for (const command of commands) {
      // As pasted into a shell; -w prints the status after the body.
      const { stdout } = await execFileAsync('sh', ['-c', `${command} -w '\\n%{http_code}'`]);
      const [body, status] = [
        stdout.slice(0, stdout.lastIndexOf('\n')),
        stdout.slice(stdout.lastIndexOf('\n') + 1),
      ];
      expect(status, command).toBe('200');
      expect(() => JSON.parse(body)).not.toThrow();
    }
    const urls = baseUrls(started.stdout);
    expect(urls).toHaveLength(3);
    for (const url of urls) {
      const res = await fetch(`${url}/__scanapis/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true });
    }
    const docs = /^API docs \(every API\) +(\S+)$/m.exec(started.stdout)?.[1];
    expect((await fetch(docs!)).status).toBe(200);
    expect(started.stdout).toMatch(/signed by the client \(@scanapis\/hss\) or @scanapis\/huawei-signer/);
    // Ctrl-C under pnpm: the terminal's SIGINT and the one pnpm forwards.
    expect(await stopWith(started, ['SIGINT', 'SIGINT'])).toBe(0);
    for (const url of [...urls, docs!]) expect(await refused(url)).toBe(true);
  }, 60_000);

  it('--seed and SCANAPIS_SIZE shape the data; SIGTERM exits 0', async () => {
    const started = await start([...FREE_PORTS, '--seed', '9'], { SCANAPIS_SIZE: '4' });
    expect(started.stdout.split('\n')[0]).toBe('scanapis on 127.0.0.1: behavioural mocks, seed 9, size 4');
    const gecko = baseUrls(started.stdout)[2]!;
    const res = await fetch(`${gecko}/api/v1/scans?limit=100`, {
      headers: { 'x-api-key': 'gk_test_scans_read' },
    });
    expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(4);
    expect(await stopWith(started, ['SIGTERM'])).toBe(0);
  }, 60_000);

  it('--static with --host 127.0.0.2: the examples, bound where asked; the curl lines still answer 200', async () => {
    const started = await start([...FREE_PORTS, '--static', '--host', '127.0.0.2']);
    expect(started.stdout.split('\n')[0]).toBe('scanapis on 127.0.0.2: static examples of the specs (Prism)');
    for (const url of baseUrls(started.stdout)) expect(url).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
    for (const command of curls(started.stdout)) {
      const { stdout } = await execFileAsync('sh', ['-c', `${command} -o /dev/null -w '%{http_code}'`]);
      expect(stdout, command).toBe('200');
    }
    expect(await stopWith(started, ['SIGINT'])).toBe(0);
  }, 60_000);
});

describe('a port in use', () => {
  let busy: Server | undefined;
  afterEach(async () => {
    await new Promise((ok) => (busy ? busy.close(ok) : ok(undefined)));
    busy = undefined;
  });

  it.each([
    ['hss', '--hss-port'],
    ['docs site', '--docs-port'],
  ])(
    '%s: one line naming the port and %s, exit code 1',
    async (what, flag) => {
      busy = createServer();
      await new Promise<void>((ok) => busy!.listen(0, '127.0.0.1', ok));
      const port = (busy.address() as { port: number }).port;
      const args = FREE_PORTS.flatMap((a, i) => (FREE_PORTS[i - 1] === flag ? [String(port)] : [a]));
      const { code, stdout, stderr } = await run(args);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      const title = what === 'hss' ? 'hss mock' : what;
      expect(stderr).toBe(`start: port ${port} (${title}) is in use; change it with ${flag} <n>\n`);
    },
    60_000,
  );
});
