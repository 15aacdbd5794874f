export { assertTokenSource, headerAuth, resolveToken, type TokenSource } from './auth.js';
export { normalizeBaseUrl } from './base-url.js';
export {
  type ClientDefinition,
  createScanApiClient,
  type ItemOf,
  type RuntimeOptions,
  type ScanApiClient,
} from './client.js';
export {
  ScanApiConfigError,
  ScanApiError,
  type ScanApiErrorInit,
  type ScanApiErrorKind,
  safeUrl,
  type VendorError,
} from './errors.js';
export {
  field,
  type OffsetHasMoreStyle,
  type OffsetTotalStyle,
  offsetHasMorePaging,
  offsetTotalPaging,
  type PageStep,
  type PagesOptions,
  type PaginationMeta,
  type PaginationStyle,
  type PagingSteps,
  type TokenStyle,
  tokenPaging,
  walkPages,
} from './paginate.js';
export {
  parseReset,
  type RateLimiter,
  type RateLimitOptions,
  type RateLimitPlugin,
  type RateLimitState,
  rateLimitHeaders,
} from './rate-limit.js';
export { backoffMs, RETRY_DEFAULTS, type RetryOptions, serverDelayMs } from './retry.js';
export {
  type CallOptions,
  createTransport,
  TIMEOUT_DEFAULTS,
  type TimeoutOptions,
} from './transport.js';
