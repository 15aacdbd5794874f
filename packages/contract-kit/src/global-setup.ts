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
}) => Promise<{ url: string; close(): Promise<void> }>;

/**
 * A vitest `globalSetup` that starts one mock for the whole run on a free loopback port,
 * provides its URL as `inject('mockUrl')`, and closes it at the end.
 */
export function mockGlobalSetup(start: StartableMock) {
  return async function setup(project: TestProject) {
    const mock = await start({ port: 0, host: '127.0.0.1' });
    project.provide('mockUrl', mock.url);
    return async () => {
      await mock.close();
    };
  };
}
