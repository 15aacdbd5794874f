import { createMockHandlers, type MockHandlers } from '@scanapis/mock-kit/msw';
import { definition, type MockFetchOptions } from './index.js';

export type { MockHandlers } from '@scanapis/mock-kit/msw';

/**
 * The HSS mock as MSW 2 request handlers for `https://hss.{region}.myhuaweicloud.com` (every region) and any `baseUrl`
 * given: `setupServer(...createHandlers())`. Each call is a new instance (own faults and
 * rate-limit windows); the array also carries `faults` and `reset()`.
 */
export function createHandlers(options: MockFetchOptions = {}): MockHandlers {
  return createMockHandlers(definition, options);
}
