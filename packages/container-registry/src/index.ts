import {
  assertTokenSource,
  createScanApiClient,
  headerAuth,
  normalizeBaseUrl,
  type RuntimeOptions,
  type ScanApiClient,
  ScanApiConfigError,
  type TokenSource,
  type VendorError,
} from '@scanapis/client-kit';
import { pagination } from './generated/pagination.gen.js';
import type { components, operations, paths } from './generated/schema.gen.js';

export {
  type ListOptions,
  type ListPromise,
  type Logger,
  type LogLevel,
  type RetryOptions,
  ScanApiConfigError,
  ScanApiError,
  type ScanApiErrorKind,
  type TimeoutOptions,
  type TokenSource,
} from '@scanapis/client-kit';
export type { components, operations, paths } from './generated/schema.gen.js';
export { INT64_MAX, INT64_MIN, int64ToBigInt, int64ToNumber } from './int64.js';
export { parseTimestamp, type Timestamp } from './timestamp.js';

type Schemas = components['schemas'];

/** One vulnerability scan of an image (`Scanner.list` items). */
export type ScanResult = Schemas['ScanResult'];
/** `ScanResult.status`; proto3 JSON omits `STATUS_UNSPECIFIED`, so the field may also be absent. */
export type ScanStatus = NonNullable<ScanResult['status']>;
/** Vulnerability counts by severity, int64 as strings (absent = `"0"`): read them with `int64ToNumber`. */
export type VulnerabilityStats = Schemas['VulnerabilityStats'];
/** The 200 body of `GET /container-registry/v1/scans`. */
export type ListScanResultsResponse = Schemas['ListScanResultsResponse'];
/** A Docker image (`Image.list` items). */
export type Image = Schemas['Image'];
/** An image's config or one of its layers. */
export type Blob = Schemas['Blob'];
/** The 200 body of `GET /container-registry/v1/images`. */
export type ListImagesResponse = Schemas['ListImagesResponse'];
/** The error body of every non-2xx answer: a `google.rpc.Status` (`code` is the gRPC code). */
export type Status = Schemas['Status'];
/** The `google.rpc.RequestInfo` detail of a `Status`; quote `requestId` to support. */
export type RequestInfo = Schemas['RequestInfo'];
/** Query parameters of `GET /container-registry/v1/images`. */
export type ListImagesQuery = NonNullable<operations['Image_list']['parameters']['query']>;

/** The Scanner.list target: exactly one of `imageId` or `repositoryId` (a proto oneof). */
export type ScanTarget =
  | { imageId: string; repositoryId?: never }
  | { repositoryId: string; imageId?: never };
/**
 * Query parameters of `GET /container-registry/v1/scans`, with the oneof the generated types
 * cannot carry (OpenAPI has no oneof for query parameters): a query with neither or both of
 * `imageId` / `repositoryId` does not compile.
 */
export type ListScanResultsQuery = Omit<
  NonNullable<operations['Scanner_list']['parameters']['query']>,
  'imageId' | 'repositoryId'
> &
  ScanTarget;

type ScannerList = operations['Scanner_list'];
/** The generated `paths`, with `Scanner.list`'s query replaced by `ListScanResultsQuery` (required). */
export type ContainerRegistryPaths = Omit<paths, '/container-registry/v1/scans'> & {
  '/container-registry/v1/scans': Omit<paths['/container-registry/v1/scans'], 'get'> & {
    get: Omit<ScannerList, 'parameters'> & {
      parameters: Omit<ScannerList['parameters'], 'query'> & { query: ListScanResultsQuery };
    };
  };
};

/** The clouds that serve this API, with their public hosts. */
export const CONTAINER_REGISTRY_BASE_URLS = {
  /** Yandex Cloud. */
  yandex: 'https://container-registry.api.cloud.yandex.net',
  /** Nebius Israel. */
  'nebius-il': 'https://container-registry.api.il.nebius.cloud',
} as const;

export type ContainerRegistryCloud = keyof typeof CONTAINER_REGISTRY_BASE_URLS;

const CLOUDS = Object.keys(CONTAINER_REGISTRY_BASE_URLS) as ContainerRegistryCloud[];

export interface ContainerRegistryClientOptions extends RuntimeOptions {
  /**
   * An IAM token (the bare token, sent as `Authorization: Bearer <token>`), or a function that
   * returns one — sync or async, called before every request so a refreshed token is used.
   */
  iamToken: TokenSource;
  /** Which cloud to call: `'yandex'` (the default) or `'nebius-il'`. */
  cloud?: ContainerRegistryCloud;
  /** Overrides the cloud's host; point it at a mock (`startMock().url`) in tests. */
  baseUrl?: string;
}

/**
 * `scans.list()` and `images.list()`, and the openapi-fetch client typed from the Container
 * Registry spec plus the Scanner.list oneof, with `paginate`/`pages` (page tokens), retries,
 * timeouts and typed errors.
 */
export type ContainerRegistryClient = ScanApiClient<ContainerRegistryPaths, typeof pagination>;

/** Reads a `google.rpc.Status` body: gRPC `code`, `message`, and `RequestInfo.requestId`. */
export function parseStatusError(body: unknown): VendorError {
  const b = body as Partial<Status> | undefined;
  if (b === null || typeof b !== 'object') return {};
  const info = (b.details ?? []).find(
    (d) => (d as { '@type'?: string })['@type'] === 'type.googleapis.com/google.rpc.RequestInfo',
  ) as { requestId?: string } | undefined;
  return {
    ...(typeof b.code === 'number' ? { code: b.code } : {}),
    ...(typeof b.message === 'string' ? { message: b.message } : {}),
    ...(typeof info?.requestId === 'string' ? { requestId: info.requestId } : {}),
  };
}

const bearer = (token: string) => `Bearer ${token}`;

/**
 * Creates a Container Registry client. Throws `ScanApiConfigError` before any request when
 * `iamToken` is neither a non-empty string nor a function, `cloud` is not a known cloud,
 * `baseUrl` is not an http(s) URL, or `fetch` is not a function. No message ever contains the token.
 */
export function createContainerRegistryClient(
  options: ContainerRegistryClientOptions,
): ContainerRegistryClient {
  const {
    iamToken,
    cloud = 'yandex',
    baseUrl,
    ...runtime
  } = options ?? ({} as ContainerRegistryClientOptions);
  if (typeof iamToken === 'string' && /^bearer\s/i.test(iamToken))
    throw new ScanApiConfigError('iamToken', 'starts with "Bearer "; pass the bare IAM token');
  assertTokenSource('iamToken', iamToken);
  if (!CLOUDS.includes(cloud)) {
    const got =
      typeof cloud === 'string' ? JSON.stringify(cloud) : cloud === null ? 'null' : `a ${typeof cloud}`;
    throw new ScanApiConfigError(
      'cloud',
      `must be one of ${CLOUDS.map((c) => `"${c}"`).join(', ')}, got ${got}`,
    );
  }
  return createScanApiClient<ContainerRegistryPaths, typeof pagination>(
    {
      baseUrl: normalizeBaseUrl(baseUrl, CONTAINER_REGISTRY_BASE_URLS[cloud]),
      middleware: [headerAuth('iamToken', 'Authorization', iamToken, bearer)],
      pagination,
      parseError: parseStatusError,
    },
    runtime,
  );
}
