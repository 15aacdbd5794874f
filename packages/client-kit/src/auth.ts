import type { Middleware } from 'openapi-fetch';
import { ScanApiConfigError } from './errors.js';

/** A credential, or a function that returns the current one (called before every request). */
export type TokenSource = string | (() => string | Promise<string>);

/** What every credential must be: printable ASCII without spaces, so a header can carry it. */
const CREDENTIAL = /^[!-~]+$/;

/** Whether `value` is a credential a header can carry. */
export const isCredential = (value: unknown): value is string =>
  typeof value === 'string' && CREDENTIAL.test(value);

/** The message of a credential that is not one; it never contains the value. */
export const CREDENTIAL_RULE = 'must be printable ASCII without spaces';

/**
 * Checks a credential option at client creation (or, given a `pattern` and its `rule`, any string
 * option); the error names the option and says the rule, never the value.
 */
export function assertCredential(
  option: string,
  value: unknown,
  pattern = CREDENTIAL,
  rule = CREDENTIAL_RULE,
): asserts value is string {
  if (!(typeof value === 'string' && pattern.test(value))) throw new ScanApiConfigError(option, rule);
}

/** Checks a `TokenSource` option at client creation: a credential or a function that returns one. */
export function assertTokenSource(option: string, source: unknown): asserts source is TokenSource {
  if (typeof source !== 'function')
    assertCredential(option, source, CREDENTIAL, `${CREDENTIAL_RULE}, or a function returning that`);
}

/**
 * Reads the current credential from a `TokenSource`. A function that throws, or returns something
 * that is not a credential, is a `ScanApiConfigError` that names the option; it carries neither
 * the value nor the function's error (either may hold the secret), only that error's name.
 */
export async function resolveToken(option: string, source: TokenSource): Promise<string> {
  let value: unknown;
  let threw: unknown;
  try {
    value = typeof source === 'function' ? await source() : source;
  } catch (error) {
    threw = (error as Error)?.name ?? typeof error;
  }
  assertCredential(
    option,
    value,
    CREDENTIAL,
    `the function ${threw ? `threw a ${threw}` : 'returned a bad value'}`,
  );
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
