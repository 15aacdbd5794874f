import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startMockServer } from '../../src/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The one HTTP mock both session files share. */
    sessionMockUrl: string;
  }
}

/** One HTTP mock for the session files, which run at the same time (see vitest.config.ts). */
export default async function setup(project: TestProject) {
  const mock = await startMockServer({
    specFile: fileURLToPath(new URL('../../../spec-tools/test/fixtures/tiny.json', import.meta.url)),
    dialect: {
      authenticate: () => undefined,
      badRequest: () => ({ status: 400, body: {} }),
      notFound: () => ({ status: 404, body: {} }),
      methodNotAllowed: () => ({ status: 405, body: {} }),
      internalError: () => ({ status: 500, body: {} }),
    },
    handler: () => ({ status: 200, headers: { 'x-count': '0' }, body: { items: [] } }),
  });
  project.provide('sessionMockUrl', mock.url);
  return () => mock.close();
}
