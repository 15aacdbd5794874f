import { vitestConfig } from '../../vitest.shared.js';

// Contract, fuzz and behaviour suites run on every transport: the server, the in-process fetch
// and the MSW handlers; the rest (CLI, error formats, data) on the server project only.
export default vitestConfig({
  globalSetup: ['test/global-setup.ts'],
  transports: {
    setupFile: 'test/transport.ts',
    include: ['test/contract.test.ts', 'test/fuzz.test.ts', 'test/behaviour.test.ts'],
  },
});
