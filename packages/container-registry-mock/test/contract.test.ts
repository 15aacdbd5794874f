import { contractSuite, mockUrl } from '@scanapis/contract-kit';
import { NO_ACCESS_TOKEN, specFile, TEST_TOKEN } from '../src/index.js';

// The behavioural Container Registry mock (global setup: default seed and size) against its
// spec: examples, every declared response, generated boundaries — the oneof included. The
// dataset holds the spec's example IDs, so the baseline requests find what they name. 403 and
// 404 have natural triggers; 429, 500 and 503 are asked for with `x-scanapis-fault`.
const UNKNOWN_ID = 'crpzzzzzzzzzzzzzzzzz';
/** Statuses the behavioural mock gives only as a fault: the spec's example for that status. */
const fault = (status: number) => ({ headers: { 'x-scanapis-fault': `status=${status}` } });

contractSuite({
  specFile,
  baseUrl: mockUrl,
  auth: { Authorization: `Bearer ${TEST_TOKEN}` },
  triggers: {
    Scanner_list: {
      '200': {},
      '400': { query: { pageSize: '5000' } },
      '401': { auth: false },
      '403': { headers: { Authorization: `Bearer ${NO_ACCESS_TOKEN}` } },
      '404': { query: { imageId: UNKNOWN_ID } },
      '429': fault(429),
      '500': fault(500),
      '503': fault(503),
    },
    Image_list: {
      '200': {},
      '400': { query: { pageSize: '5000' } },
      '401': { auth: false },
      '403': { headers: { Authorization: `Bearer ${NO_ACCESS_TOKEN}` } },
      '404': { query: { registryId: UNKNOWN_ID } },
      '429': fault(429),
      '500': fault(500),
      '503': fault(503),
    },
  },
  // Boundary values the schemas accept but that mean nothing here: IDs of 50 characters (404),
  // a 100-character page token the mock never issued, a filter or order outside its grammar (400).
  refusedByMeaning: {
    Scanner_list: { imageId: 404, repositoryId: 404, pageToken: 400, filter: 400, orderBy: 400 },
    Image_list: { registryId: 404, folderId: 404, pageToken: 400, filter: 400, orderBy: 400 },
  },
});
