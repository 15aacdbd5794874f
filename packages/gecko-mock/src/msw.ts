import { createMockHandlers, type MockHandlers } from '@scanapis/mock-kit/msw';
import { definition, type MockFetchOptions } from './index.js';

export type { MockHandlers } from '@scanapis/mock-kit/msw';

/**
 * The Gecko mock as MSW 2 request handlers for `https://app.gecko.security` and any `baseUrl`
 * given: `setupServer(...createHandlers())`. Each call is a new instance (own faults and
 * rate-limit windows); the array also carries `faults` and `reset()`.
 */
export function createHandlers(options: MockFetchOptions = {}): MockHandlers {
  return createMockHandlers(definition, options);
}
