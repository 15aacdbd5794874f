import { ScanApiConfigError } from './errors.js';

/**
 * Validates a `baseUrl` option (http or https, no query, no user info) and drops a trailing
 * slash. Its messages never echo the value: it may carry `user:password@`.
 */
export function normalizeBaseUrl(value: unknown, fallback: string): string {
  let url: URL | undefined;
  try {
    url = new URL(String(value ?? fallback));
  } catch {}
  if (
    !/^https?:$/.test(url?.protocol as string) ||
    url!.search ||
    url!.hash ||
    url!.username ||
    url!.password
  )
    throw new ScanApiConfigError('baseUrl', 'must be an http(s) URL without query, fragment or user info');
  return url!.href.replace(/\/$/, '');
}
