/**
 * Where the behaviour suites send their requests: the mock this test run started (the default),
 * or the vendor's live API with `SCANAPIS_TARGET=live` and credentials in the environment. A live
 * run without credentials is not run, and says why; it never passes silently and never fails
 * for lack of credentials.
 */
export interface Target {
  mode: 'mock' | 'live';
  /** Set when the suite must not run, with the reason to report. */
  notRun?: string;
  /** The environment values the live run asked for (empty for the mock). */
  env: Record<string, string>;
}

export function resolveTarget(
  api: string,
  requiredEnv: string[],
  env: NodeJS.ProcessEnv = process.env,
): Target {
  if (env.SCANAPIS_TARGET !== 'live') return { mode: 'mock', env: {} };
  const missing = requiredEnv.filter((name) => !env[name]);
  if (missing.length > 0) {
    const notRun = `${api}: live run NOT RUN — SCANAPIS_TARGET=live but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set`;
    console.warn(notRun);
    return { mode: 'live', notRun, env: {} };
  }
  return { mode: 'live', env: Object.fromEntries(requiredEnv.map((name) => [name, env[name] as string])) };
}

/** Loopback hosts: the only ones tests may send traffic to, unless the user asked for a live run. */
export function assertAllowedHost(url: URL, env: NodeJS.ProcessEnv = process.env): void {
  if (['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return;
  if (env.SCANAPIS_TARGET === 'live') return;
  throw new Error(
    `tests send traffic to loopback only, not ${url.hostname} (set SCANAPIS_TARGET=live for a live run)`,
  );
}
