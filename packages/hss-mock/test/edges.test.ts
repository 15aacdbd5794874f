import { edgeSuite } from '@scanapis/contract-kit';
import { specFile, startMock, TEST_TOKEN } from '../src/index.js';

// The shared raw-socket table (contract-kit): every edge in Huawei's format, with X-Request-Id.
edgeSuite({
  specFile,
  start: (options) => startMock({ ...options, port: 0 }),
  auth: { 'X-Auth-Token': TEST_TOKEN },
  commonHeaders: ['x-request-id'],
});
