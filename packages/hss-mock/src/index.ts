import { createRequire } from 'node:module';
import { createPrismHandler, type RunningMock, startMockServer } from '@scanapis/mock-kit';
import { createHssDialect, withRequestId } from './dialect.js';

export type { RunningMock } from '@scanapis/mock-kit';
export {
  createHssDialect,
  type HssDialectOptions,
  hssDialect,
  MAX_SKEW_MS,
  MESSAGES,
  TEST_ACCESS_KEY,
  TEST_SECRET_KEY,
} from './dialect.js';

/** The bundled HSS spec this mock serves. */
export const specFile: string = createRequire(import.meta.url).resolve('@scanapis/spec-hss/openapi.json');

/** The port `pnpm start` serves the HSS mock on. */
export const DEFAULT_PORT = 4011;

export interface StartMockOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /**
   * Access key ID → secret access key pairs accepted for AK/SK signing; defaults to the public
   * test pair `TEST_ACCESS_KEY` / `TEST_SECRET_KEY`.
   */
  credentials?: Readonly<Record<string, string>>;
}

/** Starts the HSS mock; resolves once it answers, with its URL and `close()`. */
export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const { port, host, credentials } = options;
  return startMockServer({
    specFile,
    dialect: createHssDialect(credentials ? { credentials } : {}),
    handler: withRequestId(await createPrismHandler(specFile)),
    ...(port !== undefined ? { port } : {}),
    ...(host !== undefined ? { host } : {}),
  });
}
