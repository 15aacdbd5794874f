/**
 * Signing for a fetch client, loaded lazily (`import('@scanapis/huawei-signer/fetch')`): the
 * smallest chunk that signs a `Request` as `signRequest` would.
 */
import { authorization, sdkDate } from './core.js';
import type { AkSkCredentials } from './signer.js';

/**
 * Signs a fetch `Request` in place, now, over its method, URL, every header it carries and its
 * body (read from a clone), and returns it. The credentials are taken as valid (the client checked
 * them when it was created); the headers are those `signRequest` would return for the same request.
 */
export async function signFetch(request: Request, credentials: AkSkCredentials): Promise<Request> {
  const { method, url, headers } = request;
  const date = sdkDate(new Date());
  // A Headers object iterates lower-case names with trimmed values, repeated names joined.
  headers.set(
    'authorization',
    await authorization(
      method,
      new URL(url),
      new Map(headers),
      await request.clone().arrayBuffer(),
      credentials,
      date,
    ),
  );
  // What was signed besides the request's own headers (X-Security-Token only with temporary AK/SK).
  headers.set('x-sdk-date', date);
  if (credentials.securityToken) headers.set('x-security-token', credentials.securityToken);
  return request;
}
