import { contractSuite, staticModeSuite } from '@scanapis/contract-kit';
import { afterAll, beforeAll } from 'vitest';
import { type ContainerRegistryMock, specFile, startMock } from '../src/index.js';

// The same contract against the static mock (`static: true`, Prism's examples, any non-empty
// bearer token), started here: contract-kit's own suite, unchanged, asks for the statuses without
// a natural trigger with `Prefer: code=<status>`, which only the static mock honours.
let mock: ContainerRegistryMock;
beforeAll(async () => {
  mock = await startMock({ static: true });
});
afterAll(() => mock.close());

contractSuite({
  specFile,
  baseUrl: () => mock.url,
  auth: { Authorization: 'Bearer t1.contract-test-token' },
  triggers: {
    Scanner_list: {
      '200': {},
      '400': { query: { pageSize: '5000' } },
      '401': { auth: false },
    },
    Image_list: {
      '200': {},
      '400': { query: { pageSize: '5000' } },
      '401': { auth: false },
    },
  },
});

// Shared with every static mock: any well-formed credential, and Prefer asking for what is not declared.
staticModeSuite({
  specFile,
  baseUrl: () => mock.url,
  auth: { Authorization: 'Bearer t1.contract-test-token' },
  wellFormedAuth: { Authorization: 'Bearer any.well-formed-token' },
  commonHeaders: ['x-request-id', 'x-server-trace-id'],
});
