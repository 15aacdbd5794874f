/**
 * Signing for a fetch client, loaded lazily (`import('@scanapis/huawei-signer/fetch')`): the
 * smallest chunk that signs a `Request`. `signRequest` signs through it too.
 */
import { canonicalRequest, hmacHex, SIGNING_ALGORITHM, sdkDate, sha256Hex } from './core.js';
import type { AkSkCredentials } from './signer.js';

/** What signing reads and writes of a request: a fetch `Request` is one. */
export interface SignTarget {
  method: string;
  url: string | URL;
  /**
   * Lower-case names with normalized values, repeated names joined (as a `Headers` object iterates
   * them); the signature's headers are set on it.
   */
  headers: Iterable<[string, string]> & { set(name: string, value: string): unknown };
  /** A copy whose body can be read (the request's own stays unread). */
  clone(): { arrayBuffer(): Promise<ArrayBuffer> };
}

/**
 * Signs a fetch `Request` in place at `now` (default: now), over its method, URL, every header it
 * carries and its body (read from a clone), and returns it: sets Authorization, X-Sdk-Date and,
 * with temporary AK/SK, X-Security-Token. Every header is signed but Authorization and a
 * multipart Content-Type (like the SDK: its boundary is set later), plus `host` (from the URL
 * unless given). The credentials are taken as valid (the client checked them when it was created).
 */
export async function signFetch<R extends SignTarget>(
  request: R,
  { accessKey, secretKey, securityToken }: AkSkCredentials,
  now = new Date(),
): Promise<R> {
  const { headers } = request;
  const url = new URL(request.url);
  const date = sdkDate(now);
  headers.set('x-sdk-date', date);
  if (securityToken) headers.set('x-security-token', securityToken);
  const signing = new Map(headers);
  signing.set('host', signing.get('host') ?? url.host);
  signing.delete('authorization');
  if (/multipart\/form-data/.test(signing.get('content-type') ?? '')) signing.delete('content-type');
  const signed = [...signing.keys()].sort();
  const canonical = await canonicalRequest(
    request.method,
    url,
    signing,
    signed,
    await request.clone().arrayBuffer(),
  );
  // StringToSign, then its HMAC.
  const signature = await hmacHex(secretKey, `${SIGNING_ALGORITHM}\n${date}\n${await sha256Hex(canonical)}`);
  headers.set(
    'authorization',
    `${SIGNING_ALGORITHM} Access=${accessKey}, SignedHeaders=${signed.join(';')}, Signature=${signature}`,
  );
  return request;
}
