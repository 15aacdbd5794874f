import { removeTrailingSlash } from 'openapi-fetch';
import { ScanApiConfigError } from './errors.js';

/**
 * Validates a `baseUrl` option (http or https, no query, no fragment, no user info) and drops a
 * trailing slash. Its messages never echo the value: it may carry `user:password@`.
 */
export function normalizeBaseUrl(value: unknown, fallback: string): string {
  let href = '';
  try {
    href = new URL(String(value ?? fallback)).href;
  } catch {}
  // A parsed http(s) URL is `scheme://host/path`; user info would put an `@` before the path.
  if (!/^https?:\/\/[^/@]+\/[^?#]*$/.test(href))
    throw new ScanApiConfigError('baseUrl', 'must be an http(s) URL without query, fragment or user info');
  // openapi-fetch's own (in every bundle already).
  return removeTrailingSlash(href);
}
