import { describe, expect, it } from 'vitest';
import { type ChromiumHost, findChromium } from './chromium.js';

// How the browser tests find (or install) Chromium, on imagined machines: which files exist,
// root or not, apt-get or not, and what installing leaves behind.

interface Machine {
  env?: Record<string, string>;
  files: string[];
  isRoot: boolean;
  hasAptGet: boolean;
  /** Files the apt-get install adds. */
  installs?: string[];
}

function host(machine: Machine) {
  const files = new Set(machine.files);
  const calls = { installs: 0, logs: [] as string[], locks: 0 };
  const h: ChromiumHost = {
    env: machine.env ?? {},
    exists: (path) => files.has(path),
    isRoot: machine.isRoot,
    hasAptGet: machine.hasAptGet,
    install: () => {
      calls.installs++;
      for (const f of machine.installs ?? []) files.add(f);
    },
    log: (line) => calls.logs.push(line),
    locked: (fn) => {
      calls.locks++;
      return fn();
    },
  };
  return { h, calls };
}

const INSTALLING =
  "browser tests: no Chromium found; installing Debian's chromium (apt-get install -y chromium)";
const WHAT =
  "install Debian's chromium (sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary";

describe('findChromium', () => {
  it.each([
    [
      'CHROMIUM_PATH wins',
      {
        given: {
          env: { CHROMIUM_PATH: '/opt/c/chrome' },
          files: ['/opt/c/chrome', '/usr/bin/chromium'],
          isRoot: true,
          hasAptGet: true,
        },
        want: { path: '/opt/c/chrome', installs: 0, logs: [] },
      },
    ],
    [
      "Debian's package",
      {
        given: { files: ['/usr/bin/chromium'], isRoot: false, hasAptGet: false },
        want: { path: '/usr/bin/chromium', installs: 0, logs: [] },
      },
    ],
    [
      "another distribution's package",
      {
        given: { files: ['/usr/bin/chromium-browser'], isRoot: false, hasAptGet: false },
        want: { path: '/usr/bin/chromium-browser', installs: 0, logs: [] },
      },
    ],
    [
      'none, as root with apt-get: installs, in one line',
      {
        given: { files: [], isRoot: true, hasAptGet: true, installs: ['/usr/bin/chromium'] },
        want: { path: '/usr/bin/chromium', installs: 1, logs: [INSTALLING] },
      },
    ],
  ])('%s', (_, { given, want }) => {
    const { h, calls } = host(given);
    expect(findChromium(h)).toBe(want.path);
    expect(calls.installs).toBe(want.installs);
    expect(calls.logs).toEqual(want.logs);
  });

  it.each([
    [
      'CHROMIUM_PATH names no file: no install, says so',
      {
        given: { env: { CHROMIUM_PATH: '/nope' }, files: [], isRoot: true, hasAptGet: true },
        want: `CHROMIUM_PATH=/nope: no such file; ${WHAT}`,
      },
    ],
    [
      'none, not root: what to install',
      {
        given: { files: [], isRoot: false, hasAptGet: true },
        want: `no Chromium at /usr/bin/chromium, /usr/bin/chromium-browser, /usr/lib/chromium/chromium, /snap/bin/chromium: ${WHAT}`,
      },
    ],
    [
      'none, root without apt-get: what to install',
      {
        given: { files: [], isRoot: true, hasAptGet: false },
        want: `no Chromium at /usr/bin/chromium, /usr/bin/chromium-browser, /usr/lib/chromium/chromium, /snap/bin/chromium: ${WHAT}`,
      },
    ],
    [
      'the install leaves no binary',
      {
        given: { files: [], isRoot: true, hasAptGet: true, installs: [] },
        want: 'apt-get installed chromium but no binary is at /usr/bin/chromium, /usr/bin/chromium-browser, /usr/lib/chromium/chromium, /snap/bin/chromium',
      },
    ],
  ])('%s', (_, { given, want }) => {
    const { h } = host(given);
    expect(() => findChromium(h)).toThrow(want);
    expect(want).not.toContain('\n');
  });

  it('a test file that waited for the lock finds what the other one installed, and installs nothing', () => {
    const { h, calls } = host({ files: [], isRoot: true, hasAptGet: true });
    // Between the first look and the lock, another test file installed it.
    const locked = h.locked;
    h.locked = (fn) => {
      (h as { exists: (p: string) => boolean }).exists = (p) => p === '/usr/bin/chromium';
      return locked(fn);
    };
    expect(findChromium(h)).toBe('/usr/bin/chromium');
    expect(calls.installs).toBe(0);
    expect(calls.logs).toEqual([]);
  });
});
