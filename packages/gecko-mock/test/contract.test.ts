import { contractSuite } from '@scanapis/contract-kit';
import { inject } from 'vitest';
import { specFile } from '../src/index.js';

// The Gecko mock against the Gecko spec: examples, every declared response, generated boundaries.
contractSuite({
  specFile,
  baseUrl: () => inject('mockUrl'),
  auth: { 'X-API-Key': 'gk_contract_test_key' },
  triggers: {
    getApiV1Scans: {
      '200': {},
      '400': { query: { limit: '5000' } },
      '401': { auth: false },
    },
  },
});
