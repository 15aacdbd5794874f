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
  type PagesOptions,
  type PaginationMeta,
  type PaginationStyle,
  walkPages,
} from './paginate.js';
export { backoffMs, parseReset, RETRY_DEFAULTS, type RetryOptions, serverDelayMs, sleep } from './retry.js';
export {
  type CallOptions,
  createTransport,
  type RateLimitOptions,
  type RateLimitState,
  TIMEOUT_DEFAULTS,
  type TimeoutOptions,
} from './transport.js';
