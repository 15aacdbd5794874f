import { createRandom, lazyItems, type Random } from '@scanapis/mock-kit';

/** `ImageType`: the 5 image types, each also a value of the `image_type` filter. */
export const IMAGE_TYPES = ['private_image', 'shared_image', 'instance_image', 'harbor', 'jfrog'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/** `ImageScanStatus`: the 7 scan statuses a response carries. */
export const SCAN_STATUSES = [
  'unscan',
  'success',
  'scanning',
  'failed',
  'download_failed',
  'image_oversized',
  'waiting_for_scan',
] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

/** `SeverityLevel`: the 4 risk levels. */
export const SEVERITY_LEVELS = ['Security', 'Low', 'Medium', 'High'] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

/** `ScanFailedCode` with the page's description of each code (sent as `scan_failed_desc`). */
export const SCAN_FAILED_CODES = {
  unknown_error: 'Unknown error.',
  authentication_failed: 'Authentication failed.',
  download_failed: 'The image download failed. Contact technical support.',
  image_over_sized: 'The image is too large and cannot be scanned. Reduce the image size.',
  get_detail_info_not_found:
    'Image details failed to be obtained. The image is not found in the repository. Synchronize the latest images.',
  image_layer_over_sized: 'The image has too many layers and cannot be scanned. Reduce the image size.',
  schema_v1_not_support: 'Schema V1 images cannot be scanned. Upgrade to V2.',
  access_swr_failed: 'Failed to access SWR. Contact technical support.',
  swr_authentication_error:
    'The SWR authorization is missing. Refer to the image authorization guide to configure permissions.',
  failed_to_scan_vulnerability: 'The vulnerability scan failed.',
  failed_to_scan_file: 'The file scan failed.',
  failed_to_scan_software: 'The software scan failed.',
  failed_to_check_sensitive_information: 'Failed to check sensitive information.',
  failed_to_check_baseline: 'Baseline check failed.',
  failed_to_check_software_compliance: 'The software compliance check failed.',
  failed_to_query_basic_image_information: 'Failed to query the basic image information.',
  failed_to_check_build_cmd: 'Failed to scan the image building instructions.',
  response_timed_out: 'The response timed out.',
  database_error: 'Database error.',
  failed_to_send_the_scan_request: 'Failed to send the scan request.',
} as const;
export type ScanFailedCode = keyof typeof SCAN_FAILED_CODES;

/** One image associated with a multi-architecture image (`AssociateImagesInfo`, 11 fields). */
export interface AssociateImagesInfo {
  id: number;
  image_id: string;
  image_name: string;
  image_version: string;
  image_type: ImageType;
  namespace: string;
  image_digest: string;
  scan_status: ScanStatus;
  vul_num: number;
  unsafe_setting_num: number;
  malicious_file_num: number;
}

/**
 * One image record as `ListRegistryImages` returns it (`RegistryImagesInfo`). Optional fields are
 * sent only where they apply: `domain_name`/`shared_status` on shared images, `scan_failed_*` on
 * failed scans, `severity_level` once a scan succeeded, `association_images` on multi-arch images.
 */
export interface RegistryImagesInfo {
  id: number;
  namespace: string;
  image_name: string;
  image_id: string;
  image_digest: string;
  image_version: string;
  image_type: ImageType;
  registry_id: string;
  registry_name: string;
  registry_type: 'SwrPrivate' | 'SwrShared' | 'SwrEnterprise' | 'Harbor' | 'Jfrog' | 'Other';
  latest_version: boolean;
  scan_status: ScanStatus;
  scan_failed_desc?: string;
  scan_failed_code?: ScanFailedCode;
  image_size: number;
  latest_update_time: number;
  latest_scan_time: number;
  latest_sync_time: number;
  vul_num: number;
  unsafe_setting_num: number;
  malicious_file_num: number;
  domain_name?: string;
  shared_status?: 'expired' | 'effective';
  scannable: boolean;
  is_multiple_arch: boolean;
  instance_name: string;
  instance_id: string;
  instance_url: string;
  severity_level?: SeverityLevel;
  association_images?: AssociateImagesInfo[];
}

/**
 * An image of the dataset with what the wire does not show: the enterprise project it belongs to
 * (the `enterprise_project_id` filter selects on it; `RegistryImagesInfo` has no such field).
 */
export interface ImageRecord {
  enterpriseProjectId: string;
  image: RegistryImagesInfo;
}

/** The seed of the default dataset. */
export const DEFAULT_SEED = 1;
/** Images in the default dataset (over every enterprise project). */
export const DEFAULT_SIZE = 500;

/** The default enterprise project (`enterprise_project_id` when the request sends none). */
export const DEFAULT_ENTERPRISE_PROJECT = '0';
/** `enterprise_project_id` that selects every enterprise project. */
export const ALL_ENTERPRISE_PROJECTS = 'all_granted_eps';
/** The enterprise projects images belong to, with how many repositories each holds (weights). */
export const ENTERPRISE_PROJECTS: ReadonlyArray<readonly [id: string, weight: number]> = [
  [DEFAULT_ENTERPRISE_PROJECT, 60],
  ['b9a4c1d2-3e5f-4a6b-8c7d-9e0f1a2b3c4d', 25],
  ['e2f3a4b5-c6d7-4e8f-9a0b-1c2d3e4f5a6b', 15],
];

interface Registry {
  registry_id: string;
  registry_name: string;
  registry_type: RegistryImagesInfo['registry_type'];
  image_type: ImageType;
  instance?: { id: string; name: string; url: string };
  weight: number;
}

/** The repositories HSS synchronises from, one per kind and two of some (fixed; the seed picks the images). */
export const REGISTRIES: readonly Registry[] = [
  {
    registry_id: '5f1c9a7e2b4d4c8e9a0b1c2d3e4f5a60',
    registry_name: 'swr-private',
    registry_type: 'SwrPrivate',
    image_type: 'private_image',
    weight: 30,
  },
  {
    registry_id: '7a2d0b8f3c5e4d9fab1c2d3e4f5a6b71',
    registry_name: 'swr-shared',
    registry_type: 'SwrShared',
    image_type: 'shared_image',
    weight: 10,
  },
  {
    registry_id: '8b3e1c9a4d6f4ea0bc2d3e4f5a6b7c82',
    registry_name: 'swr-ee-prod',
    registry_type: 'SwrEnterprise',
    image_type: 'instance_image',
    instance: {
      id: '3c7e9f1a-2b4d-4e6f-8a0b-c1d2e3f4a5b6',
      name: 'ee-prod',
      url: 'https://ee-prod.swr-ee.ap-southeast-1.myhuaweicloud.com',
    },
    weight: 12,
  },
  {
    registry_id: '9c4f2d0b5e7a4fb1cd3e4f5a6b7c8d93',
    registry_name: 'swr-ee-staging',
    registry_type: 'SwrEnterprise',
    image_type: 'instance_image',
    instance: {
      id: '4d8f0a2b-3c5e-4f7a-9b1c-d2e3f4a5b6c7',
      name: 'ee-staging',
      url: 'https://ee-staging.swr-ee.ap-southeast-1.myhuaweicloud.com',
    },
    weight: 6,
  },
  {
    registry_id: 'ad5a3e1c6f8b40c2de4f5a6b7c8d9ea4',
    registry_name: 'harbor-prod',
    registry_type: 'Harbor',
    image_type: 'harbor',
    weight: 14,
  },
  {
    registry_id: 'be6b4f2d7a9c41d3ef5a6b7c8d9eafb5',
    registry_name: 'harbor-ci',
    registry_type: 'Harbor',
    image_type: 'harbor',
    weight: 8,
  },
  {
    registry_id: 'cf7c5a3e8bad42e4fa6b7c8d9eafb0c6',
    registry_name: 'jfrog-artifactory',
    registry_type: 'Jfrog',
    image_type: 'jfrog',
    weight: 10,
  },
];

const NAMESPACES = ['aaa', 'platform', 'payments', 'data', 'web', 'mobile', 'security', 'ml', 'infra', 'qa'];
const SHARED_NAMESPACES = ['library', 'partner-tools', 'base-images'];
const SHARED_OWNERS = ['scc_cgs_partner', 'devtools_intl', 'acme_shared'];
const IMAGE_NAMES = [
  'centos7',
  'mysql',
  'nginx',
  'redis',
  'node',
  'python',
  'golang',
  'alpine',
  'postgres',
  'busybox',
  'openjdk',
  'ubuntu',
  'prometheus',
  'grafana',
  'kafka',
  'elasticsearch',
  'api-gateway',
  'billing-service',
  'auth-service',
  'order-service',
  'user-service',
  'web-frontend',
  'etl-worker',
  'model-server',
  'cron-runner',
];

/** The end of the dataset's time span: fixed, so the same seed gives the same data on any day. */
export const ANCHOR_MS = Date.parse('2026-04-01T00:00:00.000Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MB = 1024 * 1024;
/** `image_size` upper bound on the page: 2,147,483,547 bytes. */
const MAX_IMAGE_SIZE = 2_147_483_547;

/** `length` lower-case hex digits (a multiple of 8), 32 bits per draw. */
function hex(rng: Random, length: number): string {
  let out = '';
  while (out.length < length)
    out += Math.floor(rng.next() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  return out;
}

/** How a scan of an image ended up (weights over the 7 response statuses). */
const STATUS_WEIGHTS: ReadonlyArray<readonly [ScanStatus, number]> = [
  ['success', 55],
  ['unscan', 12],
  ['waiting_for_scan', 8],
  ['scanning', 6],
  ['failed', 8],
  ['download_failed', 5],
  ['image_oversized', 4],
];

/** Codes a plain `failed` scan carries (the two with a status of their own excluded). */
const FAILED_CODES = (Object.keys(SCAN_FAILED_CODES) as ScanFailedCode[]).filter(
  (c) => c !== 'download_failed' && c !== 'image_over_sized',
);

interface Repository {
  registry: Registry;
  namespace: string;
  name: string;
  enterpriseProjectId: string;
  multiArch: boolean;
  domainName?: string;
}

/** Image tags of a repository, newest first, distinct (`latest`, `1.4.2`, `v1.4.2` or `1.4` styles). */
function tags(rng: Random, count: number): number[] {
  const style = rng.int(0, 3);
  let major = rng.int(1, 9);
  let minor = rng.int(0, 20);
  let patch = rng.int(0, 12);
  // Each tag as a number (`tagKey`): the same tags, told apart without making their text.
  const out = new Set<number>(style === 0 && count > 0 ? [LATEST] : []);
  while (out.size < count) {
    out.add(((style * 512 + major) * 32 + minor) * 16 + (style === 2 ? 0 : patch));
    // Step back one version: patch, else minor, else major (versions only decrease, so all differ).
    if (style !== 2 && patch > 0) patch -= 1;
    else if (minor > 0) {
      minor -= 1;
      patch = rng.int(0, 12);
    } else {
      major += major > 1 ? -1 : 100; // below 1.0.0: jump to 101.x, still distinct
      minor = rng.int(3, 20);
      patch = rng.int(0, 12);
    }
  }
  return [...out];
}

/** The key of the tag `latest`. */
const LATEST = -1;

/** The text of a tag key of `tags`: `latest`, `1.4.2`, `v1.4.2` or `1.4`. */
function tagText(key: number): string {
  if (key === LATEST) return 'latest';
  const patch = key % 16;
  const minor = Math.floor(key / 16) % 32;
  const major = Math.floor(key / 512) % 512;
  const style = Math.floor(key / (512 * 512));
  return style === 1
    ? `v${major}.${minor}.${patch}`
    : style === 2
      ? `${major}.${minor}`
      : `${major}.${minor}.${patch}`;
}

const SIZE_BUCKETS = [
  [[2 * MB, 20 * MB], 3],
  [[20 * MB, 200 * MB], 5],
  [[200 * MB, 1500 * MB], 2],
] as const;

/** Bytes, mostly tens to hundreds of MB; an `image_oversized` image is close to the page's limit. */
function imageSize(rng: Random, oversized: boolean): number {
  if (oversized) return rng.int(1_900_000_000, MAX_IMAGE_SIZE);
  const bucket = rng.weighted(SIZE_BUCKETS);
  return rng.int(bucket[0], bucket[1]);
}

/** Vulnerability, baseline and malicious-file counts that agree with a severity level. */
function riskCounts(rng: Random, level: SeverityLevel) {
  switch (level) {
    case 'Security':
      return { vul_num: 0, unsafe_setting_num: 0, malicious_file_num: 0 };
    case 'Low': {
      const vul = rng.chance(0.3) ? 0 : rng.int(1, 15);
      return {
        vul_num: vul,
        unsafe_setting_num: vul === 0 ? rng.int(1, 3) : rng.int(0, 3),
        malicious_file_num: 0,
      };
    }
    case 'Medium':
      return {
        vul_num: rng.int(5, 80),
        unsafe_setting_num: rng.int(0, 6),
        malicious_file_num: rng.chance(0.1) ? 1 : 0,
      };
    case 'High':
      return {
        vul_num: rng.int(20, 600),
        unsafe_setting_num: rng.int(0, 12),
        malicious_file_num: rng.chance(0.35) ? rng.int(1, 4) : 0,
      };
  }
}

function repository(rng: Random): Repository {
  const registry = rng.weighted(REGISTRY_WEIGHTS);
  const shared = registry.image_type === 'shared_image';
  return {
    registry,
    namespace: rng.pick(shared ? SHARED_NAMESPACES : NAMESPACES),
    name: rng.pick(IMAGE_NAMES),
    enterpriseProjectId: rng.weighted(ENTERPRISE_PROJECTS),
    multiArch: rng.chance(0.15),
    ...(shared ? { domainName: rng.pick(SHARED_OWNERS) } : {}),
  };
}

const REGISTRY_WEIGHTS = REGISTRIES.map((r) => [r, r.weight] as const);
const SEVERITY_WEIGHTS = SEVERITY_LEVELS.map((s) => [s, 1] as const);
const SCANNED: ReadonlySet<ScanStatus> = new Set(['success', 'failed', 'download_failed', 'image_oversized']);
const NO_RISK = { vul_num: 0, unsafe_setting_num: 0, malicious_file_num: 0 };

/** What the filters and orders read of an image: drawn the same way whether the record is made or not. */
interface Drawn {
  status: ScanStatus;
  severity: SeverityLevel | undefined;
  vul: number;
  unsafe: number;
  malicious: number;
  size: number;
  synced: number;
  scanned: number;
}

/**
 * The draws of one version of a repository; `updated` is the tag's last update, `newest` its
 * latest_version. With `make`, returns the record (its `id` numbered later); without, skips the
 * draws of the hex digests (they change nothing a filter reads) and fills `into` only.
 */
function image(
  rng: Random,
  repo: Repository,
  tag: string,
  updated: number,
  newest: boolean,
  make: boolean,
  into: Drawn,
): RegistryImagesInfo | undefined {
  const status = rng.weighted(STATUS_WEIGHTS);
  const synced = Math.min(ANCHOR_MS - rng.int(0, HOUR), updated + rng.int(MINUTE, 2 * DAY));
  const scanned = SCANNED.has(status);
  // Images not scanned yet carry 0; one queued or in progress may keep the time of an older scan.
  const previous = rng.chance(0.5) ? rng.int(updated, synced) : 0;
  const scanTime = scanned
    ? Math.min(ANCHOR_MS, synced + rng.int(MINUTE, 5 * DAY))
    : status === 'unscan'
      ? 0
      : previous;
  const severity = status === 'success' ? rng.weighted(SEVERITY_WEIGHTS) : undefined;
  const counts = severity ? riskCounts(rng, severity) : NO_RISK;
  const failedCode: ScanFailedCode | undefined =
    status === 'failed'
      ? rng.pick(FAILED_CODES)
      : status === 'download_failed'
        ? 'download_failed'
        : status === 'image_oversized'
          ? 'image_over_sized'
          : undefined;
  let digest = '';
  let imageId = '';
  if (make) {
    digest = hex(rng, 64);
    imageId = hex(rng, 64);
  } else rng.advance(HEX64_DRAWS * 2);
  const size = imageSize(rng, status === 'image_oversized');
  const sharedStatus =
    repo.domainName !== undefined ? (rng.chance(0.8) ? 'effective' : 'expired') : undefined;
  into.status = status;
  into.severity = severity;
  into.vul = counts.vul_num;
  into.unsafe = counts.unsafe_setting_num;
  into.malicious = counts.malicious_file_num;
  into.size = size;
  into.synced = synced;
  into.scanned = scanTime;
  if (!make) return undefined;
  const { registry } = repo;
  return {
    id: 0,
    namespace: repo.namespace,
    image_name: repo.name,
    image_id: imageId,
    image_digest: `sha256:${digest}`,
    image_version: tag,
    image_type: registry.image_type,
    registry_id: registry.registry_id,
    registry_name: registry.registry_name,
    registry_type: registry.registry_type,
    latest_version: newest,
    scan_status: status,
    ...(failedCode ? { scan_failed_desc: SCAN_FAILED_CODES[failedCode], scan_failed_code: failedCode } : {}),
    image_size: size,
    latest_update_time: updated,
    latest_scan_time: scanTime,
    latest_sync_time: synced,
    ...counts,
    ...(repo.domainName !== undefined ? { domain_name: repo.domainName, shared_status: sharedStatus } : {}),
    scannable: status !== 'image_oversized',
    is_multiple_arch: repo.multiArch,
    instance_name: registry.instance?.name ?? '',
    instance_id: registry.instance?.id ?? '',
    instance_url: registry.instance?.url ?? '',
    ...(severity ? { severity_level: severity } : {}),
  };
}

/** Draws of `hex(rng, 64)`. */
const HEX64_DRAWS = 8;

/** The per-architecture images of a multi-arch image: 2 or 3, each scanned like the index. */
function associations(rng: Random, info: RegistryImagesInfo): Array<Omit<AssociateImagesInfo, 'id'>> {
  return Array.from({ length: rng.int(2, 3) }, () => {
    const share = (n: number) => (n === 0 ? 0 : rng.int(Math.ceil(n / 2), n));
    return {
      image_id: hex(rng, 64),
      image_name: info.image_name,
      image_version: info.image_version,
      image_type: info.image_type,
      namespace: info.namespace,
      image_digest: `sha256:${hex(rng, 64)}`,
      scan_status: info.scan_status,
      vul_num: share(info.vul_num),
      unsafe_setting_num: share(info.unsafe_setting_num),
      malicious_file_num: share(info.malicious_file_num),
    };
  });
}

/** A repository of the dataset: registry × namespace × image name, with its project and architecture. */
export type ImageRepository = Readonly<Repository>;

/**
 * A dataset of images in `id` order, held compactly: per image what the filters and orders read
 * (the columns below, one row per image, rows in the order the generator drew the images) and the
 * generator's state where its draws start; a record is derived on demand (`at`), the same draws
 * as a generator that made every record in turn, and kept in a bounded cache. A million images
 * take about 80 MB.
 */
export interface ImageDataset {
  readonly seed: number;
  readonly size: number;
  /** The record at `position` (0 has the lowest id); deep-frozen. */
  at(position: number): ImageRecord;
  /** The row of the columns that holds the image at each position. */
  readonly row: Int32Array;
  readonly repositories: readonly ImageRepository[];
  /** Each image's repository: an index into `repositories`. */
  readonly repositoryOf: Int32Array;
  /** Each image's `image_version`: an index into `versions`. */
  readonly versionOf: Int32Array;
  readonly versions: readonly string[];
  readonly id: Float64Array;
  /** 1 where `latest_version`. */
  readonly latest: Int32Array;
  /** Each image's `scan_status`: an index into `SCAN_STATUSES`. */
  readonly status: Int32Array;
  /** Each image's `severity_level`: an index into `SEVERITY_LEVELS`, -1 where it has none. */
  readonly severity: Int32Array;
  readonly vul: Int32Array;
  readonly unsafe: Int32Array;
  readonly malicious: Int32Array;
  readonly imageSize: Float64Array;
  readonly updateTime: Float64Array;
  readonly scanTime: Float64Array;
  readonly syncTime: Float64Array;
}

/** Records a dataset keeps as objects at once (an HSS record is about 1.5 KB). */
const CACHED_RECORDS = 16_384;

/**
 * The mock's dataset: `size` images from `seed`, in `id` order. Deterministic (integer arithmetic
 * over a seeded PRNG only, no clock): the same seed and size give the same images on every machine.
 *
 * Images come in repositories (registry × namespace × image name) of 1 to 6 versions; the newest
 * version of each is `latest_version: true`. A repository belongs to one registry (7 of them: SWR
 * private, SWR shared, two SWR enterprise instances, two Harbor, one JFrog — every `image_type`),
 * one enterprise project (3: the default `0` and two others) and is multi-arch or not. Fields agree:
 * - `scan_status` over all 7 values; `success` → a `severity_level` and counts that agree with it
 *   (`Security` ⇔ no vulnerability, unsafe setting or malicious file); other statuses → counts 0;
 *   `failed`/`download_failed`/`image_oversized` → `scan_failed_code` + `scan_failed_desc`
 *   (`image_oversized` → code `image_over_sized`, a size near the limit, `scannable: false`);
 * - times in ms before 2026-04-01: update ≤ sync ≤ scan; `latest_scan_time` 0 when never scanned;
 * - shared images carry `domain_name`/`shared_status`; enterprise images their instance
 *   (`instance_*` are `''` elsewhere, as in the page's example); multi-arch images 2–3
 *   `association_images`.
 */
export function createImageDataset(options: { seed?: number; size?: number } = {}): ImageDataset {
  const seed = options.seed ?? DEFAULT_SEED;
  const size = Math.max(0, Math.floor(options.size ?? DEFAULT_SIZE));
  const rng = createRandom(seed);
  // Columns in the order the images are drawn (repository by repository); renumbered below.
  const state = new Int32Array(size);
  const repositoryOf = new Int32Array(size);
  const versionOf = new Int32Array(size);
  const latest = new Int32Array(size);
  const status = new Int32Array(size);
  const severity = new Int32Array(size);
  const vul = new Int32Array(size);
  const unsafe = new Int32Array(size);
  const malicious = new Int32Array(size);
  const imageSize = new Float64Array(size);
  const updateTime = new Float64Array(size);
  const scanTime = new Float64Array(size);
  const syncTime = new Float64Array(size);
  const repositories: Repository[] = [];
  const versions: string[] = [];
  // The version code of each tag key (+1, so that `latest`, -1, is 0); -1 until the tag is seen.
  const versionCode = new Int32Array(4 * 512 * 32 * 16 + 1).fill(-1);
  /** `<name>-<k>`, one string for each (name, k). */
  const names = new Map<number, string>();
  const multiArch = new Uint8Array(size);
  const statusCode = new Map(SCAN_STATUSES.map((s, i) => [s, i]));
  const severityCode = new Map(SEVERITY_LEVELS.map((s, i) => [s, i]));
  const drawn = {} as Drawn;
  let n = 0;
  // How many repositories of each registry/namespace/name there are: the second is `name-2`, and so on.
  const seen = new Int32Array(REGISTRIES.length * 16 * 32);
  while (n < size) {
    let repo = repository(rng);
    const nameIndex = IMAGE_NAMES.indexOf(repo.name);
    const namespaces = repo.registry.image_type === 'shared_image' ? SHARED_NAMESPACES : NAMESPACES;
    const key =
      (REGISTRIES.indexOf(repo.registry) * 16 + namespaces.indexOf(repo.namespace)) * 32 + nameIndex;
    const k = ++seen[key]!;
    if (k > 1) {
      let name = names.get(nameIndex * 2 ** 21 + k);
      if (name === undefined) {
        name = `${repo.name}-${k}`;
        names.set(nameIndex * 2 ** 21 + k, name);
      }
      repo = { ...repo, name };
    }
    const r = repositories.push(repo) - 1;
    const count = Math.min(
      size - n,
      rng.weighted([
        [1, 3],
        [2, 3],
        [3, 2],
        [4, 1],
        [6, 1],
      ] as const),
    );
    let updated = ANCHOR_MS - 2 * HOUR - rng.int(0, 60 * DAY);
    tags(rng, count).forEach((tag, i) => {
      let code = versionCode[tag + 1]!;
      if (code < 0) {
        code = versions.push(tagText(tag)) - 1;
        versionCode[tag + 1] = code;
      }
      state[n] = rng.state() | 0;
      image(rng, repo, versions[code]!, updated, i === 0, false, drawn);
      multiArch[n] = repo.multiArch ? 1 : 0;
      repositoryOf[n] = r;
      versionOf[n] = code;
      latest[n] = i === 0 ? 1 : 0;
      status[n] = statusCode.get(drawn.status)!;
      severity[n] = drawn.severity ? severityCode.get(drawn.severity)! : -1;
      vul[n] = drawn.vul;
      unsafe[n] = drawn.unsafe;
      malicious[n] = drawn.malicious;
      imageSize[n] = drawn.size;
      updateTime[n] = updated;
      scanTime[n] = drawn.scanned;
      syncTime[n] = drawn.synced;
      n++;
      updated -= rng.int(DAY, 90 * DAY);
    });
  }
  // Records are numbered in the order HSS first synchronised them, not repository by repository.
  const order = new Int32Array(size);
  for (let i = 0; i < size; i++) order[i] = i;
  for (let i = size - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  // Ids, and the association images of multi-arch ones, in id order.
  const id = new Float64Array(size);
  const associationState = new Int32Array(size);
  const associationBase = new Float64Array(size);
  let next = 10_000;
  let associationId = 900_000;
  for (let p = 0; p < size; p++) {
    const r = order[p]!;
    next += rng.int(1, 7);
    id[r] = next;
    if (multiArch[r] === 0) continue;
    associationState[r] = rng.state() | 0;
    associationBase[r] = associationId;
    const count = rng.int(2, 3);
    const shares = (vul[r]! > 0 ? 1 : 0) + (unsafe[r]! > 0 ? 1 : 0) + (malicious[r]! > 0 ? 1 : 0);
    rng.advance(count * (2 * HEX64_DRAWS + shares));
    for (let a = 0; a < count; a++) associationId += rng.int(1, 3);
  }
  const at = lazyItems(
    size,
    (p): ImageRecord => {
      const r = order[p]!;
      const repo = repositories[repositoryOf[r]!]!;
      const info = image(
        createRandom(state[r]! >>> 0),
        repo,
        versions[versionOf[r]!]!,
        updateTime[r]!,
        latest[r] === 1,
        true,
        drawn,
      )!;
      info.id = id[r]!;
      if (repo.multiArch) {
        const replay = createRandom(associationState[r]! >>> 0);
        let associationNext = associationBase[r]!;
        info.association_images = associations(replay, info).map((a) => {
          associationNext += replay.int(1, 3);
          return { id: associationNext, ...a };
        });
      }
      return { enterpriseProjectId: repo.enterpriseProjectId, image: info };
    },
    CACHED_RECORDS,
  );
  return {
    seed,
    size,
    at,
    row: order,
    repositories,
    versions,
    repositoryOf,
    versionOf,
    id,
    latest,
    status,
    severity,
    vul,
    unsafe,
    malicious,
    imageSize,
    updateTime,
    scanTime,
    syncTime,
  };
}

/** Every record of `createImageDataset(options)` as an array (for a small dataset, or a test). */
export function generateImages(options: { seed?: number; size?: number } = {}): ImageRecord[] {
  const dataset = createImageDataset(options);
  return Array.from({ length: dataset.size }, (_, p) => dataset.at(p));
}
