import { edgeSuite } from '@scanapis/contract-kit';
import { specFile, startMock, TEST_TOKEN } from '../src/index.js';

// The shared raw-socket table (contract-kit): every edge as a google.rpc.Status, with the request ids.
edgeSuite({
  specFile,
  start: (options) => startMock({ ...options, port: 0 }),
  auth: { Authorization: `Bearer ${TEST_TOKEN}` },
  commonHeaders: ['x-request-id', 'x-server-trace-id'],
});
