import { contractSuite } from '@scanapis/contract-kit';
import { inject } from 'vitest';
import { specFile } from '../src/index.js';

// The Container Registry mock against its spec: examples, every declared response, generated
// boundaries — including the Scanner.list oneof (neither, both, each alone) from
// `x-scanapis-oneof`, which the mock enforces in mock-kit's request validation.
contractSuite({
  specFile,
  baseUrl: () => inject('mockUrl'),
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
