import { createMockHandlers, type MockHandlers } from '@scanapis/mock-kit/msw';
import { type ContainerRegistryExtras, definition, type MockFetchOptions } from './index.js';

export type { MockHandlers } from '@scanapis/mock-kit/msw';

/**
 * The Container Registry mock as MSW 2 request handlers for both production base URLs (Yandex
 * Cloud, Nebius Israel) and any `baseUrl` given: `setupServer(...createHandlers())`. Each call is
 * a new instance (own faults and page tokens); the array also carries `faults`, `reset()` and
 * `dataset`.
 */
export function createHandlers(options: MockFetchOptions = {}): MockHandlers & ContainerRegistryExtras {
  return createMockHandlers(definition, options);
}
