// What the docs site says about each API that the bundled spec cannot say itself: the vendor,
// the vendor's reference pages (public title, and address where one is published), a short list
// of what this reference adds to those pages, the client and mock packages, and what the try-it
// console needs (the credential header, the client's creation line). Operations, servers, auth
// and parameters always come from the spec.
//
// Each `adds` entry names the places in the bundled spec that carry the fact (`evidence`: a
// JSON pointer, optionally with a string the value must contain); the build fails when one of
// them is missing, so the site cannot claim something the spec no longer says.
//
// Text uses one bit of markup: `code` spans (rendered as <code>, never shown as backticks).

/**
 * @typedef {{ pointer: string, contains?: string }} Evidence
 * @typedef {{ text: string, evidence: Evidence[] }} Addition
 * @typedef {{ title: string, address?: string }} VendorPage
 * @typedef {{
 *   header: string,
 *   prefix: string,
 *   credential: (mock: Record<string, any>) => string,
 *   values: (mock: Record<string, any>) => Record<string, string>,
 *   clientVariable: string,
 *   clientFactory: string,
 *   clientOptions: string,
 *   filledByClient: string[],
 * }} TryIt
 * @typedef {{
 *   api: string,
 *   vendor: string,
 *   pages: VendorPage[],
 *   adds: Addition[],
 *   clientPackage: string,
 *   mockPackage: string,
 *   tryIt: TryIt,
 * }} ApiMeta
 */

/** @type {ApiMeta[]} In the order the index lists them. */
export const APIS = [
  {
    api: 'gecko',
    vendor: 'Gecko Security',
    pages: [
      {
        title:
          'Gecko documentation, API reference “List scans” (the vendor’s own OpenAPI 3.1 excerpt for `GET /api/v1/scans`)',
        address: 'https://gecko.security/docs/llms.txt',
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
    tryIt: {
      header: 'X-API-Key',
      prefix: '',
      credential: (mock) => mock.TEST_API_KEY,
      values: () => ({}),
      clientVariable: 'gecko',
      clientFactory: 'createGeckoClient',
      clientOptions: '{\n  apiKey: {credential},\n  baseUrl: {baseUrl},\n}',
      filledByClient: [],
    },
  },
  {
    api: 'container-registry',
    vendor: 'Yandex Cloud / Nebius Israel',
    pages: [
      {
        title:
          'Yandex Cloud documentation, “Container Registry API, REST: Scanner.list” (docs/container-registry/api-ref/Scanner/list)',
      },
      {
        title:
          'Nebius Israel documentation, “Container Registry API, REST: Scanner.list” (the same page for the host `container-registry.api.il.nebius.cloud`)',
      },
      {
        title:
          'Yandex Cloud documentation, “Container Registry API, REST: Image.list” (docs/container-registry/api-ref/Image/list)',
      },
    ],
    adds: [
      {
        text: 'The oneof: `Scanner.list` takes exactly one of `imageId` or `repositoryId`; neither or both is a 400 (`Exactly one of imageId or repositoryId must be set`). OpenAPI cannot say this for query parameters; the mocks, the client’s types and the try-it console enforce it.',
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
    tryIt: {
      header: 'Authorization',
      prefix: 'Bearer ',
      credential: (mock) => mock.TEST_TOKEN,
      values: () => ({}),
      clientVariable: 'registry',
      clientFactory: 'createContainerRegistryClient',
      clientOptions: '{\n  iamToken: {credential},\n  baseUrl: {baseUrl},\n}',
      filledByClient: [],
    },
  },
  {
    api: 'hss',
    vendor: 'Huawei Cloud',
    pages: [
      {
        title:
          'Huawei Cloud Help Center, Host Security Service › API Reference › API Description › Repository image › “Querying the Image List of a Repository”',
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
        text: 'The three start ≤ end time-range rules OpenAPI cannot express, checked by the mock and described on each time parameter.',
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
    tryIt: {
      // AK/SK signing needs the secret key in the page; the console uses the token credential.
      header: 'X-Auth-Token',
      prefix: '',
      credential: (mock) => mock.TEST_TOKEN,
      values: (mock) => ({ project_id: mock.TEST_PROJECT_ID }),
      clientVariable: 'hss',
      clientFactory: 'createHssClient',
      clientOptions:
        "{\n  region: 'ap-southeast-1',\n  projectId: {project_id},\n  auth: { token: {credential} },\n  baseUrl: {baseUrl},\n}",
      filledByClient: ['project_id'],
    },
  },
];
