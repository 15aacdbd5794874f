import { contractSuite, staticModeSuite } from '@scanapis/contract-kit';
import { afterAll, beforeAll } from 'vitest';
import { type RunningMock, specFile, startMock } from '../src/index.js';

// The static mock (`static: true`, Prism's examples) against the same spec: statuses without a
// natural trigger are asked for with `Prefer: code=<status>`, Prism's convention.
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ static: true });
});
afterAll(async () => {
  await mock.close();
});

contractSuite({
  specFile,
  baseUrl: () => mock.url,
  auth: { 'X-Auth-Token': 'any-non-empty-token' },
  triggers: {
    ListRegistryImages: {
      '200': { query: { limit: '10', offset: '0' } },
      '400': { query: { limit: '201' } },
      '401': { auth: false },
    },
  },
});

// Shared with every static mock: any well-formed credential, and Prefer asking for what is not declared.
staticModeSuite({
  specFile,
  baseUrl: () => mock.url,
  auth: { 'X-Auth-Token': 'any-non-empty-token' },
  wellFormedAuth: { 'X-Auth-Token': 'MIIZ-a-token-the-mock-never-saw' },
  commonHeaders: ['x-request-id'],
});
