import { installTransport } from '@scanapis/contract-kit';
import { createMockFetch, specFile, startMock } from '../src/index.js';

// The mock on this vitest project's transport: the run-wide server, or an in-process fetch /
// MSW handlers of this file's own (see vitest.config.ts).
await installTransport({
  specFile,
  startMock,
  createMockFetch,
  loadHandlers: async () => (await import('../src/msw.js')).createHandlers,
});
