import { fileURLToPath } from 'node:url';
import {
  createMockFetch as createDefinedMockFetch,
  type EdgeTimeouts,
  type InProcessMock,
  type InProcessOptions,
  type MockDefinition,
  type RunningMock,
  startDefinedMock,
} from '@scanapis/mock-kit';
import { createBehaviour, DEFAULT_RATE_LIMIT } from './behaviour.js';
import { TEST_API_KEY, TEST_API_KEY_WITHOUT_SCANS_READ } from './credentials.js';
import { DEFAULT_SEED, DEFAULT_SIZE } from './data.js';
import { geckoDialect } from './dialect.js';

export type { Fault, Faults, InProcessMock, RunningMock } from '@scanapis/mock-kit';
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
// The build copies the bundled spec into dist/: the package serves it from its own files.
export const specFile: string = fileURLToPath(new URL('../dist/openapi.json', import.meta.url));

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

/** What `createMockFetch` and `createHandlers` take: `startMock`'s options but where to listen, plus base URLs. */
export type MockFetchOptions = Omit<StartMockOptions, 'port' | 'host' | 'timeouts'> & InProcessOptions;

/**
 * The Gecko mock, once, for every transport: a new behaviour (own rate-limit windows) per
 * instance; `static: true` serves the spec's examples through Prism.
 */
export const definition: MockDefinition<Omit<StartMockOptions, 'port' | 'host' | 'timeouts' | 'strict'>> = {
  name: '@scanapis/gecko-mock',
  specFile,
  create(options) {
    if (options.static) return { dialect: geckoDialect };
    const { seed, size, rateLimit } = options;
    const behaviour = createBehaviour({
      ...(seed !== undefined ? { seed } : {}),
      ...(size !== undefined ? { size } : {}),
      ...(rateLimit !== undefined ? { rateLimit } : {}),
    });
    return { dialect: behaviour.dialect, handler: behaviour.handler, onReset: behaviour.onReset };
  },
};

/**
 * Starts the Gecko mock; resolves once it answers, with its URL and `close()`. Behavioural by
 * default (seeded dataset, paging, filters, test keys, rate limit); `static: true` serves the
 * spec's examples through Prism.
 */
export function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  return startDefinedMock(definition, options);
}

/**
 * The same mock in-process, as a `fetch` for a client's `fetch` option — no server, no socket:
 * `createGeckoClient({ apiKey: TEST_API_KEY, fetch: createMockFetch().fetch })`. It answers
 * `https://app.gecko.security` and any `baseUrl` given; other origins are refused with a TypeError.
 * Each call is a new instance with its own faults and rate-limit windows.
 */
export function createMockFetch(options: MockFetchOptions = {}): InProcessMock {
  return createDefinedMockFetch(definition, options);
}
