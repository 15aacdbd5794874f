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
  const { headers } = request;
  const { securityToken } = credentials;
  // What is signed besides the request's own headers (X-Security-Token only with temporary AK/SK).
  headers.set('x-sdk-date', sdkDate(new Date()));
  if (securityToken) headers.set('x-security-token', securityToken);
  // A Headers object iterates lower-case names with trimmed values, repeated names joined.
  headers.set(
    'authorization',
    await authorization(
      request.method,
      new URL(request.url),
      new Map(headers),
      await request.clone().arrayBuffer(),
      credentials,
    ),
  );
  return request;
}
