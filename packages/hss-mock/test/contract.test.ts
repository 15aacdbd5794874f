import { contractSuite, mockUrl } from '@scanapis/contract-kit';
import { specFile, TEST_TOKEN } from '../src/index.js';

/** Statuses the behavioural mock gives only as a fault: the spec's example for that status. */
const fault = (status: number) => ({ headers: { 'x-scanapis-fault': `status=${status}` } });

// The behavioural HSS mock against the HSS spec: examples, every declared response, generated
// boundaries for project_id, the 27 query parameters and the three start ≤ end rules.
contractSuite({
  specFile,
  baseUrl: mockUrl,
  auth: { 'X-Auth-Token': TEST_TOKEN },
  triggers: {
    ListRegistryImages: {
      '200': { query: { limit: '10', offset: '0' } },
      '400': { query: { limit: '201' } },
      '401': { auth: false },
      '403': fault(403),
      '404': fault(404),
      '429': fault(429),
      '500': fault(500),
    },
  },
});
