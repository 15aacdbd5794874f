/**
 * Signing for a fetch client, loaded lazily (`import('@scanapis/huawei-signer/fetch')`): the
 * smallest chunk that signs a `Request` as `signRequest` would.
 */
import { sdkDate, signHeaders } from './core.js';
import type { AkSkCredentials } from './signer.js';

/**
 * Signs a fetch `Request` in place, now, over its method, URL, every header it carries and its
 * body (read from a clone), and returns it. The credentials are taken as valid (the client checked
 * them when it was created); the headers are those `signRequest` would return for the same request.
 */
export async function signFetch(request: Request, credentials: AkSkCredentials): Promise<Request> {
  const { method, url, headers } = request;
  const signed = await signHeaders(
    method,
    new URL(url),
    // A Headers object iterates lower-case names with trimmed values, repeated names joined.
    new Map(headers),
    await request.clone().arrayBuffer(),
    credentials,
    sdkDate(new Date()),
  );
  for (const name in signed) headers.set(name, signed[name]!);
  return request;
}
