import { fileURLToPath } from 'node:url';
import { binSuite } from '@scanapis/contract-kit';
import { TEST_TOKEN } from '../src/index.js';

// The shared bin checks (contract-kit): graceful SIGTERM/SIGINT, start failures in one line.
binSuite({
  bin: fileURLToPath(new URL('../bin/container-registry-mock.js', import.meta.url)),
  path: '/container-registry/v1/images?folderId=b1g88tflru0ek1omtsu0',
  auth: { Authorization: `Bearer ${TEST_TOKEN}` },
});
