import { fuzzSuite } from '@scanapis/contract-kit';
import { inject } from 'vitest';
import { specFile } from '../src/index.js';

// A few thousand generated requests over the 27 query parameters: no 5xx, every answer Huawei-shaped.
fuzzSuite({
  specFile,
  baseUrl: () => inject('mockUrl'),
  auth: () => ({ 'X-Auth-Token': 'MIIZ-hss-fuzz-token' }),
});
