import {
  assertCredential,
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
import type { AkSkCredentials } from '@scanapis/huawei-signer';
import type { Middleware } from 'openapi-fetch';
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
// The signer itself is `@scanapis/huawei-signer` (a dependency): importing it from here would put
// it in every bundle, while `auth: { accessKey, secretKey }` loads it on the first signed request.
export type { AkSkCredentials } from '@scanapis/huawei-signer';
export type { components, operations, paths } from './generated/schema.gen.js';
export { dateToMs, MAX_EPOCH_MS, msToDate } from './time.js';

/** One image of a repository, as `ListRegistryImages` returns it. */
export type RegistryImagesInfo = components['schemas']['RegistryImagesInfo'];
/** An image associated with a multi-architecture image (`association_images`). */
export type AssociateImagesInfo = components['schemas']['AssociateImagesInfo'];
/** The 200 body of `ListRegistryImages`: `total_num` and `data_list`. */
export type ListRegistryImagesResponse = components['schemas']['ListRegistryImagesResponse'];
/** Huawei Cloud's error body: `{ error_code, error_msg, request_id? }`. */
export type ErrorResponse = components['schemas']['ErrorResponse'];
/** Image types (`private_image`, `shared_image`, `instance_image`, `harbor`, `jfrog`). */
export type ImageType = components['schemas']['ImageType'];
/** The 7 scan statuses a response can carry (the `scan_status` filter accepts 5 of them). */
export type ImageScanStatus = components['schemas']['ImageScanStatus'];
/** Why a scan failed (`scan_failed_code`). */
export type ScanFailedCode = components['schemas']['ScanFailedCode'];
/** Image risk level (`Security`, `Low`, `Medium`, `High`). */
export type SeverityLevel = components['schemas']['SeverityLevel'];
/** Query parameters of `GET /v5/{project_id}/image/registries/images` (all 27 optional). */
export type ListRegistryImagesQuery = NonNullable<operations['ListRegistryImages']['parameters']['query']>;

/** The HSS endpoint of a region: `https://hss.<region>.myhuaweicloud.com`. */
export function hssBaseUrl(region: string): string {
  return `https://hss.${region}.myhuaweicloud.com`;
}

/** IAM token authentication: sent as `X-Auth-Token`. */
export interface TokenAuth {
  /** An IAM token, or a function that returns the current one (called before every request). */
  token: TokenSource;
  accessKey?: never;
  secretKey?: never;
  securityToken?: never;
}

/** AK/SK authentication: every request is signed (`Authorization: SDK-HMAC-SHA256 …`, `X-Sdk-Date`). */
export interface AkSkAuth {
  token?: never;
  /** The access key ID (AK). */
  accessKey: string;
  /** The secret access key (SK); it signs requests and is never sent. */
  secretKey: string;
  /** With temporary AK/SK: the security token, sent (and signed) as `X-Security-Token`. */
  securityToken?: string;
}

export type HssAuth = TokenAuth | AkSkAuth;

export interface HssClientOptions extends RuntimeOptions {
  /** The region the project lives in, e.g. `ap-southeast-1`; picks the default `baseUrl`. */
  region: string;
  /** The project ID that fills `{project_id}` in every path (1 to 256 characters). */
  projectId: string;
  /** `{ token }` or `{ accessKey, secretKey, securityToken? }`. */
  auth: HssAuth;
  /** Defaults to `https://hss.<region>.myhuaweicloud.com`; point it at a mock (`startMock().url`) in tests. */
  baseUrl?: string;
}

/** Makes `project_id` optional in an operation's path parameters: the client fills it in. */
type ProjectScoped<Op> = Op extends { parameters: infer P extends { path: { project_id: string } } }
  ? Omit<Op, 'parameters'> & {
      parameters: Omit<P, 'path'> & {
        path?: Omit<P['path'], 'project_id'> & { project_id?: P['path']['project_id'] };
      };
    }
  : Op;

/** The spec's `paths`, with `project_id` optional (the client's `projectId` is the default). */
export type HssPaths = { [Path in keyof paths]: { [M in keyof paths[Path]]: ProjectScoped<paths[Path][M]> } };

/**
 * `registryImages.list()`, and the openapi-fetch client typed from the HSS spec, with `project_id`
 * filled in from `projectId` (pass `params.path.project_id` to override it for one call);
 * `paginate`/`pages` (offset and `total_num`), retries, timeouts and typed errors from the shared
 * runtime.
 */
export type HssClient = ScanApiClient<HssPaths, typeof pagination> & {
  readonly region: string;
  readonly projectId: string;
  /** Where requests go, without a trailing slash. */
  readonly baseUrl: string;
};

/** Reads Huawei's error body: `error_code`, `error_msg`, and the request id (body or `X-Request-Id`). */
export function parseHssError(body: unknown, response?: Response): VendorError {
  const { error_code: code, error_msg: message, request_id } = Object(body) as Partial<ErrorResponse>;
  return { code, message, requestId: request_id ?? response?.headers.get('X-Request-Id') ?? undefined };
}

/**
 * Checks `auth` and returns the middleware that authenticates every request. Never echoes a credential.
 *
 * With AK/SK, it signs each request as it leaves the middleware chain: every header the Request
 * carries, `host` (from its URL, as fetch sends it), `X-Sdk-Date` and `X-Security-Token`, over its
 * method, URL and body. Middleware registered later with `use()` runs after this one: it may add
 * headers (they go unsigned) but must not change signed ones or the URL.
 */
function authMiddleware(auth: unknown): Middleware {
  const { token, accessKey, secretKey, securityToken } = (auth ?? {}) as Record<string, unknown>;
  if ((token === undefined) === ((accessKey ?? secretKey ?? securityToken) === undefined))
    throw new ScanApiConfigError('auth', 'must be { token } or { accessKey, secretKey, securityToken? }');
  if (token !== undefined) {
    assertTokenSource('auth.token', token);
    return headerAuth('auth.token', 'X-Auth-Token', token);
  }
  assertCredential('auth.accessKey', accessKey, /^[A-Za-z0-9]+$/, 'must be letters and digits');
  assertCredential('auth.secretKey', secretKey);
  if (securityToken !== undefined) assertCredential('auth.securityToken', securityToken);
  const credentials = { accessKey, secretKey, securityToken } as AkSkCredentials;
  // The signer is loaded on the first signed request (the module loader keeps it for the next
  // ones): clients that authenticate with a token never load it, and a bundler puts it in its own
  // chunk.
  return {
    async onRequest({ request }) {
      return (await import('@scanapis/huawei-signer/fetch')).signFetch(request, credentials);
    },
  };
}

/**
 * Creates an HSS client. Throws `ScanApiConfigError` before any request when an option is wrong;
 * the message names the option and never contains a token or key.
 */
export function createHssClient(options: HssClientOptions): HssClient {
  const { region, projectId, auth, baseUrl: givenBaseUrl, ...runtime } = options ?? ({} as HssClientOptions);
  assertCredential('region', region, /^[a-z0-9-]+$/, 'must be a region ID such as "ap-southeast-1"');
  assertCredential('projectId', projectId, /^[\s\S]{1,256}$/, 'must be 1 to 256 characters');
  const authenticate = authMiddleware(auth);
  const baseUrl = normalizeBaseUrl(givenBaseUrl, hssBaseUrl(region));

  const client = createScanApiClient<HssPaths, typeof pagination>(
    {
      baseUrl,
      middleware: [authenticate],
      pathParams: { project_id: projectId },
      pagination,
      parseError: parseHssError,
    },
    runtime,
  );
  return Object.assign(client, { region, projectId, baseUrl });
}
