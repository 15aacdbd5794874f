import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import { HttpRequestBuilder } from '@huaweicloud/huaweicloud-sdk-core/http/IHttpRequestBuilder.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signFetch } from '../src/fetch.js';
import {
  type AkSkCredentials,
  buildCanonicalRequest,
  formatSdkDate,
  type SignableRequest,
  signRequest,
  uriEncode,
  type VerifiableRequest,
  verifySignature,
} from '../src/signer.js';

const AK = 'HPUAEXAMPLEAK0000001';
const SK = 'exampleSecretKey0123456789abcdefghijklmn';
const TOKEN = 'gQpjbi1ub3J0aC00example-security-token==';
const PROJECT = '0123456789abcdef0123456789abcdef';
const ENDPOINT = 'https://hss.cn-north-4.myhuaweicloud.com';
const HOST = 'hss.cn-north-4.myhuaweicloud.com';
const NOW = new Date('2024-05-06T07:08:09.987Z');
/** X-Sdk-Date has whole seconds: what a request signed at NOW claims. */
const SIGNED_AT = new Date('2024-05-06T07:08:09Z');
const JSON_BODY = {
  host_id_list: ['h-1', 'h-2'],
  name: 'é 漢字 😀 "quoted"',
  nested: { limit: 10, on: true },
};

/** What Huawei's Node SDK is given for the same request (HcClient's view: path template + query object). */
interface SdkInput {
  path: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  data?: unknown;
  projectId?: string;
}

interface SameRequest {
  method: string;
  /** The URL as `fetch` would send it (what our signer sees). */
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  token?: string;
  endpoint?: string;
  sdk: SdkInput;
}

/**
 * Signs like the SDK's HcClient does: BasicCredentials.processAuthRequest (which adds X-Project-Id,
 * X-Security-Token and, for non-JSON bodies, X-Sdk-Content-Sha256) then AKSKSigner.sign, with the clock
 * faked because the SDK reads `moment()` for X-Sdk-Date.
 */
async function sdkSign(given: SameRequest, now: Date): Promise<Record<string, string>> {
  vi.setSystemTime(now);
  let creds = new BasicCredentials().withAk(AK).withSk(SK);
  if (given.sdk.projectId) creds = creds.withProjectId(given.sdk.projectId);
  if (given.token) creds = creds.withSecurityToken(given.token);
  const request = new HttpRequestBuilder()
    .withEndpoint(given.endpoint ?? ENDPOINT)
    .withUrl(given.sdk.path)
    .withMethod(given.method)
    .withHeaders({ ...given.sdk.headers })
    .withPathParams({})
    .withQueryParams(structuredClone(given.sdk.query ?? {}))
    .withData(given.sdk.data)
    .build();
  // hcClient is only used for federated (OIDC) credentials.
  const signed = await creds.processAuthRequest(undefined as never, request);
  return signed.headers as Record<string, string>;
}

function ourSign(given: SameRequest, now: Date): Promise<Record<string, string>> {
  const creds: AkSkCredentials = {
    accessKey: AK,
    secretKey: SK,
    ...(given.token ? { securityToken: given.token } : {}),
  };
  return signRequest(
    { method: given.method, url: given.url, headers: given.headers, body: given.body },
    creds,
    now,
  );
}

function signedHeadersOf(authorization: string | undefined): string | undefined {
  return /SignedHeaders=([^,]*)/.exec(authorization ?? '')?.[1];
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const PID_HEADER = { 'X-Project-Id': PROJECT };
const JSON_HEADERS = { 'Content-Type': 'application/json', ...PID_HEADER };
const SDK_JSON = { 'content-type': 'application/json' };
const q = encodeURIComponent;

describe('signRequest matches @huaweicloud/huaweicloud-sdk-core AKSKSigner byte for byte', () => {
  it.each<[string, { given: SameRequest; want: { signedHeaders: string } }]>([
    [
      'GET, no query, no body (X-Project-Id from the credentials)',
      {
        given: {
          method: 'GET',
          url: `${ENDPOINT}/v5/${PROJECT}/host-management/hosts`,
          headers: PID_HEADER,
          sdk: { path: '/v5/{project_id}/host-management/hosts', projectId: PROJECT },
        },
        want: { signedHeaders: 'host;x-project-id;x-sdk-date' },
      },
    ],
    [
      'path with a trailing slash',
      {
        given: {
          method: 'GET',
          url: `${ENDPOINT}/v5/${PROJECT}/host-management/hosts/`,
          headers: PID_HEADER,
          sdk: { path: '/v5/{project_id}/host-management/hosts/', projectId: PROJECT },
        },
        want: { signedHeaders: 'host;x-project-id;x-sdk-date' },
      },
    ],
    [
      'root path, no path at all',
      {
        given: { method: 'GET', url: ENDPOINT, sdk: { path: '' } },
        want: { signedHeaders: 'host;x-sdk-date' },
      },
    ],
    [
      'path segments needing encoding (unicode, astral, sub-delims) sent percent-encoded',
      {
        given: {
          method: 'GET',
          url: `${ENDPOINT}/v5/${q('é漢字😀')}/${q('*()!@:+=,;$&~-._')}/x`,
          sdk: { path: '/v5/é漢字😀/*()!@:+=,;$&~-._/x' },
        },
        want: { signedHeaders: 'host;x-sdk-date' },
      },
    ],
    [
      'unicode path written raw in the URL string',
      {
        given: { method: 'GET', url: `${ENDPOINT}/v5/日本/ü`, sdk: { path: '/v5/日本/ü' } },
        want: { signedHeaders: 'host;x-sdk-date' },
      },
    ],
    [
      'query values with space + / = & ~ * and friends',
      {
        given: {
          method: 'GET',
          url: `${ENDPOINT}/v5/p/hosts?q=${q('a b+c/d=e&f~g*h')}&r=${q("!'()")}&s=${q('%41 ?#[]@')}`,
          sdk: { path: '/v5/p/hosts', query: { q: 'a b+c/d=e&f~g*h', r: "!'()", s: '%41 ?#[]@' } },
        },
        want: { signedHeaders: 'host;x-sdk-date' },
      },
    ],
    [
      'query keys needing encoding',
      {
        given: {
          method: 'GET',
          url: `${ENDPOINT}/v5/p/hosts?${q('a b')}=1&${q('x=y')}=2&${q('k&l')}=3`,
          sdk: { path: '/v5/p/hosts', query: { 'a b': '1', 'x=y': '2', 'k&l': '3' } },
        },
        want: { signedHeaders: 'host;x-sdk-date' },
      },
    ],
    [
      'a "+" in the raw query is a space (URLSearchParams / form decoding)',
      {
        given: {
          method: 'GET',
          url: `${ENDPOINT}/v5/p/hosts?q=a+b&plus=%2B`,
          sdk: { path: '/v5/p/hosts', query: { q: 'a b', plus: '+' } },
        },
        want: { signedHeaders: 'host;x-sdk-date' },
      },
    ],
    [
      'empty query ("?" alone)',
      {
        given: { method: 'GET', url: `${ENDPOINT}/v5/p/hosts?`, sdk: { path: '/v5/p/hosts', query: {} } },
        want: { signedHeaders: 'host;x-sdk-date' },
      },
    ],
    [
      'empty values and a bare key',
      {
        given: {
          method: 'GET',
          url: `${ENDPOINT}/v5/p/hosts?a=&b&c=3`,
          sdk: { path: '/v5/p/hosts', query: { a: '', b: '', c: '3' } },
        },
        want: { signedHeaders: 'host;x-sdk-date' },
      },
    ],
    [
      'repeated keys: values sorted, keys sorted',
      {
        given: {
          method: 'GET',
          url: `${ENDPOINT}/v5/p/hosts?tag=b&zone=1&tag=a&tag=c&tag=B&limit=10`,
          sdk: { path: '/v5/p/hosts', query: { tag: ['b', 'a', 'c', 'B'], zone: '1', limit: '10' } },
        },
        want: { signedHeaders: 'host;x-sdk-date' },
      },
    ],
    [
      'keys sorted by their decoded text, not their encoding (z before é, B before a)',
      {
        given: {
          method: 'GET',
          url: `${ENDPOINT}/v5/p/hosts?${q('é')}=1&z=2&a=3&B=4&_=5&${q('~')}=6&ab=7&${q(' ')}=8`,
          sdk: {
            path: '/v5/p/hosts',
            query: { é: '1', z: '2', a: '3', B: '4', _: '5', '~': '6', ab: '7', ' ': '8' },
          },
        },
        want: { signedHeaders: 'host;x-sdk-date' },
      },
    ],
    [
      'unicode in query keys and values',
      {
        given: {
          method: 'GET',
          url: `${ENDPOINT}/v5/p/hosts?${q('ключ')}=${q('значение')}&name=${q('漢字😀é')}`,
          sdk: { path: '/v5/p/hosts', query: { ключ: 'значение', name: '漢字😀é' } },
        },
        want: { signedHeaders: 'host;x-sdk-date' },
      },
    ],
    [
      'with a securityToken (temporary credentials)',
      {
        given: {
          method: 'GET',
          url: `${ENDPOINT}/v5/${PROJECT}/host-management/hosts?limit=10`,
          headers: PID_HEADER,
          token: TOKEN,
          sdk: { path: '/v5/{project_id}/host-management/hosts', query: { limit: '10' }, projectId: PROJECT },
        },
        want: { signedHeaders: 'host;x-project-id;x-sdk-date;x-security-token' },
      },
    ],
    [
      'POST with a JSON body',
      {
        given: {
          method: 'POST',
          url: `${ENDPOINT}/v5/${PROJECT}/host-management/protection`,
          headers: JSON_HEADERS,
          body: JSON.stringify(JSON_BODY),
          sdk: {
            path: '/v5/{project_id}/host-management/protection',
            headers: SDK_JSON,
            data: JSON_BODY,
            projectId: PROJECT,
          },
        },
        want: { signedHeaders: 'content-type;host;x-project-id;x-sdk-date' },
      },
    ],
    [
      'POST with a JSON body, query and securityToken',
      {
        given: {
          method: 'POST',
          url: `${ENDPOINT}/v5/${PROJECT}/event/operate?enterprise_project_id=all_granted_eps`,
          headers: JSON_HEADERS,
          body: JSON.stringify(JSON_BODY),
          token: TOKEN,
          sdk: {
            path: '/v5/{project_id}/event/operate',
            query: { enterprise_project_id: 'all_granted_eps' },
            headers: SDK_JSON,
            data: JSON_BODY,
            projectId: PROJECT,
          },
        },
        want: { signedHeaders: 'content-type;host;x-project-id;x-sdk-date;x-security-token' },
      },
    ],
    [
      'PUT with an empty JSON object body',
      {
        given: {
          method: 'PUT',
          url: `${ENDPOINT}/v5/p/x`,
          headers: { 'content-type': 'application/json' },
          body: '{}',
          sdk: { path: '/v5/p/x', headers: SDK_JSON, data: {} },
        },
        want: { signedHeaders: 'content-type;host;x-sdk-date' },
      },
    ],
    [
      'DELETE with no body',
      {
        given: { method: 'DELETE', url: `${ENDPOINT}/v5/p/x/1`, sdk: { path: '/v5/p/x/1' } },
        want: { signedHeaders: 'host;x-sdk-date' },
      },
    ],
    [
      'non-JSON body: the SDK adds X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD, which we honour when passed',
      {
        given: {
          method: 'POST',
          url: `${ENDPOINT}/v5/p/upload`,
          headers: { 'Content-Type': 'application/octet-stream', 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' },
          body: new Uint8Array([0, 1, 2, 255]),
          sdk: { path: '/v5/p/upload', headers: { 'content-type': 'application/octet-stream' }, data: 'x' },
        },
        want: { signedHeaders: 'content-type;host;x-sdk-content-sha256;x-sdk-date' },
      },
    ],
    [
      'every header passed is signed, names lower-cased and sorted',
      {
        given: {
          method: 'GET',
          url: `${ENDPOINT}/v5/p/x`,
          headers: { 'X-Zeta': 'z', Accept: 'application/json', 'x-Custom-Header': 'A  b' },
          sdk: {
            path: '/v5/p/x',
            headers: { 'X-Zeta': 'z', Accept: 'application/json', 'x-Custom-Header': 'A  b' },
          },
        },
        want: { signedHeaders: 'accept;host;x-custom-header;x-sdk-date;x-zeta' },
      },
    ],
    [
      'host keeps a non-default port and is lower-cased',
      {
        given: {
          method: 'GET',
          url: 'https://HSS.Example.COM:8443/v5/p/x',
          endpoint: 'https://HSS.Example.COM:8443',
          sdk: { path: '/v5/p/x' },
        },
        want: { signedHeaders: 'host;x-sdk-date' },
      },
    ],
  ])('%s', async (_name, { given, want }) => {
    const sdk = await sdkSign(given, NOW);
    const ours = await ourSign(given, NOW);
    expect(ours.Authorization).toBe(sdk.Authorization);
    expect(ours['X-Sdk-Date']).toBe(sdk['X-Sdk-Date']);
    expect(ours['X-Security-Token']).toBe(sdk['X-Security-Token']);
    expect(signedHeadersOf(ours.Authorization)).toBe(want.signedHeaders);
    // signFetch (the chunk a client loads) signs a fetch Request as signRequest signs what it carries,
    // and as the SDK signs it when fetch added no header of its own.
    const request = new Request(given.url, {
      method: given.method,
      headers: given.headers,
      body: given.body as BodyInit | undefined,
    });
    const carried = [...request.headers.keys()].join();
    const creds = { accessKey: AK, secretKey: SK, ...(given.token ? { securityToken: given.token } : {}) };
    const same = await signRequest(
      { method: given.method, url: request.url, headers: request.headers, body: given.body },
      creds,
      NOW,
    );
    vi.setSystemTime(NOW);
    const fetched = await signFetch(request, creds);
    expect(fetched).toBe(request);
    for (const name of ['Authorization', 'X-Sdk-Date', 'X-Security-Token'])
      expect(request.headers.get(name) ?? undefined).toBe(same[name]);
    if (carried === [...new Headers(given.headers).keys()].join())
      expect(request.headers.get('Authorization')).toBe(sdk.Authorization);
  });

  it('produces the X-Sdk-Date the SDK produces, truncating milliseconds', async () => {
    const given: SameRequest = { method: 'GET', url: `${ENDPOINT}/`, sdk: { path: '/' } };
    const at = new Date('1999-12-31T23:59:59.999Z');
    expect((await sdkSign(given, at))['X-Sdk-Date']).toBe('19991231T235959Z');
    expect((await ourSign(given, at))['X-Sdk-Date']).toBe('19991231T235959Z');
  });
});

describe('where we knowingly differ from the Node SDK (it signs something other than what it sends)', () => {
  it.each<[string, { given: SameRequest; want: { canonicalPath: string; sdkCanonicalPath: string } }]>([
    [
      'a space in a path segment: the SDK encodes it twice (%2520), Python/Go SDKs and we once',
      {
        given: { method: 'GET', url: `${ENDPOINT}/v5/a%20b`, sdk: { path: '/v5/a b' } },
        want: { canonicalPath: '/v5/a%20b/', sdkCanonicalPath: '/v5/a%2520b/' },
      },
    ],
    [
      'an apostrophe in a path segment: url.parse escapes it, so the SDK signs %2527',
      {
        given: { method: 'GET', url: `${ENDPOINT}/v5/it's`, sdk: { path: "/v5/it's" } },
        want: { canonicalPath: '/v5/it%27s/', sdkCanonicalPath: '/v5/it%2527s/' },
      },
    ],
  ])('%s', async (_name, { given, want }) => {
    const ours = await ourSign(given, NOW);
    const canonical = await buildCanonicalRequest(
      { ...given, headers: { host: HOST, 'x-sdk-date': ours['X-Sdk-Date']! } },
      ['host', 'x-sdk-date'],
    );
    expect(canonical.split('\n')[1]).toBe(want.canonicalPath);
    // The SDK's signature is the one over its double-encoded path.
    const sdk = await sdkSign(given, NOW);
    expect(ours.Authorization).not.toBe(sdk.Authorization);
    const sdkCanonical = canonical.replace(`\n${want.canonicalPath}\n`, `\n${want.sdkCanonicalPath}\n`);
    expect(await hmacHex(SK, await stringToSignFor(ours['X-Sdk-Date']!, sdkCanonical))).toBe(
      sdk.Authorization?.split('Signature=')[1],
    );
  });

  it('header values are trimmed (fetch sends them trimmed); the SDK would sign the padding', async () => {
    const padded: SameRequest = {
      method: 'GET',
      url: `${ENDPOINT}/v5/p/x`,
      headers: { 'X-Custom': '  v \t' },
      sdk: { path: '/v5/p/x', headers: { 'X-Custom': 'v' } },
    };
    expect((await ourSign(padded, NOW)).Authorization).toBe((await sdkSign(padded, NOW)).Authorization);
  });

  it('an explicit default port is dropped from host, as fetch drops it from the Host header', async () => {
    const given: SameRequest = { method: 'GET', url: `${ENDPOINT}:443/v5/p/x`, sdk: { path: '/v5/p/x' } };
    expect((await ourSign(given, NOW)).Authorization).toBe((await sdkSign(given, NOW)).Authorization);
    const sdkWithPort = await sdkSign({ ...given, endpoint: `${ENDPOINT}:443` }, NOW);
    expect((await ourSign(given, NOW)).Authorization).not.toBe(sdkWithPort.Authorization);
  });
});

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Buffer.from(digest).toString('hex');
}

async function stringToSignFor(date: string, canonical: string): Promise<string> {
  return `SDK-HMAC-SHA256\n${date}\n${await sha256Hex(canonical)}`;
}

async function hmacHex(secret: string, text: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    enc.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return Buffer.from(await crypto.subtle.sign('HMAC', key, enc.encode(text))).toString('hex');
}

describe('signRequest', () => {
  const creds = { accessKey: AK, secretKey: SK };

  it('signs a path with and without its trailing slash identically', async () => {
    const a = await signRequest({ method: 'GET', url: `${ENDPOINT}/v5/p/x` }, creds, NOW);
    const b = await signRequest({ method: 'GET', url: `${ENDPOINT}/v5/p/x/` }, creds, NOW);
    expect(a).toEqual(b);
  });

  it('accepts URL objects and Headers, and upper-cases the method', async () => {
    const fromStrings = await signRequest(
      {
        method: 'POST',
        url: `${ENDPOINT}/v5/p/x?a=1`,
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      },
      creds,
      NOW,
    );
    const fromObjects = await signRequest(
      {
        method: 'post',
        url: new URL(`${ENDPOINT}/v5/p/x?a=1`),
        headers: new Headers({ 'content-type': 'application/json' }),
        body: new TextEncoder().encode('{}'),
      },
      creds,
      NOW,
    );
    expect(fromObjects).toEqual(fromStrings);
  });

  it('returns only Authorization and X-Sdk-Date, plus X-Security-Token when given', async () => {
    const req: SignableRequest = { method: 'GET', url: `${ENDPOINT}/v5` };
    expect(Object.keys(await signRequest(req, creds, NOW))).toEqual(['Authorization', 'X-Sdk-Date']);
    expect(await signRequest(req, { ...creds, securityToken: TOKEN }, NOW)).toMatchObject({
      'X-Security-Token': TOKEN,
      'X-Sdk-Date': '20240506T070809Z',
    });
  });

  it('replaces a stale X-Sdk-Date and never signs an Authorization header passed in', async () => {
    const clean = await signRequest({ method: 'GET', url: `${ENDPOINT}/v5` }, creds, NOW);
    const resigned = await signRequest(
      {
        method: 'GET',
        url: `${ENDPOINT}/v5`,
        headers: { Authorization: 'old', 'X-Sdk-Date': '20000101T000000Z' },
      },
      creds,
      NOW,
    );
    expect(resigned).toEqual(clean);
  });

  it('defaults now to the current time', async () => {
    vi.setSystemTime(NOW);
    expect((await signRequest({ method: 'GET', url: `${ENDPOINT}/v5` }, creds))['X-Sdk-Date']).toBe(
      '20240506T070809Z',
    );
  });

  it.each<[string, { given: AkSkCredentials; want: RegExp }]>([
    ['empty access key', { given: { accessKey: '', secretKey: SK }, want: /accessKey/ }],
    ['access key with a comma', { given: { accessKey: 'A,B', secretKey: SK }, want: /accessKey/ }],
    ['empty secret key', { given: { accessKey: AK, secretKey: '' }, want: /secretKey/ }],
  ])('refuses %s', async (_name, { given, want }) => {
    await expect(signRequest({ method: 'GET', url: `${ENDPOINT}/` }, given, NOW)).rejects.toThrow(want);
  });
});

describe('formatSdkDate', () => {
  it.each<[string, { given: Date; want: string }]>([
    ['epoch', { given: new Date(0), want: '19700101T000000Z' }],
    ['milliseconds are truncated', { given: new Date('2024-05-06T07:08:09.987Z'), want: '20240506T070809Z' }],
    ['always UTC', { given: new Date('2024-12-31T23:30:00-05:00'), want: '20250101T043000Z' }],
    ['year 9999', { given: new Date('9999-12-31T23:59:59Z'), want: '99991231T235959Z' }],
  ])('%s', (_name, { given, want }) => {
    expect(formatSdkDate(given)).toBe(want);
  });

  it.each<[string, { given: Date; want: RegExp }]>([
    ['Invalid Date', { given: new Date(Number.NaN), want: /invalid/ }],
    ['a 5-digit year', { given: new Date('+010000-01-01T00:00:00Z'), want: /year 10000/ }],
    ['a negative year', { given: new Date('-000001-01-01T00:00:00Z'), want: /year -1/ }],
  ])('refuses %s', (_name, { given, want }) => {
    expect(() => formatSdkDate(given)).toThrow(want);
  });
});

describe('uriEncode', () => {
  it.each<[string, { given: string; want: string }]>([
    ['unreserved characters as they are', { given: 'AZaz09-._~', want: 'AZaz09-._~' }],
    ['sub-delims encodeURIComponent leaves alone', { given: "!'()*", want: '%21%27%28%29%2A' }],
    ['reserved characters and %', { given: ' /?#[]@+=&%', want: '%20%2F%3F%23%5B%5D%40%2B%3D%26%25' }],
    ['UTF-8, upper-case hex', { given: 'é漢😀', want: '%C3%A9%E6%BC%A2%F0%9F%98%80' }],
    ['a lone high surrogate as U+FFFD', { given: 'a\uD800b', want: 'a%EF%BF%BDb' }],
    ['a lone low surrogate as U+FFFD', { given: '\uDC00', want: '%EF%BF%BD' }],
    ['a reversed pair as two U+FFFD', { given: '\uDE00\uD83D', want: '%EF%BF%BD%EF%BF%BD' }],
  ])('%s', (_name, { given, want }) => {
    expect(uriEncode(given)).toBe(want);
  });
});

describe('verifySignature', () => {
  const creds: AkSkCredentials = { accessKey: AK, secretKey: SK, securityToken: TOKEN };
  const lookup = (ak: string): string | undefined => (ak === AK ? SK : undefined);
  const original = {
    method: 'POST',
    url: `${ENDPOINT}/v5/${PROJECT}/event/operate?limit=10&offset=0`,
    headers: JSON_HEADERS,
    body: JSON.stringify(JSON_BODY),
  };

  /** The request as a Node server sees it: lower-case header names, Host added by the client. */
  async function serverRequest(): Promise<VerifiableRequest & { headers: Record<string, string> }> {
    const added = await signRequest(original, creds, NOW);
    const headers: Record<string, string> = { host: HOST, 'user-agent': 'node', 'content-length': '99' };
    for (const [name, value] of Object.entries({ ...original.headers, ...added }))
      headers[name.toLowerCase()] = value;
    return { ...original, headers };
  }

  it('accepts what signRequest produced', async () => {
    expect(await verifySignature(await serverRequest(), lookup, { now: NOW })).toBeUndefined();
  });

  it('accepts Headers (no host header: falls back to the URL) and string[] values', async () => {
    const req = await serverRequest();
    const { host: _host, ...rest } = req.headers;
    expect(
      await verifySignature({ ...req, headers: new Headers(rest) }, lookup, { now: NOW }),
    ).toBeUndefined();
    expect(
      await verifySignature(
        { ...req, headers: { ...req.headers, 'x-forwarded-for': ['a', 'b'], absent: undefined } },
        lookup,
        { now: NOW },
      ),
    ).toBeUndefined();
  });

  it('accepts a request signed by the Huawei SDK, as sent', async () => {
    const given: SameRequest = {
      method: 'POST',
      url: `${ENDPOINT}/v5/${PROJECT}/event/operate?enterprise_project_id=${q('all granted')}&tag=b&tag=a`,
      token: TOKEN,
      sdk: {
        path: '/v5/{project_id}/event/operate',
        query: { enterprise_project_id: 'all granted', tag: ['b', 'a'] },
        headers: SDK_JSON,
        data: JSON_BODY,
        projectId: PROJECT,
      },
    };
    const sdkHeaders = await sdkSign(given, NOW);
    vi.useRealTimers();
    const reason = await verifySignature(
      { method: 'POST', url: given.url, headers: sdkHeaders, body: JSON.stringify(JSON_BODY) },
      lookup,
      { now: new Date(NOW.getTime() + 60_000) },
    );
    expect(reason).toBeUndefined();
  });

  it('accepts skew up to maxSkewMs either way', async () => {
    const req = await serverRequest();
    for (const offset of [-15 * 60_000, 15 * 60_000]) {
      expect(
        await verifySignature(req, lookup, { now: new Date(SIGNED_AT.getTime() + offset) }),
      ).toBeUndefined();
    }
    expect(
      await verifySignature(req, lookup, { now: new Date(SIGNED_AT.getTime() + 61_000), maxSkewMs: 60_000 }),
    ).toMatch(/61s behind server time/);
  });

  it('accepts UNSIGNED-PAYLOAD, and a declared body hash only when it is the body hash', async () => {
    const declared = async (sha: string, body: string) => {
      const req = { method: 'PUT', url: `${ENDPOINT}/v5/x`, headers: { 'x-sdk-content-sha256': sha }, body };
      const added = await signRequest(req, creds, NOW);
      return verifySignature({ ...req, headers: { ...req.headers, ...added } }, lookup, { now: NOW });
    };
    expect(await declared('UNSIGNED-PAYLOAD', 'anything')).toBeUndefined();
    expect(await declared(await sha256Hex('abc'), 'abc')).toBeUndefined();
    expect(await declared(await sha256Hex('abc'), 'abd')).toBe(
      'request body does not match X-Sdk-Content-Sha256',
    );
  });

  type Tamper = (req: VerifiableRequest & { headers: Record<string, string> }) => VerifiableRequest;
  const withHeader =
    (name: string, value: string | undefined): Tamper =>
    (req) => ({ ...req, headers: { ...req.headers, [name]: value } });
  const withAuth = (f: (auth: string) => string | undefined): Tamper => {
    return (req) => withHeader('authorization', f(req.headers.authorization ?? ''))(req);
  };

  const rejections: [
    string,
    { given: { tamper: Tamper; lookup?: typeof lookup; now?: Date }; want: RegExp },
  ][] = [
    [
      'a changed query',
      {
        given: { tamper: (r) => ({ ...r, url: String(r.url).replace('limit=10', 'limit=11') }) },
        want: /^signature mismatch/,
      },
    ],
    [
      'a changed signed header',
      { given: { tamper: withHeader('x-project-id', 'other') }, want: /^signature mismatch/ },
    ],
    ['a changed body', { given: { tamper: (r) => ({ ...r, body: '{}' }) }, want: /^signature mismatch/ }],
    [
      'a changed method',
      { given: { tamper: (r) => ({ ...r, method: 'PUT' }) }, want: /^signature mismatch/ },
    ],
    [
      'a wrong secret',
      { given: { tamper: (r) => r, lookup: () => 'not-the-secret' }, want: /^signature mismatch/ },
    ],
    [
      'an unknown AK',
      { given: { tamper: (r) => r, lookup: () => undefined }, want: /^unknown access key "HPUA/ },
    ],
    [
      'a stale date',
      {
        given: { tamper: (r) => r, now: new Date(SIGNED_AT.getTime() + 16 * 60_000) },
        want: /is 960s behind server time/,
      },
    ],
    [
      'a date from the future',
      {
        given: { tamper: (r) => r, now: new Date(SIGNED_AT.getTime() - 16 * 60_000) },
        want: /is 960s ahead of server time/,
      },
    ],
    [
      'no X-Sdk-Date',
      { given: { tamper: withHeader('x-sdk-date', undefined) }, want: /^missing X-Sdk-Date/ },
    ],
    [
      'a malformed X-Sdk-Date',
      { given: { tamper: withHeader('x-sdk-date', '2024-05-06T07:08:09Z') }, want: /^malformed X-Sdk-Date/ },
    ],
    [
      'an impossible X-Sdk-Date',
      { given: { tamper: withHeader('x-sdk-date', '20240230T000000Z') }, want: /^malformed X-Sdk-Date/ },
    ],
    [
      'no Authorization',
      { given: { tamper: withHeader('authorization', undefined) }, want: /^missing Authorization/ },
    ],
    [
      'malformed Authorization: another scheme',
      {
        given: { tamper: withAuth((a) => a.replace('SDK-HMAC-SHA256', 'AWS4-HMAC-SHA256')) },
        want: /scheme must be/,
      },
    ],
    [
      'malformed Authorization: garbage',
      { given: { tamper: withAuth(() => 'SDK-HMAC-SHA256 garbage') }, want: /expected Access=/ },
    ],
    [
      'malformed Authorization: no Signature',
      { given: { tamper: withAuth((a) => a.replace(/, Signature=.*/, '')) }, want: /Signature is missing/ },
    ],
    [
      'malformed Authorization: short Signature',
      { given: { tamper: withAuth((a) => a.slice(0, -2)) }, want: /64 hexadecimal digits/ },
    ],
    [
      'malformed Authorization: no Access',
      { given: { tamper: withAuth((a) => a.replace(/Access=[^,]*, /, '')) }, want: /Access is missing/ },
    ],
    [
      'malformed Authorization: unknown parameter',
      { given: { tamper: withAuth((a) => `${a}, Extra=1`) }, want: /unexpected parameter "Extra"/ },
    ],
    [
      'malformed Authorization: upper-case SignedHeaders',
      { given: { tamper: withAuth((a) => a.replace('host', 'Host')) }, want: /lower-case header names/ },
    ],
    [
      'SignedHeaders without x-sdk-date',
      {
        given: { tamper: withAuth((a) => a.replace(';x-sdk-date', '')) },
        want: /^SignedHeaders must include x-sdk-date/,
      },
    ],
    [
      'a signed header missing from the request',
      {
        given: { tamper: withHeader('x-project-id', undefined) },
        want: /^signed header x-project-id is missing/,
      },
    ],
  ];

  it.each(rejections)('rejects %s', async (_name, { given, want }) => {
    const req = await serverRequest();
    const reason = await verifySignature(given.tamper(req), given.lookup ?? lookup, {
      now: given.now ?? NOW,
    });
    expect(reason).toMatch(want);
    // Reasons are safe to send back: no secret, no presented signature.
    const signature = /Signature=([0-9a-f]{64})/.exec(req.headers.authorization ?? '')?.[1];
    expect(signature).toBeDefined();
    expect(reason).not.toContain(SK);
    expect(reason).not.toContain(signature);
  });

  it('gives a distinct reason for each kind of failure', async () => {
    const reasonFor = async (name: string) => {
      const [, { given }] = rejections.find(([n]) => n === name)!;
      const req = await serverRequest();
      return verifySignature(given.tamper(req), given.lookup ?? lookup, { now: given.now ?? NOW });
    };
    const kinds = [
      'a changed query',
      'a changed signed header',
      'a wrong secret',
      'an unknown AK',
      'a stale date',
      'malformed Authorization: garbage',
    ];
    const reasons = await Promise.all(kinds.map(reasonFor));
    expect(new Set(reasons).size).toBe(kinds.length);
  });

  it("names the server's canonical request hash on a mismatch, matching buildCanonicalRequest", async () => {
    const req = await serverRequest();
    const signedHeaders = signedHeadersOf(req.headers.authorization)!.split(';');
    const canonical = await buildCanonicalRequest(req, signedHeaders);
    const reason = await verifySignature(req, () => 'wrong', { now: NOW });
    expect(reason).toContain(await sha256Hex(canonical));
  });
});
