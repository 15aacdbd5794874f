import { mockGlobalSetup } from '@scanapis/contract-kit';
import { startMock } from '../src/index.js';

/**
 * One behavioural mock for the whole run, with a rate limit no run reaches (the contract suite,
 * the 2,000 fuzzed requests and the page walks all share the documented key). The rate-limit
 * sequence runs on a mock of its own, started with `rateLimit: 3`.
 */
export const RUN_RATE_LIMIT = 1_000_000;

export default mockGlobalSetup((options) => startMock({ ...options, rateLimit: RUN_RATE_LIMIT }));
