import { fuzzSuite, mockUrl } from '@scanapis/contract-kit';
import { specFile, TEST_API_KEY } from '../src/index.js';

// A few thousand generated requests against the Gecko mock: no 5xx, every answer Gecko-shaped.
fuzzSuite({ specFile, baseUrl: mockUrl, auth: () => ({ 'X-API-Key': TEST_API_KEY }) });
