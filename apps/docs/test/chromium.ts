// Finds the Chromium the browser tests drive: CHROMIUM_PATH, else where the distributions' packages
// put it. None there, as root with apt-get: installs Debian's `chromium` package first, saying so
// in one line (the test command does its own set-up); otherwise fails with one line saying what to
// install. Never a downloaded browser build. Several test files ask at once: one installs, the
// others wait for it (a lock directory).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian's `chromium` (first) and other packages put the browser. */
export const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/snap/bin/chromium',
];

export interface ChromiumHost {
  env: Record<string, string | undefined>;
  exists(path: string): boolean;
  isRoot: boolean;
  hasAptGet: boolean;
  /** Runs `apt-get update` and `apt-get install -y chromium`; throws with apt's last line. */
  install(): void;
  /** Where the one line goes (stderr). */
  log(line: string): void;
  /** Runs `fn` while holding the machine-wide install lock. */
  locked<T>(fn: () => T): T;
}

const WHAT_TO_INSTALL =
  "install Debian's chromium (sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary";

/** The Chromium to launch; installs Debian's package when it may. Throws one line otherwise. */
export function findChromium(host: ChromiumHost = thisMachine()): string {
  const fromEnv = host.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (host.exists(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH=${fromEnv}: no such file; ${WHAT_TO_INSTALL}`);
  }
  const found = () => CANDIDATES.find((path) => host.exists(path));
  const before = found();
  if (before) return before;
  if (!host.isRoot || !host.hasAptGet)
    throw new Error(`no Chromium at ${CANDIDATES.join(', ')}: ${WHAT_TO_INSTALL}`);
  return host.locked(() => {
    // Another test file may have installed it while this one waited for the lock.
    const meanwhile = found();
    if (meanwhile) return meanwhile;
    host.log("browser tests: no Chromium found; installing Debian's chromium (apt-get install -y chromium)");
    host.install();
    const after = found();
    if (!after) throw new Error(`apt-get installed chromium but no binary is at ${CANDIDATES.join(', ')}`);
    return after;
  });
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The real machine: files, uid, apt-get, and a lock directory in the temp folder. */
export function thisMachine(): ChromiumHost {
  const lock = join(tmpdir(), 'scanapis-chromium-install.lock');
  return {
    env: process.env,
    exists: existsSync,
    isRoot: process.getuid?.() === 0,
    hasAptGet: existsSync('/usr/bin/apt-get'),
    install() {
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      for (const args of [
        ['update', '-qq'],
        ['install', '-y', '-qq', 'chromium'],
      ]) {
        try {
          execFileSync('apt-get', args, { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
        } catch (error) {
          const said = `${(error as { stderr?: Buffer }).stderr ?? ''}`.trim().split('\n').pop();
          throw new Error(`apt-get ${args.join(' ')} failed: ${said || (error as Error).message}`);
        }
      }
    },
    log: (line) => process.stderr.write(`${line}\n`),
    locked(fn) {
      for (;;) {
        try {
          mkdirSync(lock);
          break;
        } catch {
          // Held: by a live process, wait; by a dead one, take it over.
          const pid = Number(readFileSafe(join(lock, 'pid')));
          if (pid && !alive(pid)) rmSync(lock, { recursive: true, force: true });
          else sleep(500);
        }
      }
      try {
        writeFileSync(join(lock, 'pid'), String(process.pid));
        return fn();
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
    },
  };
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** findChromium(), run once when the browser helpers load: the path, or the one-line error to throw on launch. */
export function chromiumForTests(): { path: string; error?: undefined } | { path?: undefined; error: Error } {
  try {
    return { path: findChromium() };
  } catch (error) {
    return { error: error as Error };
  }
}
