/**
 * The signing core that `signRequest` (any request shape, checked), `verifySignature` and
 * `signFetch` (a fetch `Request`, for clients that load it lazily) share: the canonical request
 * and its hashes.
 */

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';
export const HEADER_CONTENT_SHA256 = 'x-sdk-content-sha256';

/** Not fatal: invalid UTF-8 becomes U+FFFD. */
const utf8Lenient = new TextDecoder();

/** A request body to hash; none hashes as an empty one. */
export type Body = string | Uint8Array | ArrayBuffer | null | undefined;

/** The bytes of a body or a text (UTF-8), in a plain ArrayBuffer as Web Crypto wants them. */
const bytes = (data: Body): Promise<ArrayBuffer> => new Response(data as BodyInit | null).arrayBuffer();

/**
 * RFC 3986 percent-encoding of the UTF-8 bytes, upper-case hex: encodeURIComponent also leaves `!'()*` as
 * they are. Only for well-formed text (encodeURIComponent throws on a lone surrogate); the URL parser and
 * TextDecoder only ever produce well-formed text, which is all the canonical request encodes.
 */
export const encode = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export const toHex = (buffer: ArrayBuffer): string =>
  Array.from(new Uint8Array(buffer), (byte) => (byte + 256).toString(16).slice(1)).join('');

/** Hex SHA-256 of a body or a text. */
export const sha256Hex = async (data: Body): Promise<string> =>
  toHex(await crypto.subtle.digest('SHA-256', await bytes(data)));

/** `YYYYMMDDTHHMMSSZ` of a valid Date with a 4-digit year: 2024-01-02T03:04:05.678Z → 20240102T030405Z. */
export const sdkDate = (d: Date): string => d.toISOString().replace(/[-:]|\.\d+/g, '');

/** HMAC-SHA256 of `text` with `secret`, in hex. */
export const hmacHex = async (secret: string, text: string): Promise<string> =>
  toHex(
    await crypto.subtle.sign(
      'HMAC',
      await crypto.subtle.importKey('raw', await bytes(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
        'sign',
      ]),
      await bytes(text),
    ),
  );

/**
 * Method, path, query, headers, signed header names and payload hash, one per line:
 * - path: percent-decoded (runs of `%XX`; malformed escapes stay as they are, invalid UTF-8 becomes U+FFFD),
 *   then each segment URI-encoded, always ending with `/`. Encoding the whole path turns each `/` into `%2F`,
 *   the only `%2F` in the output, so turning them back to `/` is encoding segment by segment;
 * - query: parsed like URLSearchParams (`+` is a space), sorted by decoded key then value, in UTF-16 code units
 *   (as the SDK sorts the keys, then each repeated key's values), then `encode(key)=encode(value)` joined with
 *   `&` (no query → "").
 * `headers` holds lower-case names and normalized values; every signed header is in it.
 */
export async function canonicalRequest(
  method: string,
  url: URL,
  headers: Map<string, string>,
  signedHeaders: readonly string[],
  body: Body,
): Promise<string> {
  const path = url.pathname.replace(/(?:%[\da-f]{2})+/gi, (run) =>
    utf8Lenient.decode(Uint8Array.from(run.slice(1).split('%'), (hex) => +`0x${hex}`)),
  );
  return [
    method.toUpperCase(),
    encode(path).replace(/%2F/g, '/').replace(/\/?$/, '/'),
    [...new URLSearchParams(url.search)]
      .sort(([k1, v1], [k2, v2]) => (k1 < k2 ? -1 : k1 > k2 ? 1 : v1 < v2 ? -1 : +(v1 > v2)))
      .map(([key, value]) => `${encode(key)}=${encode(value)}`)
      .join('&'),
    signedHeaders.map((name) => `${name}:${headers.get(name) ?? ''}\n`).join(''),
    signedHeaders.join(';'),
    // Like the SDK: an X-Sdk-Content-Sha256 header (e.g. UNSIGNED-PAYLOAD) stands in for the body's hash.
    headers.get(HEADER_CONTENT_SHA256) ?? (await sha256Hex(body)),
  ].join('\n');
}
