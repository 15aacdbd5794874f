import { fileURLToPath } from 'node:url';
import { binSuite } from '@scanapis/contract-kit';
import { TEST_PROJECT_ID, TEST_TOKEN } from '../src/index.js';

// The shared bin checks (contract-kit): graceful SIGTERM/SIGINT, start failures in one line.
binSuite({
  bin: fileURLToPath(new URL('../bin/hss-mock.js', import.meta.url)),
  path: `/v5/${TEST_PROJECT_ID}/image/registries/images`,
  auth: { 'X-Auth-Token': TEST_TOKEN },
});
