import type { Middleware } from 'openapi-fetch';
import { ScanApiConfigError } from './errors.js';

/** A credential, or a function that returns the current one (called before every request). */
export type TokenSource = string | (() => string | Promise<string>);

const isToken = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** Checks a `TokenSource` option at client creation: a non-empty string or a function. */
export function assertTokenSource(option: string, source: unknown): asserts source is TokenSource {
  if (typeof source !== 'function' && !isToken(source))
    throw new ScanApiConfigError(option, 'must be a non-empty string or a function that returns one');
}

/** Reads the current credential from a `TokenSource`. */
export async function resolveToken(option: string, source: TokenSource): Promise<string> {
  const value = typeof source === 'function' ? await source() : source;
  if (!isToken(value))
    throw new ScanApiConfigError(option, 'the function returned an empty or non-string token');
  return value;
}

/**
 * openapi-fetch middleware that sets one header from a `TokenSource` on every request,
 * so a token refreshed by the caller's function is picked up by the next request.
 */
export function headerAuth(
  option: string,
  header: string,
  source: TokenSource,
  format = (t: string) => t,
): Middleware {
  return {
    async onRequest({ request }) {
      request.headers.set(header, format(await resolveToken(option, source)));
      return request;
    },
  };
}
