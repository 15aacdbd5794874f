import { createRequire } from 'node:module';
import { type RunningMock, startMockServer } from '@scanapis/mock-kit';
import { geckoDialect } from './dialect.js';

export type { RunningMock } from '@scanapis/mock-kit';
export { geckoDialect } from './dialect.js';

/** The bundled Gecko spec this mock serves. */
export const specFile: string = createRequire(import.meta.url).resolve('@scanapis/spec-gecko/openapi.json');

/** The port `pnpm start` serves the Gecko mock on. */
export const DEFAULT_PORT = 4012;

export interface StartMockOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
}

/** Starts the Gecko mock; resolves once it answers, with its URL and `close()`. */
export function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  return startMockServer({ specFile, dialect: geckoDialect, ...options });
}
