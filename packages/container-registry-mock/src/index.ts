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
import { createRegistryHandler } from './behaviour.js';
import { TEST_TOKEN, TOKENS } from './credentials.js';
import { DEFAULT_SEED, DEFAULT_SIZE, generateRegistry, type RegistryDataset } from './data.js';
import { containerRegistryDialect, createContainerRegistryDialect } from './dialect.js';

export type { Fault, Faults, InProcessMock, RunningMock } from '@scanapis/mock-kit';
export { createRegistryHandler, DEFAULT_PAGE_SIZE } from './behaviour.js';
export {
  NO_ACCESS_TOKEN,
  type SampleIds,
  sampleIds,
  TEST_TOKEN,
  TOKENS,
  testCredentials,
} from './credentials.js';
export {
  type BlobJson,
  columnsOf,
  DEFAULT_SEED,
  DEFAULT_SIZE,
  type Folder,
  type GenerateOptions,
  generateRegistry,
  type ImageJson,
  imageAt,
  type Registry,
  type RegistryColumns,
  type RegistryDataset,
  type Repository,
  SCAN_STATUSES,
  type ScanJson,
  type ScanStatus,
  SPEC_EXAMPLES,
  type StoredImage,
  type StoredScan,
  scanAt,
  timestampKey,
  type VulnerabilityStatsJson,
} from './data.js';
export {
  bearerToken,
  containerRegistryDialect,
  createContainerRegistryDialect,
  type DialectOptions,
  GrpcCode,
  grpcCodeOf,
  REQUEST_INFO_TYPE,
  statusBody,
  traceIdOf,
} from './dialect.js';
export { createPageTokens, type PageTokens } from './page-token.js';
export {
  FILTER_STATUSES,
  IMAGE_ORDER_FIELDS,
  parseImageFilter,
  parseImageOrder,
  parseScanFilter,
  parseScanOrder,
  statusRank,
} from './query.js';

/** The bundled Container Registry spec this mock serves. */
// The build copies the bundled spec into dist/: the package serves it from its own files.
export const specFile: string = fileURLToPath(new URL('../dist/openapi.json', import.meta.url));

/** The port `pnpm start` serves the Container Registry mock on. */
export const DEFAULT_PORT = 4010;

/** The 401 message for a well-formed bearer token the behavioural mock does not know. */
export const UNKNOWN_TOKEN_MESSAGE = `The token is invalid: use the mock's test token ${TEST_TOKEN}`;

export interface StartMockOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Seed of the generated dataset (default {@link DEFAULT_SEED}). */
  seed?: number;
  /** Number of images in the dataset (default {@link DEFAULT_SIZE}). */
  size?: number;
  /** Prism's static examples (any well-formed bearer token, as Prism) instead of the behavioural mock. */
  static?: boolean;
  /**
   * An unknown query parameter is the vendor's 400 (INVALID_ARGUMENT) naming it and listing the
   * operation's parameters; without it, ignored (as the gRPC-gateway does) and named in `x-scanapis-warning`.
   */
  strict?: boolean;
  /** How long a client may take to send its headers / its request before the 408 (tests). */
  timeouts?: EdgeTimeouts;
}

export interface ContainerRegistryMock extends RunningMock, ContainerRegistryExtras {}

/** What `createMockFetch` and `createHandlers` take: `startMock`'s options but where to listen, plus base URLs. */
export type MockFetchOptions = Omit<StartMockOptions, 'port' | 'host' | 'timeouts'> & InProcessOptions;

/** One dataset per seed and size in a process: instances share the data, never page tokens. */
const datasetFor = cachedBy((seed: number, size: number) => generateRegistry({ seed, size }));

/** What every transport's result carries besides the mock itself. */
export interface ContainerRegistryExtras {
  /** The data the behavioural mock serves; absent for the static mock. */
  dataset?: RegistryDataset;
}

/** The Container Registry mock, once, for every transport (server, in-process fetch, MSW handlers). */
export const definition: MockDefinition<
  Omit<StartMockOptions, 'port' | 'host' | 'timeouts' | 'strict'>,
  ContainerRegistryExtras
> = {
  name: '@scanapis/container-registry-mock',
  specFile,
  create(options) {
    // Only these: Container Registry documents no rate limit, so `--rate-limit` changes nothing.
    if (options.static) return { dialect: containerRegistryDialect };
    const dataset = datasetFor(options.seed ?? DEFAULT_SEED, options.size ?? DEFAULT_SIZE);
    return {
      dialect: createContainerRegistryDialect({
        knowsToken: (token) => Object.hasOwn(TOKENS, token),
        unknownTokenMessage: UNKNOWN_TOKEN_MESSAGE,
      }),
      handler: createRegistryHandler(dataset),
      extras: { dataset },
    };
  },
};

/**
 * Starts the Container Registry mock; resolves once it answers, with its URL and `close()`.
 * Behavioural by default: a dataset generated from `seed` and `size`, real pagination, filters,
 * orders and the documented test tokens. `static: true` serves Prism's static examples instead.
 */
export function startMock(options: StartMockOptions = {}): Promise<ContainerRegistryMock> {
  return startDefinedMock(definition, options);
}

/**
 * The same mock in-process, as a `fetch` for a client's `fetch` option — no server, no socket. It
 * answers both production base URLs (Yandex Cloud, Nebius Israel) and any `baseUrl` given; other
 * origins are refused with a TypeError. Each call is a new instance with its own faults.
 */
export function createMockFetch(options: MockFetchOptions = {}): InProcessMock & ContainerRegistryExtras {
  return createDefinedMockFetch(definition, options);
}
