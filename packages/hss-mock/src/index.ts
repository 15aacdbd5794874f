import { fileURLToPath } from 'node:url';
import {
  cachedBy,
  createMockFetch as createDefinedMockFetch,
  type EdgeTimeouts,
  type InProcessMock,
  type InProcessOptions,
  type MockDefinition,
  type RunningMock,
  startDefinedMock,
} from '@scanapis/mock-kit';
import { listImagesHandler } from './behaviour.js';
import {
  type HssMockCredentials,
  TEST_ACCESS_KEY,
  TEST_PROJECT_ID,
  TEST_SECRET_KEY,
  TEST_TEMPORARY_CREDENTIALS,
  TEST_TOKEN,
} from './credentials.js';
import { createImageDataset } from './data.js';
import { createHssDialect } from './dialect.js';

export type { Fault, Faults, InProcessMock, RunningMock } from '@scanapis/mock-kit';
export {
  DEFAULT_LIMIT,
  filtersOf,
  isRisky,
  type ListImagesOptions,
  listImagesHandler,
  SCAN_STATUS_FILTER,
} from './behaviour.js';
export {
  type HssMockCredentials,
  TEST_ACCESS_KEY,
  TEST_PROJECT_ID,
  TEST_SECRET_KEY,
  TEST_SECURITY_TOKEN,
  TEST_TEMPORARY_ACCESS_KEY,
  TEST_TEMPORARY_CREDENTIALS,
  TEST_TEMPORARY_SECRET_KEY,
  TEST_TOKEN,
  type TemporaryCredentials,
  testCredentials,
} from './credentials.js';
export {
  ALL_ENTERPRISE_PROJECTS,
  ANCHOR_MS,
  type AssociateImagesInfo,
  DEFAULT_ENTERPRISE_PROJECT,
  DEFAULT_SEED,
  DEFAULT_SIZE,
  ENTERPRISE_PROJECTS,
  generateImages,
  IMAGE_TYPES,
  type ImageRecord,
  type ImageType,
  REGISTRIES,
  type RegistryImagesInfo,
  SCAN_FAILED_CODES,
  SCAN_STATUSES,
  type ScanFailedCode,
  type ScanStatus,
  SEVERITY_LEVELS,
  type SeverityLevel,
} from './data.js';
export {
  createHssDialect,
  GATEWAY_STATUS,
  type HssDialectOptions,
  hssDialect,
  MAX_SKEW_MS,
  MESSAGES,
} from './dialect.js';

/** The bundled HSS spec this mock serves. */
// The build copies the bundled spec into dist/: the package serves it from its own files.
export const specFile: string = fileURLToPath(new URL('../dist/openapi.json', import.meta.url));

/** The port `pnpm start` serves the HSS mock on. */
export const DEFAULT_PORT = 4011;

export interface StartMockOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Seed of the generated dataset (default `DEFAULT_SEED`, 1). */
  seed?: number;
  /** Images in the dataset, over every enterprise project (default `DEFAULT_SIZE`, 500). */
  size?: number;
  /**
   * Prism's static examples (the page's example for every valid request, `Prefer: code=<status>`
   * for the others) instead of the behavioural mock. Any well-formed credential is accepted, as
   * Prism does: any non-empty `X-Auth-Token` (unless `credentials.tokens` is given), any
   * well-formed AK/SK signature with a fresh X-Sdk-Date (known access keys are still verified).
   */
  static?: boolean;
  /**
   * An unknown query parameter is HSS's 400 naming it and listing the operation's parameters;
   * without it, ignored (as HSS does) and named in `x-scanapis-warning`.
   */
  strict?: boolean;
  /** How long a client may take to send its headers / its request before the 408 (tests). */
  timeouts?: EdgeTimeouts;
  /** Tokens, AK/SK pairs and the project accepted; each defaults to the public test value. */
  credentials?: HssMockCredentials;
}

/** What `createMockFetch` and `createHandlers` take: `startMock`'s options but where to listen, plus base URLs. */
export type MockFetchOptions = Omit<StartMockOptions, 'port' | 'host' | 'timeouts'> & InProcessOptions;

/** One dataset per seed and size in a process: instances share the records, never state. */
const imagesFor = cachedBy((seed: number | undefined, size: number | undefined) =>
  createImageDataset({ ...(seed !== undefined ? { seed } : {}), ...(size !== undefined ? { size } : {}) }),
);

/** The HSS mock, once, for every transport (server, in-process fetch, MSW handlers). */
export const definition: MockDefinition<Omit<StartMockOptions, 'port' | 'host' | 'timeouts' | 'strict'>> = {
  name: '@scanapis/hss-mock',
  specFile,
  create(options) {
    const credentials = options.credentials ?? {};
    const accessKeys = credentials.accessKeys ?? { [TEST_ACCESS_KEY]: TEST_SECRET_KEY };
    const temporary = credentials.temporary ?? TEST_TEMPORARY_CREDENTIALS;
    if (options.static) {
      // Any well-formed credential, as Prism accepts (known access keys are still verified).
      return {
        dialect: createHssDialect({
          credentials: accessKeys,
          temporary,
          anyWellFormed: true,
          ...(credentials.tokens ? { tokens: credentials.tokens } : {}),
        }),
      };
    }
    return {
      dialect: createHssDialect({
        credentials: accessKeys,
        temporary,
        tokens: credentials.tokens ?? [TEST_TOKEN],
      }),
      handler: listImagesHandler(imagesFor(options.seed, options.size), {
        projectId: credentials.projectId ?? TEST_PROJECT_ID,
      }),
    };
  },
};

/**
 * Starts the HSS mock; resolves once it answers, with its URL and `close()`. Behavioural by
 * default: a seeded dataset with HSS's paging, filters and order (see the README).
 */
export function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  return startDefinedMock(definition, options);
}

/**
 * The same mock in-process, as a `fetch` for a client's `fetch` option — no server, no socket. It
 * answers `https://hss.{region}.myhuaweicloud.com` (every region) and any `baseUrl` given; other
 * origins are refused with a TypeError. Each call is a new instance with its own faults.
 */
export function createMockFetch(options: MockFetchOptions = {}): InProcessMock {
  return createDefinedMockFetch(definition, options);
}
