import { fuzzSuite } from '@scanapis/contract-kit';
import { inject } from 'vitest';
import { specFile } from '../src/index.js';

// A few thousand generated requests per operation: no 5xx, every answer a google.rpc.Status.
fuzzSuite({
  specFile,
  baseUrl: () => inject('mockUrl'),
  auth: () => ({ Authorization: 'Bearer t1.fuzz-token' }),
});
