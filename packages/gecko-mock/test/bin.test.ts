import { fileURLToPath } from 'node:url';
import { binSuite } from '@scanapis/contract-kit';
import { TEST_API_KEY } from '../src/index.js';

// The shared bin checks (contract-kit): graceful SIGTERM/SIGINT, start failures in one line.
binSuite({
  bin: fileURLToPath(new URL('../bin/gecko-mock.js', import.meta.url)),
  path: '/api/v1/scans',
  auth: { 'X-API-Key': TEST_API_KEY },
});
