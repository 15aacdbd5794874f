import {
  assertCredential,
  createScanApiClient,
  normalizeBaseUrl,
  type RuntimeOptions,
  rateLimitHeaders,
  type ScanApiClient,
  ScanApiConfigError,
  type VendorError,
} from '@scanapis/client-kit';
import { pagination } from './generated/pagination.gen.js';
import type { components, operations, paths } from './generated/schema.gen.js';

export {
  type ListOptions,
  type ListPromise,
  type Logger,
  type LogLevel,
  type RateLimitState,
  type RetryOptions,
  ScanApiConfigError,
  ScanApiError,
  type ScanApiErrorKind,
  type TimeoutOptions,
} from '@scanapis/client-kit';
export type { components, operations, paths } from './generated/schema.gen.js';

/** One scan in a list page. */
export type ScanSummary = components['schemas']['ScanSummary'];
/** The 200 body of `GET /api/v1/scans`. */
export type ScanListResponse = components['schemas']['ScanListResponse'];
/** Gecko's error body. */
export type ErrorResponse = components['schemas']['ErrorResponse'];
/** Query parameters of `GET /api/v1/scans`. */
export type ListScansQuery = NonNullable<operations['getApiV1Scans']['parameters']['query']>;

/** Gecko's production API. */
export const GECKO_BASE_URL = 'https://app.gecko.security';

export interface GeckoClientOptions extends RuntimeOptions {
  /** A team API key; Gecko keys start with `gk_`. Sent as `X-API-Key`. */
  apiKey: string;
  /** Defaults to `https://app.gecko.security`; point it at a mock (`startMock().url`) in tests. */
  baseUrl?: string;
}

/**
 * The Gecko client: `scans.list()`, and openapi-fetch typed from the spec plus `paginate`, `pages`
 * and `rateLimit`.
 */
export type GeckoClient = ScanApiClient<paths, typeof pagination>;

/** Reads Gecko's `{ error, details, hint }` body. */
export function parseGeckoError(body: unknown): VendorError {
  const b = body as Partial<ErrorResponse> | undefined;
  return typeof b?.error === 'string' ? { message: b.error } : {};
}

/**
 * Creates a Gecko client. Throws `ScanApiConfigError` before any request when `apiKey` is not a
 * Gecko key (`gk_…`, printable ASCII) or `baseUrl` is not an http(s) URL; no message contains the key.
 */
export function createGeckoClient(options: GeckoClientOptions): GeckoClient {
  const { apiKey, baseUrl, ...runtime } = options ?? ({} as GeckoClientOptions);
  assertCredential('apiKey', apiKey);
  if (!apiKey.startsWith('gk_'))
    throw new ScanApiConfigError('apiKey', 'must start with "gk_" (a Gecko API key)');
  return createScanApiClient<paths, typeof pagination>(
    {
      baseUrl: normalizeBaseUrl(baseUrl, GECKO_BASE_URL),
      headers: { 'X-API-Key': apiKey },
      pagination,
      parseError: parseGeckoError,
      rateLimit: rateLimitHeaders('X-RateLimit-Remaining', 'X-RateLimit-Reset'),
    },
    runtime,
  );
}
