import { createRequire } from 'node:module';
import { createPrismHandler, type RunningMock, startMockServer } from '@scanapis/mock-kit';
import { createRegistryHandler } from './behaviour.js';
import { TEST_TOKEN, TOKENS } from './credentials.js';
import { DEFAULT_SEED, DEFAULT_SIZE, generateRegistry, type RegistryDataset } from './data.js';
import { containerRegistryDialect, createContainerRegistryDialect } from './dialect.js';

export type { RunningMock } from '@scanapis/mock-kit';
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
export const specFile: string = createRequire(import.meta.url).resolve(
  '@scanapis/spec-container-registry/openapi.json',
);

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
  /** Prism's static examples (any non-empty bearer token) instead of the behavioural mock. */
  static?: boolean;
}

export interface ContainerRegistryMock extends RunningMock {
  /** The data the behavioural mock serves; absent for the static mock. */
  dataset?: RegistryDataset;
}

/**
 * Starts the Container Registry mock; resolves once it answers, with its URL and `close()`.
 * Behavioural by default: a dataset generated from `seed` and `size`, real pagination, filters,
 * orders and the documented test tokens. `static: true` serves Prism's static examples instead.
 */
export async function startMock(options: StartMockOptions = {}): Promise<ContainerRegistryMock> {
  // Only these: Container Registry documents no rate limit, so `--rate-limit` changes nothing.
  const { seed, size, static: isStatic, port, host } = options;
  const server = { port, host };
  if (isStatic) {
    return startMockServer({
      specFile,
      dialect: containerRegistryDialect,
      handler: await createPrismHandler(specFile),
      ...server,
    });
  }
  const dataset = generateRegistry({ seed: seed ?? DEFAULT_SEED, size: size ?? DEFAULT_SIZE });
  const mock = await startMockServer({
    specFile,
    dialect: createContainerRegistryDialect({
      knowsToken: (token) => Object.hasOwn(TOKENS, token),
      unknownTokenMessage: UNKNOWN_TOKEN_MESSAGE,
    }),
    handler: createRegistryHandler(dataset),
    ...server,
  });
  return { ...mock, dataset };
}
