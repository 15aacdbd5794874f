/**
 * Huawei Cloud AK/SK request signing ("SDK-HMAC-SHA256"), as done by `AKSKSigner` in
 * `@huaweicloud/huaweicloud-sdk-core`, implemented with Web Crypto only (Node 20+ and browsers).
 *
 *   CanonicalRequest = Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n PayloadHash
 *   StringToSign     = "SDK-HMAC-SHA256" \n X-Sdk-Date \n hex(sha256(CanonicalRequest))
 *   Signature        = hex(hmac-sha256(SecretKey, StringToSign))
 *
 * Where this module knowingly differs from the Node SDK (each is a case where the Node SDK signs something
 * other than what it sends):
 * - the path is percent-decoded before each segment is encoded, as Huawei's Python and Go SDK signers do, so
 *   a path that arrives encoded (`/a%20b`, as `fetch` sends it) is not encoded twice (the Node SDK signs
 *   `a%2520b` for a space, a `'` or any of `{}|\^<>"` because Node's `url.parse` escapes those first);
 * - header values are trimmed (`fetch` trims them on the wire anyway);
 * - `host` is the URL's host as `fetch` sends it (default port dropped; the Node SDK keeps `:443`).
 */

import {
  canonicalRequest,
  encode,
  HEADER_CONTENT_SHA256,
  SIGNING_ALGORITHM,
  sdkDate,
  sha256Hex,
} from './core.js';
import { signFetch } from './fetch.js';

export { SIGNING_ALGORITHM } from './core.js';

export interface AkSkCredentials {
  accessKey: string;
  secretKey: string;
  securityToken?: string;
}

export interface SignableRequest {
  method: string;
  url: string | URL;
  headers?: Record<string, string> | Headers;
  body?: string | Uint8Array | null;
}

export interface VerifiableRequest {
  method: string;
  url: string | URL;
  headers: Record<string, string | string[] | undefined> | Headers;
  body?: string | Uint8Array | null;
}

export interface VerifyOptions {
  /** Server time to compare X-Sdk-Date with; defaults to `new Date()`. */
  now?: Date;
  /** Largest accepted distance between X-Sdk-Date and `now`; defaults to 15 minutes. */
  maxSkewMs?: number;
}

/** Value of `X-Sdk-Content-Sha256` that makes the signature skip the body (used by the SDK for non-JSON bodies). */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
export const DEFAULT_MAX_SKEW_MS = 15 * 60 * 1000;

const HEADER_DATE = 'x-sdk-date';
const SDK_DATE_RE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const HEX_SHA256_RE = /^[0-9a-fA-F]{64}$/;

const HMAC: HmacImportParams = { name: 'HMAC', hash: 'SHA-256' };
const utf8 = new TextEncoder();

/** `YYYYMMDDTHHMMSSZ` in UTC, e.g. `20240102T030405Z`. */
export function formatSdkDate(d: Date): string {
  const year = d.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) {
    throw new RangeError(
      year < 0 || year > 9999
        ? `formatSdkDate: year ${year} does not fit the 4-digit X-Sdk-Date format`
        : 'formatSdkDate: the Date is invalid', // year is NaN
    );
  }
  return sdkDate(d);
}

/** Parses `YYYYMMDDTHHMMSSZ`; undefined when the text is not exactly a valid instant in that format. */
function parseSdkDate(text: string): Date | undefined {
  const m = SDK_DATE_RE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls 2024-02-30 over into March: refuse anything that does not round-trip.
  return formatSdkDate(date) === text ? date : undefined;
}

/** RFC 3986 percent-encoding of the UTF-8 bytes: everything but `A-Z a-z 0-9 - . _ ~`, upper-case hex. */
export function uriEncode(text: string): string {
  // A lone surrogate is encoded as U+FFFD, as TextEncoder would.
  return encode((text as string & { toWellFormed(): string }).toWellFormed());
}

type HeaderInput = Record<string, string | string[] | undefined> | Headers;

/** Lower-case names → values with HTTP whitespace trimmed; repeated names joined with ", " (like `Headers`). */
function normalizeHeaders(input: HeaderInput | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const entries =
    input instanceof Headers
      ? input
      : Object.entries((input ?? {}) as Record<string, string | string[] | undefined>);
  for (let [name, value] of entries) {
    if (value === undefined) continue;
    name = name.toLowerCase();
    value = (Array.isArray(value) ? value.join(', ') : String(value)).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
    out.set(name, out.has(name) ? `${out.get(name)}, ${value}` : value);
  }
  return out;
}

/**
 * The canonical request over `signedHeaders` (lower-case names, in the order given; they must all be present
 * in `headers`, `host` falling back to the URL's host). Exposed so both sides of a failed verification can
 * compare what they signed.
 */
export async function buildCanonicalRequest(
  req: SignableRequest | VerifiableRequest,
  signedHeaders: readonly string[],
): Promise<string> {
  const url = new URL(req.url);
  const headers = normalizeHeaders(req.headers);
  headers.set('host', headers.get('host') ?? url.host);
  return canonicalRequest(req.method, url, headers, signedHeaders, req.body);
}

/**
 * Signs `req`; returns the headers to add (Authorization, X-Sdk-Date, and X-Security-Token when the
 * credentials carry one). Every header passed in `req.headers` is signed (except Authorization and a
 * multipart Content-Type), plus `host` (from the URL unless given), X-Sdk-Date and X-Security-Token — so pass
 * exactly the headers that will be sent, unchanged. An X-Sdk-Date passed in is replaced by `now`.
 */
export async function signRequest(
  req: SignableRequest,
  creds: AkSkCredentials,
  now: Date = new Date(),
): Promise<Record<string, string>> {
  const { accessKey, secretKey } = creds;
  if (!accessKey || /[\s,=]/.test(accessKey)) {
    throw new TypeError('signRequest: accessKey must be non-empty, without whitespace, "," or "="');
  }
  if (!secretKey) throw new TypeError('signRequest: secretKey must be non-empty');
  const date = formatSdkDate(now);
  const headers = normalizeHeaders(req.headers);
  await signFetch(
    { method: req.method, url: req.url, headers, clone: () => new Response(req.body as BodyInit | null) },
    creds,
    now,
  );
  return {
    Authorization: headers.get('authorization')!,
    'X-Sdk-Date': date,
    ...(creds.securityToken && { 'X-Security-Token': creds.securityToken }),
  };
}

interface ParsedAuthorization {
  accessKey: string;
  signedHeaders: string[];
  signature: Uint8Array<ArrayBuffer>;
}

/** Parses the Authorization header; a string is the reason it is malformed (never echoing the value). */
function parseAuthorization(value: string): ParsedAuthorization | string {
  const space = value.indexOf(' ');
  const algorithm = space === -1 ? value : value.slice(0, space);
  if (algorithm !== SIGNING_ALGORITHM) {
    return `malformed Authorization header: the scheme must be ${SIGNING_ALGORITHM}`;
  }
  const params = new Map<string, string>();
  for (const part of value.slice(space + 1).split(',')) {
    const item = part.trim();
    const eq = item.indexOf('=');
    if (eq <= 0) return 'malformed Authorization header: expected Access=…, SignedHeaders=…, Signature=…';
    const name = item.slice(0, eq);
    if (!['Access', 'SignedHeaders', 'Signature'].includes(name)) {
      return `malformed Authorization header: unexpected parameter ${JSON.stringify(name.slice(0, 32))}`;
    }
    if (params.has(name)) return `malformed Authorization header: ${name} appears twice`;
    params.set(name, item.slice(eq + 1));
  }
  const accessKey = params.get('Access');
  const signedHeaderList = params.get('SignedHeaders');
  const signatureHex = params.get('Signature');
  if (!accessKey) return 'malformed Authorization header: Access is missing or empty';
  if (!signedHeaderList) return 'malformed Authorization header: SignedHeaders is missing or empty';
  if (signatureHex === undefined || signatureHex === '') {
    return 'malformed Authorization header: Signature is missing or empty';
  }
  if (!HEX_SHA256_RE.test(signatureHex)) {
    return 'malformed Authorization header: Signature must be 64 hexadecimal digits';
  }
  const signedHeaders = signedHeaderList.split(';');
  const seen = new Set<string>();
  for (const name of signedHeaders) {
    if (!/^[!#$%&'*+\-.^_`|~0-9a-z]+$/.test(name)) {
      return 'malformed Authorization header: SignedHeaders must be lower-case header names separated by ";"';
    }
    if (seen.has(name)) return `malformed Authorization header: SignedHeaders lists ${name} twice`;
    seen.add(name);
  }
  const signature = new Uint8Array(32);
  for (let i = 0; i < 32; i++) signature[i] = Number.parseInt(signatureHex.slice(i * 2, i * 2 + 2), 16);
  return { accessKey, signedHeaders, signature };
}

/**
 * Verifies an SDK-HMAC-SHA256 signed request, recomputing the canonical request over exactly the headers
 * listed in SignedHeaders (which must include host and x-sdk-date). Returns undefined when valid, otherwise
 * the reason; reasons never contain the secret key or the presented signature.
 */
export async function verifySignature(
  req: VerifiableRequest,
  lookupSecret: (accessKey: string) => string | undefined,
  opts: VerifyOptions = {},
): Promise<string | undefined> {
  const headers = normalizeHeaders(req.headers);
  const authorization = headers.get('authorization');
  if (!authorization) return 'missing Authorization header';
  const parsed = parseAuthorization(authorization);
  if (typeof parsed === 'string') return parsed;

  const sdkDate = headers.get(HEADER_DATE);
  if (!sdkDate) return 'missing X-Sdk-Date header';
  const date = parseSdkDate(sdkDate);
  if (!date) return 'malformed X-Sdk-Date header: expected YYYYMMDDTHHMMSSZ (UTC)';
  const now = opts.now ?? new Date();
  const maxSkewMs = opts.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  const skew = date.getTime() - now.getTime();
  if (Math.abs(skew) > maxSkewMs) {
    return `X-Sdk-Date ${sdkDate} is ${Math.round(Math.abs(skew) / 1000)}s ${skew < 0 ? 'behind' : 'ahead of'} server time ${formatSdkDate(now)} (allowed skew ${Math.round(maxSkewMs / 1000)}s)`;
  }

  for (const required of ['host', HEADER_DATE]) {
    if (!parsed.signedHeaders.includes(required)) return `SignedHeaders must include ${required}`;
  }
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return 'request URL is not a valid absolute URL';
  }
  if (!headers.has('host')) headers.set('host', url.host);
  for (const name of parsed.signedHeaders) {
    if (!headers.has(name)) return `signed header ${name} is missing from the request`;
  }

  const secret = lookupSecret(parsed.accessKey);
  if (!secret) return `unknown access key ${JSON.stringify(parsed.accessKey.slice(0, 64))}`;

  // Only a signed X-Sdk-Content-Sha256 may stand in for the body hash, and only if it is the body's hash
  // (or UNSIGNED-PAYLOAD, which the SDK uses for non-JSON bodies and which leaves the body unauthenticated).
  if (!parsed.signedHeaders.includes(HEADER_CONTENT_SHA256)) headers.delete(HEADER_CONTENT_SHA256);
  const declared = headers.get(HEADER_CONTENT_SHA256);
  if (declared !== undefined && declared !== UNSIGNED_PAYLOAD) {
    if (!HEX_SHA256_RE.test(declared) || declared.toLowerCase() !== (await sha256Hex(req.body))) {
      return 'request body does not match X-Sdk-Content-Sha256';
    }
  }

  const canonical = await canonicalRequest(req.method, url, headers, parsed.signedHeaders, req.body);
  const canonicalHash = await sha256Hex(canonical);
  const toSign = utf8.encode(`${SIGNING_ALGORITHM}\n${sdkDate}\n${canonicalHash}`);
  const key = await crypto.subtle.importKey('raw', utf8.encode(secret), HMAC, false, ['verify']);
  // subtle.verify compares in constant time.
  if (await crypto.subtle.verify('HMAC', key, parsed.signature, toSign)) return undefined;
  return `signature mismatch: the server's canonical request hashes to ${canonicalHash} (signed headers ${parsed.signedHeaders.join(';')})`;
}
