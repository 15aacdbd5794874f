import { createRequire } from 'node:module';
import { type EdgeTimeouts, type RunningMock, startMockServer } from '@scanapis/mock-kit';
import { createBehaviour, DEFAULT_RATE_LIMIT } from './behaviour.js';
import { TEST_API_KEY, TEST_API_KEY_WITHOUT_SCANS_READ } from './credentials.js';
import { DEFAULT_SEED, DEFAULT_SIZE } from './data.js';
import { geckoDialect } from './dialect.js';

export type { RunningMock } from '@scanapis/mock-kit';
export {
  type BehaviourOptions,
  createBehaviour,
  DEFAULT_LIMIT,
  DEFAULT_RATE_LIMIT,
  listScansHandler,
  RATE_LIMIT_WINDOW_MS,
} from './behaviour.js';
export {
  TEST_API_KEY,
  TEST_API_KEY_WITHOUT_SCANS_READ,
  TEST_KEYS,
  testCredentials,
} from './credentials.js';
export { DEFAULT_SEED, DEFAULT_SIZE, generateScans, SCAN_STATUSES, type Scan } from './data.js';
export { freshRateLimitHeaders, geckoDialect, geckoError, identify, identifyWellFormed } from './dialect.js';

/** The bundled Gecko spec this mock serves. */
export const specFile: string = createRequire(import.meta.url).resolve('@scanapis/spec-gecko/openapi.json');

/** The port `pnpm start` serves the Gecko mock on. */
export const DEFAULT_PORT = 4012;

export interface StartMockOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Seed of the dataset (default `DEFAULT_SEED`, 1): the same seed gives the same scans. */
  seed?: number;
  /** Scans in the dataset (default `DEFAULT_SIZE`, 123). */
  size?: number;
  /**
   * Prism's static examples instead of the behavioural mock: every valid request gets the spec's
   * example page, whatever its query. Any well-formed key (`gk_…`) is accepted, as Prism accepts
   * any well-formed credential — the documented key without `scans.read` still answers 403; there
   * is no rate limit (the example's rate-limit headers are sent, `X-RateLimit-Reset` computed now).
   */
  static?: boolean;
  /**
   * An unknown query parameter is Gecko's 400 naming it and listing the parameters the operation
   * takes; without it, the parameter is ignored (as Gecko does) and named in `x-scanapis-warning`.
   */
  strict?: boolean;
  /** How long a client may take to send its headers / its request before the 408 (tests). */
  timeouts?: EdgeTimeouts;
  /** Requests per hour per key (default `DEFAULT_RATE_LIMIT`, 1,000 — Gecko's). */
  rateLimit?: number;
}

/** Lines `gecko-mock --help` adds about this API's defaults. */
export const cliNotes = [
  '',
  `Defaults: --seed ${DEFAULT_SEED}, --size ${DEFAULT_SIZE}, --rate-limit ${DEFAULT_RATE_LIMIT} (requests per hour per key).`,
  `Test keys (X-API-Key): ${TEST_API_KEY} (scans.read), ${TEST_API_KEY_WITHOUT_SCANS_READ} (→ 403).`,
];

/**
 * Starts the Gecko mock; resolves once it answers, with its URL and `close()`. Behavioural by
 * default (seeded dataset, paging, filters, test keys, rate limit); `static: true` serves the
 * spec's examples through Prism.
 */
export function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const { port, host, seed, size, rateLimit, strict, timeouts } = options;
  const where = {
    ...(port !== undefined ? { port } : {}),
    ...(host !== undefined ? { host } : {}),
    ...(strict !== undefined ? { strict } : {}),
    ...(timeouts !== undefined ? { timeouts } : {}),
  };
  if (options.static) return startMockServer({ specFile, dialect: geckoDialect, ...where });
  const behaviour = createBehaviour({
    ...(seed !== undefined ? { seed } : {}),
    ...(size !== undefined ? { size } : {}),
    ...(rateLimit !== undefined ? { rateLimit } : {}),
  });
  return startMockServer({
    specFile,
    dialect: behaviour.dialect,
    handler: behaviour.handler,
    onReset: behaviour.onReset,
    ...where,
  });
}
