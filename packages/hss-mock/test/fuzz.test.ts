import { fuzzSuite, mockUrl } from '@scanapis/contract-kit';
import { specFile, TEST_TOKEN } from '../src/index.js';

// A few thousand generated requests over the 27 query parameters against the behavioural mock:
// no 5xx, every answer Huawei-shaped (and, through mock-kit, every 200 checked against the spec).
fuzzSuite({
  specFile,
  baseUrl: mockUrl,
  auth: () => ({ 'X-Auth-Token': TEST_TOKEN }),
});
