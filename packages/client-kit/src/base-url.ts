import { ScanApiConfigError } from './errors.js';

/**
 * Validates a `baseUrl` option (http or https, no query, no user info) and drops a trailing
 * slash. Its messages never echo the value: it may carry `user:password@`.
 */
export function normalizeBaseUrl(value: unknown, fallback: string): string {
  const raw = value ?? fallback;
  let url: URL;
  try {
    url = new URL(String(raw));
  } catch {
    throw new ScanApiConfigError('baseUrl', 'must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ScanApiConfigError('baseUrl', `must use http or https, got ${url.protocol}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ScanApiConfigError('baseUrl', 'must not carry a query, a fragment or credentials');
  }
  return url.href.replace(/\/$/, '');
}
