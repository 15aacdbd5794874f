import type { TestProject } from 'vitest/node';
import { runMockSize } from './mock-size.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the mock this test run started. */
    mockUrl: string;
  }
}

export type StartableMock = (options: {
  port?: number;
  host?: string;
  size?: number;
}) => Promise<{ url: string; close(): Promise<void> }>;

/**
 * A vitest `globalSetup` that starts one mock for the whole run on a free loopback port,
 * provides its URL as `inject('mockUrl')`, and closes it at the end. `SCANAPIS_MOCK_SIZE=<n>`
 * starts it with a dataset of that size instead of the default (see `runMockSize`; the suites
 * derive what they expect from the size the run serves).
 */
export function mockGlobalSetup(start: StartableMock) {
  return async function setup(project: TestProject) {
    const size = runMockSize();
    const mock = await start({ port: 0, host: '127.0.0.1', ...(size !== undefined ? { size } : {}) });
    project.provide('mockUrl', mock.url);
    return async () => {
      await mock.close();
    };
  };
}
