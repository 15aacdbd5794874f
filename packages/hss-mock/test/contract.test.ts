import { contractSuite } from '@scanapis/contract-kit';
import { inject } from 'vitest';
import { specFile } from '../src/index.js';

// The HSS mock against the HSS spec: examples, every declared response, generated boundaries for
// project_id and the 27 query parameters and the three start ≤ end rules.
contractSuite({
  specFile,
  baseUrl: () => inject('mockUrl'),
  auth: { 'X-Auth-Token': 'hss-contract-test-token' },
  triggers: {
    ListRegistryImages: {
      '200': { query: { limit: '10', offset: '0' } },
      '400': { query: { limit: '201' } },
      '401': { auth: false },
    },
  },
});
