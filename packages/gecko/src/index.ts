import { normalizeBaseUrl, ScanApiConfigError } from '@scanapis/client-kit';
import createClient, { type Client } from 'openapi-fetch';
import type { components, operations, paths } from './generated/schema.gen.js';

export { ScanApiConfigError } from '@scanapis/client-kit';
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

export interface GeckoClientOptions {
  /** A team API key; Gecko keys start with `gk_`. Sent as `X-API-Key`. */
  apiKey: string;
  /** Defaults to `https://app.gecko.security`; point it at a mock (`startMock().url`) in tests. */
  baseUrl?: string;
  /** A fetch implementation (defaults to the global one). */
  fetch?: typeof globalThis.fetch;
}

/** The openapi-fetch client, typed from the Gecko spec. */
export type GeckoClient = Client<paths, 'application/json'>;

/**
 * Creates a Gecko client. Throws `ScanApiConfigError` before any request when `apiKey` is not a
 * Gecko key (`gk_…`) or `baseUrl` is not an http(s) URL.
 */
export function createGeckoClient(options: GeckoClientOptions): GeckoClient {
  const { apiKey } = options ?? {};
  if (typeof apiKey !== 'string' || apiKey === '') {
    throw new ScanApiConfigError('apiKey', 'is required (a Gecko API key, starting with "gk_")');
  }
  if (!apiKey.startsWith('gk_')) {
    throw new ScanApiConfigError('apiKey', 'is not a Gecko API key: Gecko keys start with "gk_"');
  }
  return createClient<paths, 'application/json'>({
    baseUrl: normalizeBaseUrl(options.baseUrl, GECKO_BASE_URL),
    headers: { 'X-API-Key': apiKey },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
