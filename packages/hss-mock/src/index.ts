import { createRequire } from 'node:module';
import { createPrismHandler, type RunningMock, startMockServer } from '@scanapis/mock-kit';
import { listImagesHandler } from './behaviour.js';
import {
  type HssMockCredentials,
  TEST_ACCESS_KEY,
  TEST_PROJECT_ID,
  TEST_SECRET_KEY,
  TEST_TOKEN,
} from './credentials.js';
import { createImageDataset } from './data.js';
import { createHssDialect } from './dialect.js';

export type { RunningMock } from '@scanapis/mock-kit';
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
  TEST_TOKEN,
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
export { createHssDialect, type HssDialectOptions, hssDialect, MAX_SKEW_MS, MESSAGES } from './dialect.js';

/** The bundled HSS spec this mock serves. */
export const specFile: string = createRequire(import.meta.url).resolve('@scanapis/spec-hss/openapi.json');

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
   * for the others) instead of the behavioural mock; any non-empty `X-Auth-Token` is accepted
   * unless `credentials.tokens` is given.
   */
  static?: boolean;
  /** Tokens, AK/SK pairs and the project accepted; each defaults to the public test value. */
  credentials?: HssMockCredentials;
}

/**
 * Starts the HSS mock; resolves once it answers, with its URL and `close()`. Behavioural by
 * default: a seeded dataset with HSS's paging, filters and order (see the README).
 */
export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const { port, host, credentials = {} } = options;
  const accessKeys = credentials.accessKeys ?? { [TEST_ACCESS_KEY]: TEST_SECRET_KEY };
  const listen = { ...(port !== undefined ? { port } : {}), ...(host !== undefined ? { host } : {}) };
  if (options.static) {
    return startMockServer({
      specFile,
      dialect: createHssDialect({
        credentials: accessKeys,
        ...(credentials.tokens ? { tokens: credentials.tokens } : {}),
      }),
      handler: await createPrismHandler(specFile),
      ...listen,
    });
  }
  const records = createImageDataset({
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.size !== undefined ? { size: options.size } : {}),
  });
  return startMockServer({
    specFile,
    dialect: createHssDialect({ credentials: accessKeys, tokens: credentials.tokens ?? [TEST_TOKEN] }),
    handler: listImagesHandler(records, { projectId: credentials.projectId ?? TEST_PROJECT_ID }),
    ...listen,
  });
}
