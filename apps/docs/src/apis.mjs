// What the docs site says about each API that the bundled spec cannot say itself: the vendor,
// the seed pages it was authored from, a short list of what the spec adds to those pages, and
// the client package. Operations, servers, auth and parameters always come from the spec.
//
// Each `adds` entry names the places in the bundled spec that carry the fact (`evidence`: a
// JSON pointer, optionally with a string the value must contain); the build fails when one of
// them is missing, so the site cannot claim something the spec no longer says.
//
// Text uses one bit of markup: `code` spans.

/**
 * @typedef {{ pointer: string, contains?: string }} Evidence
 * @typedef {{ text: string, evidence: Evidence[] }} Addition
 * @typedef {{ file: string, page: string }} SeedPage
 * @typedef {{
 *   api: string,
 *   vendor: string,
 *   seeds: SeedPage[],
 *   adds: Addition[],
 *   clientPackage: string,
 *   mockPackage: string,
 * }} ApiMeta
 */

/** @type {ApiMeta[]} In the order the index lists them. */
export const APIS = [
  {
    api: 'gecko',
    vendor: 'Gecko Security',
    seeds: [
      {
        file: '004_3f16fc1c52a1c305.txt',
        page: 'Gecko SAST Scanner API — the vendor’s own OpenAPI 3.1 excerpt for `GET /api/v1/scans` (List scans)',
      },
    ],
    adds: [
      {
        text: 'Keys start with `gk_`, sent as `X-API-Key`; a key with another prefix is a 401 (`Invalid API key format`).',
        evidence: [{ pointer: '/components/securitySchemes/ApiKeyAuth/description', contains: 'gk_' }],
      },
      {
        text: 'Rate limit: 1,000 requests per hour per key — `X-RateLimit-Remaining` / `X-RateLimit-Reset` on every authenticated answer, and a 429 with `Retry-After` past the limit.',
        evidence: [
          {
            pointer: '/components/securitySchemes/ApiKeyAuth/description',
            contains: '1,000 requests per hour',
          },
          { pointer: '/components/responses/RateLimitedError/headers/Retry-After' },
          { pointer: '/components/headers/XRateLimitRemaining' },
        ],
      },
      {
        text: '`limit` above 1000 is refused with a 400 (`Limit cannot exceed 1000`), not clamped; `language` matches case-insensitively.',
        evidence: [
          { pointer: '/components/parameters/Limit/schema/maximum' },
          { pointer: '/components/parameters/Language/description', contains: 'case-insensitive' },
        ],
      },
      {
        text: 'Paging declared once for clients and mocks: `offset` + `limit`, continue while `pagination.hasMore`.',
        evidence: [{ pointer: '/paths/~1api~1v1~1scans/get/x-scanapis-pagination/hasMoreField' }],
      },
    ],
    clientPackage: '@scanapis/gecko',
    mockPackage: '@scanapis/gecko-mock',
  },
  {
    api: 'container-registry',
    vendor: 'Yandex Cloud / Nebius Israel',
    seeds: [
      {
        file: '000_64c6c362df805b01.txt',
        page: 'Yandex Cloud Container Registry, `Scanner.list` (docs source, `{{ api-host }}` placeholder)',
      },
      {
        file: '001_0e101c289c83a24d.txt',
        page: 'Nebius Israel Container Registry, `Scanner.list` (rendered page, host `container-registry.api.il.nebius.cloud`)',
      },
      { file: '002_4d02d37362f2d48f.txt', page: 'Yandex Cloud Container Registry, `Image.list`' },
    ],
    adds: [
      {
        text: 'The oneof: `Scanner.list` takes exactly one of `imageId` or `repositoryId`; neither or both is a 400 (`Exactly one of imageId or repositoryId must be set`). OpenAPI cannot say this for query parameters, so the operation carries `x-scanapis-oneof`.',
        evidence: [
          { pointer: '/paths/~1container-registry~1v1~1scans/get/x-scanapis-oneof/0' },
          {
            pointer: '/components/parameters/ScanImageId/description',
            contains: 'Exactly one of imageId or repositoryId must be set',
          },
        ],
      },
      {
        text: 'Auth: an IAM token as `Authorization: Bearer <token>` (401 `UNAUTHENTICATED`, 403 `PERMISSION_DENIED`).',
        evidence: [{ pointer: '/components/securitySchemes/IamToken/scheme', contains: 'bearer' }],
      },
      {
        text: 'Errors as `google.rpc.Status` (`code`, `message`, `details[]` with a `RequestInfo`) for 400/401/403/404/429/500/503; `x-request-id` / `x-server-trace-id` headers.',
        evidence: [
          { pointer: '/components/schemas/Status' },
          { pointer: '/components/schemas/RequestInfo' },
          { pointer: '/components/headers/XServerTraceId' },
        ],
      },
      {
        text: 'proto3 JSON: fields holding their default are omitted (an empty page is `{}`, the last page has no `nextPageToken`); int64 as strings; the `STATUS_UNSPECIFIED` zero value.',
        evidence: [
          {
            pointer: '/components/schemas/ScanResult/properties/status/enum',
            contains: 'STATUS_UNSPECIFIED',
          },
        ],
      },
      {
        text: 'Paging: `pageSize` + `pageToken`, continue while the answer has a `nextPageToken`.',
        evidence: [
          { pointer: '/paths/~1container-registry~1v1~1scans/get/x-scanapis-pagination/nextTokenField' },
        ],
      },
    ],
    clientPackage: '@scanapis/container-registry',
    mockPackage: '@scanapis/container-registry-mock',
  },
  {
    api: 'hss',
    vendor: 'Huawei Cloud',
    seeds: [
      {
        file: '003_4779798ece3f765a.txt',
        page: 'Huawei Cloud HSS API Reference › Repository image › “Querying the Image List of a Repository”',
      },
    ],
    adds: [
      {
        text: 'AK/SK signing, Huawei’s SDK auth, as the alternative to `X-Auth-Token`: `Authorization: SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…` with `X-Sdk-Date` (and `X-Security-Token` for temporary credentials).',
        evidence: [
          { pointer: '/components/securitySchemes/AkSkSignature/description', contains: 'SDK-HMAC-SHA256' },
          { pointer: '/security/1/AkSkSignature' },
        ],
      },
      {
        text: 'The regional host `https://hss.{region}.myhuaweicloud.com` (default `ap-southeast-1`); the page gives only the path.',
        evidence: [{ pointer: '/servers/0/variables/region/default' }],
      },
      {
        text: 'Errors in Huawei’s `{"error_code", "error_msg"}` body for 400/401/403/404/429/500 (the page lists only 200), and an `X-Request-Id` header on every answer.',
        evidence: [
          { pointer: '/components/schemas/ErrorResponse' },
          { pointer: '/components/headers/XRequestId' },
        ],
      },
      {
        text: 'The three start ≤ end time-range rules OpenAPI cannot express (`x-scanapis-ranges`).',
        evidence: [
          { pointer: '/paths/~1v5~1{project_id}~1image~1registries~1images/get/x-scanapis-ranges/2' },
        ],
      },
      {
        text: 'Paging: `offset` + `limit` over `total_num`.',
        evidence: [
          {
            pointer:
              '/paths/~1v5~1{project_id}~1image~1registries~1images/get/x-scanapis-pagination/totalField',
          },
        ],
      },
    ],
    clientPackage: '@scanapis/hss',
    mockPackage: '@scanapis/hss-mock',
  },
];
