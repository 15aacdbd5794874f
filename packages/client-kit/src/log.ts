import { ScanApiConfigError } from './errors.js';

/** How much a client logs: nothing (`off`, the default), failures only (`error`) … every attempt (`debug`). */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Where log lines go (default `console`): one string per line. */
export type Logger = Record<Exclude<LogLevel, 'off'>, (line: string) => void>;

/** A client's log: writes `line` when `level` (1 error, 2 warn, 3 info, 4 debug) is enabled. */
export type Log = (level: number, line: string) => void;

const LEVELS = ['off', 'error', 'warn', 'info', 'debug'] as const;

/**
 * The log of a client from its `logLevel` and `logger` options, or the `SCANAPIS_LOG` environment
 * variable when `logLevel` is not given; undefined when logging is off.
 */
export function resolveLog(level: unknown, logger: Logger = console): Log | undefined {
  const value =
    level ??
    (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.SCANAPIS_LOG;
  const enabled = LEVELS.indexOf((value as LogLevel) ?? 'off');
  if (enabled < 0)
    throw new ScanApiConfigError(
      level === undefined ? 'SCANAPIS_LOG' : 'logLevel',
      `must be one of ${LEVELS.join(', ')}`,
    );
  return enabled
    ? (l, line) => l <= enabled && logger[LEVELS[l] as 'debug'](`[scanapis] ${line}`)
    : undefined;
}

/**
 * A URL as it may be logged: no fragment, and the value of every query parameter whose name looks
 * like a credential (`key`, `token`, `secret`, `sig`, `pass`, `auth`, `cred`) replaced by `***`.
 * (A fetch Request never carries user info.)
 */
export const logUrl = (url: string): string =>
  url.replace(/#.*/s, '').replace(/([?&][^=]*(key|token|secret|sig|pass|auth|cred)[^=]*=)[^&]*/gi, '$1***');
