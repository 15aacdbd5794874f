import type { ContractSuiteOptions } from '@scanapis/contract-kit';
import { FAULT_HEADER } from '@scanapis/mock-kit';
import { TEST_API_KEY, TEST_API_KEY_WITHOUT_SCANS_READ } from '../src/index.js';

/** The documented key, as the contract suite sends it. */
export const auth = { 'X-API-Key': TEST_API_KEY };

/**
 * The request that produces each declared status of `GET /api/v1/scans`: natural triggers for
 * 200/400/401/403; 429 and 500 (no natural trigger on a run-wide mock) through the mock's
 * per-request fault header. (contract-kit would otherwise ask for them with Prism's
 * `Prefer: code=`, which only the static mock reads.)
 */
export const triggers: NonNullable<ContractSuiteOptions['triggers']> = {
  getApiV1Scans: {
    '200': {},
    '400': { query: { limit: '5000' } },
    '401': { auth: false },
    '403': { headers: { 'X-API-Key': TEST_API_KEY_WITHOUT_SCANS_READ } },
    '429': { headers: { [FAULT_HEADER]: 'status=429' } },
    '500': { headers: { [FAULT_HEADER]: 'status=500' } },
  },
};
