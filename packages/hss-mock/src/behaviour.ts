import type { Handler, MockRequest } from '@scanapis/mock-kit';
import {
  ALL_ENTERPRISE_PROJECTS,
  DEFAULT_ENTERPRISE_PROJECT,
  type ImageRecord,
  type RegistryImagesInfo,
  type ScanStatus,
} from './data.js';

/** `limit` when the request sends none (the page's default). */
export const DEFAULT_LIMIT = 10;

/**
 * What each value of the `scan_status` filter selects among the 7 statuses a response carries.
 * The filter has no `download_failed` or `image_oversized`: both are failed scans (each carries a
 * `scan_failed_code`), so `failed` selects them too. The other four select themselves.
 */
export const SCAN_STATUS_FILTER: Readonly<Record<string, readonly ScanStatus[]>> = {
  unscan: ['unscan'],
  success: ['success'],
  scanning: ['scanning'],
  failed: ['failed', 'download_failed', 'image_oversized'],
  waiting_for_scan: ['waiting_for_scan'],
};

/** Whether an image has any security risk: a vulnerability, an unsafe setting or a malicious file. */
export const isRisky = (i: RegistryImagesInfo): boolean =>
  i.vul_num > 0 || i.unsafe_setting_num > 0 || i.malicious_file_num > 0;

type Params = Record<string, unknown>;
type Predicate = (record: ImageRecord) => boolean;

const TIME_RANGES = [
  ['start_latest_update_time', 'end_latest_update_time', 'latest_update_time'],
  ['start_latest_scan_time', 'end_latest_scan_time', 'latest_scan_time'],
  ['start_latest_sync_time', 'end_latest_sync_time', 'latest_sync_time'],
] as const;

/** A string filter: the whole value, case-sensitive. */
const exact =
  (field: 'namespace' | 'image_name' | 'image_version' | 'registry_name' | 'instance_id' | 'instance_name') =>
  (value: unknown): Predicate =>
  (r) =>
    r.image[field] === value;

/** A yes/no filter: `true` keeps the images that have it, `false` those that do not. */
const flag =
  (has: (i: RegistryImagesInfo) => boolean) =>
  (value: unknown): Predicate =>
  (r) =>
    has(r.image) === value;

/** Every filter parameter and what it keeps (the README's table says the same). */
const FILTERS: Record<string, (value: unknown) => Predicate> = {
  namespace: exact('namespace'),
  image_name: exact('image_name'),
  image_version: exact('image_version'),
  registry_name: exact('registry_name'),
  instance_id: exact('instance_id'),
  instance_name: exact('instance_name'),
  image_type: (v) => (r) => r.image.image_type === v,
  severity_level: (v) => (r) => r.image.severity_level === v,
  image_size: (v) => (r) => r.image.image_size === v,
  scan_status: (v) => {
    const statuses = SCAN_STATUS_FILTER[v as string] ?? [];
    return (r) => statuses.includes(r.image.scan_status);
  },
  has_malicious_file: flag((i) => i.malicious_file_num > 0),
  has_unsafe_setting: flag((i) => i.unsafe_setting_num > 0),
  has_vul: flag((i) => i.vul_num > 0),
  risky: flag(isRisky),
  is_multarch: flag((i) => i.is_multiple_arch),
  // "Display latest image versions only": true keeps the latest versions, false is no filter.
  latest_version: (v) => (r) => v !== true || r.image.latest_version,
};

/** The predicates a request's parameters make (empty `instance_id`/`instance_name` filter nothing). */
export function filtersOf(params: Params, now: number): Predicate[] {
  const out: Predicate[] = [];
  const ep = (params.enterprise_project_id as string | undefined) ?? DEFAULT_ENTERPRISE_PROJECT;
  if (ep !== ALL_ENTERPRISE_PROJECTS) out.push((r) => r.enterpriseProjectId === ep);
  for (const [name, make] of Object.entries(FILTERS)) {
    const value = params[name];
    if (value === undefined || value === '') continue;
    out.push(make(value));
  }
  for (const [startName, endName, field] of TIME_RANGES) {
    const start = params[startName] as number | bigint | undefined;
    const end = params[endName] as number | bigint | undefined;
    if (start === undefined && end === undefined) continue;
    // The page: a missing end is now, a missing start is 0; both ends are included.
    const from = start ?? 0;
    const to = end ?? now;
    out.push((r) => r.image[field] >= from && r.image[field] <= to);
  }
  return out;
}

/** `latest_scan_time` order, ties by `id` ascending in both directions. */
function byScanTime(dir: 'asc' | 'desc') {
  const sign = dir === 'desc' ? -1 : 1;
  return (a: ImageRecord, b: ImageRecord) =>
    sign * (a.image.latest_scan_time - b.image.latest_scan_time) || a.image.id - b.image.id;
}

export interface ListImagesOptions {
  /** The project that holds `records`; any other project has no images. */
  projectId: string;
  /** The clock a missing `end_*` time stands for (default `Date.now`). */
  now?: () => number;
}

/**
 * `GET /v5/{project_id}/image/registries/images` over a dataset (`records` in `id` order):
 * - `project_id`: the dataset's project; any other is a project without images (`total_num: 0`);
 * - every filter of `filtersOf`, all applied together (AND);
 * - order: `id` ascending without `sort_key`; `sort_key=latest_scan_time` with `sort_dir`
 *   (default `asc`), ties by `id` ascending; `sort_dir` alone changes nothing;
 * - `offset` (default 0) / `limit` (default 10) page; `total_num` counts every matching image; an
 *   offset past the end gives an empty `data_list` and the same `total_num`.
 */
export function listImagesHandler(records: readonly ImageRecord[], options: ListImagesOptions): Handler {
  const now = options.now ?? Date.now;
  return (req: MockRequest) => {
    const params = req.params;
    const limit = (params.limit as number | undefined) ?? DEFAULT_LIMIT;
    const offset = (params.offset as number | undefined) ?? 0;
    if (params.project_id !== options.projectId) {
      return { status: 200, body: { total_num: 0, data_list: [] } };
    }
    const predicates = filtersOf(params, now());
    let matching =
      predicates.length === 0 ? records : records.filter((r) => predicates.every((keep) => keep(r)));
    if (params.sort_key === 'latest_scan_time') {
      matching = [...matching].sort(byScanTime((params.sort_dir as 'asc' | 'desc' | undefined) ?? 'asc'));
    }
    return {
      status: 200,
      body: {
        total_num: matching.length,
        data_list: matching.slice(offset, offset + limit).map((r) => r.image),
      },
    };
  };
}
