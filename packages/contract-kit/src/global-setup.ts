import type { TestProject } from 'vitest/node';

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
 * starts it with a dataset of that size instead of the default (the invariant suites hold at any
 * size; tests of the default dataset itself do not).
 */
export function mockGlobalSetup(start: StartableMock) {
  return async function setup(project: TestProject) {
    const sized = process.env.SCANAPIS_MOCK_SIZE;
    if (sized !== undefined && !/^\d+$/.test(sized))
      throw new Error(`SCANAPIS_MOCK_SIZE must be a whole number, got ${JSON.stringify(sized)}`);
    const mock = await start({
      port: 0,
      host: '127.0.0.1',
      ...(sized !== undefined ? { size: Number(sized) } : {}),
    });
    project.provide('mockUrl', mock.url);
    return async () => {
      await mock.close();
    };
  };
}
