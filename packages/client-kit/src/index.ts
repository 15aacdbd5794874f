export {
  assertCredential,
  assertTokenSource,
  CREDENTIAL_RULE,
  headerAuth,
  isCredential,
  resolveToken,
  type TokenSource,
} from './auth.js';
export { normalizeBaseUrl } from './base-url.js';
export {
  type ClientDefinition,
  createScanApiClient,
  type ItemOf,
  type ListOptions,
  type ListPromise,
  type Resources,
  type RuntimeOptions,
  type ScanApiClient,
  type ScanApiClientBase,
} from './client.js';
export {
  ScanApiConfigError,
  ScanApiError,
  type ScanApiErrorInit,
  type ScanApiErrorKind,
  safeUrl,
  type VendorError,
} from './errors.js';
export { type Log, type Logger, type LogLevel, logUrl, resolveLog } from './log.js';
export {
  field,
  type GetPage,
  MAX_PAGES,
  type OffsetHasMoreStyle,
  type OffsetTotalStyle,
  offsetHasMorePaging,
  offsetTotalPaging,
  type Paged,
  type PageStep,
  type PagesOptions,
  type PaginationMeta,
  type PaginationStyle,
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
export { backoffMs, RETRY_DEFAULTS, type RetryOptions, serverDelayMs, untilMs } from './retry.js';
export {
  type Answer,
  type CallOptions,
  createTransport,
  TIMEOUT_DEFAULTS,
  type TimeoutOptions,
} from './transport.js';
