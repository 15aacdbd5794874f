import { type Handler, type MockRequest, pageCache } from '@scanapis/mock-kit';
import {
  ALL_ENTERPRISE_PROJECTS,
  ANCHOR_MS,
  DEFAULT_ENTERPRISE_PROJECT,
  type ImageDataset,
  type ImageRecord,
  type RegistryImagesInfo,
  SCAN_STATUSES,
  type ScanStatus,
  SEVERITY_LEVELS,
  type SeverityLevel,
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
/** Whether the image in a row of the dataset's columns passes a filter. */
type Predicate = (row: number) => boolean;

const TIME_RANGES = [
  ['start_latest_update_time', 'end_latest_update_time', 'updateTime'],
  ['start_latest_scan_time', 'end_latest_scan_time', 'scanTime'],
  ['start_latest_sync_time', 'end_latest_sync_time', 'syncTime'],
] as const;

/** A filter over a dataset: from the parameter's value, the predicate it applies. */
type Filter = (d: ImageDataset, value: unknown) => Predicate;

/** A string filter: the whole value, case-sensitive. */
const exact =
  (read: (d: ImageDataset) => (position: number) => string): Filter =>
  (d, value) => {
    const field = read(d);
    return (p) => field(p) === value;
  };
const ofRepository =
  (read: (r: ImageDataset['repositories'][number]) => string) => (d: ImageDataset) => (p: number) =>
    read(d.repositories[d.repositoryOf[p]!]!);

/** A yes/no filter: `true` keeps the images that have it, `false` those that do not. */
const flag =
  (has: (d: ImageDataset, position: number) => boolean): Filter =>
  (d, value) =>
  (p) =>
    has(d, p) === value;

/** Every filter parameter and what it keeps (the README's table says the same). */
const FILTERS: Record<string, Filter> = {
  namespace: exact(ofRepository((r) => r.namespace)),
  image_name: exact(ofRepository((r) => r.name)),
  image_version: exact((d) => (p) => d.versions[d.versionOf[p]!]!),
  registry_name: exact(ofRepository((r) => r.registry.registry_name)),
  instance_id: exact(ofRepository((r) => r.registry.instance?.id ?? '')),
  instance_name: exact(ofRepository((r) => r.registry.instance?.name ?? '')),
  image_type: exact(ofRepository((r) => r.registry.image_type)),
  severity_level: (d, v) => {
    const code = SEVERITY_LEVELS.indexOf(v as SeverityLevel);
    return (p) => code >= 0 && d.severity[p] === code;
  },
  image_size: (d, v) => (p) => d.imageSize[p] === v,
  scan_status: (d, v) => {
    const codes = new Set((SCAN_STATUS_FILTER[v as string] ?? []).map((s) => SCAN_STATUSES.indexOf(s)));
    return (p) => codes.has(d.status[p]!);
  },
  has_malicious_file: flag((d, p) => d.malicious[p]! > 0),
  has_unsafe_setting: flag((d, p) => d.unsafe[p]! > 0),
  has_vul: flag((d, p) => d.vul[p]! > 0),
  risky: flag((d, p) => d.vul[p]! > 0 || d.unsafe[p]! > 0 || d.malicious[p]! > 0),
  is_multarch: flag((d, p) => d.repositories[d.repositoryOf[p]!]!.multiArch),
  // "Display latest image versions only": true keeps the latest versions, false is no filter.
  latest_version: (d, v) => (p) => v !== true || d.latest[p] === 1,
};

/**
 * The predicates a request's parameters make over `dataset` (empty `instance_id`/`instance_name`
 * filter nothing), and a key that is the same for every request that selects the same images.
 */
export function filtersOf(
  dataset: ImageDataset,
  params: Params,
  now: number,
): { predicates: Predicate[]; key: string } {
  return selectionOf(dataset, params, now, true);
}

const FILTER_ENTRIES = Object.entries(FILTERS);

/** `filtersOf`; without `withPredicates`, the key alone (the predicates list is left empty). */
function selectionOf(
  dataset: ImageDataset,
  params: Params,
  now: number,
  withPredicates: boolean,
): { predicates: Predicate[]; key: string } {
  const predicates: Predicate[] = [];
  const key: unknown[] = [];
  let big = false;
  const ep = (params.enterprise_project_id as string | undefined) ?? DEFAULT_ENTERPRISE_PROJECT;
  if (ep !== ALL_ENTERPRISE_PROJECTS) {
    if (withPredicates)
      predicates.push((p) => dataset.repositories[dataset.repositoryOf[p]!]!.enterpriseProjectId === ep);
    key.push('ep', ep);
  }
  for (const [name, make] of FILTER_ENTRIES) {
    const value = params[name];
    if (value === undefined || value === '') continue;
    if (withPredicates) predicates.push(make(dataset, value));
    key.push(name, value);
    big ||= typeof value === 'bigint';
  }
  for (const [startName, endName, field] of TIME_RANGES) {
    const start = params[startName] as number | bigint | undefined;
    const end = params[endName] as number | bigint | undefined;
    if (start === undefined && end === undefined) continue;
    // The page: a missing end is now, a missing start is 0; both ends are included.
    const from = start ?? 0;
    const to = end ?? now;
    const column = dataset[field];
    if (withPredicates) predicates.push((p) => column[p]! >= from && column[p]! <= to);
    // Every time of the dataset is at most ANCHOR_MS: any later end selects the same images.
    key.push(field, from, to >= ANCHOR_MS ? 'end' : to);
    big ||= typeof from === 'bigint' || typeof to === 'bigint';
  }
  // int64 bounds past 2^53 arrive as BigInt: written as their exact digits.
  return {
    predicates,
    key: big
      ? JSON.stringify(key, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))
      : JSON.stringify(key),
  };
}

/**
 * Positions in `latest_scan_time` order, ties by `id` ascending in both directions (positions are
 * in id order): a sort of one number per image, the time's rank among the distinct times × 2^20 +
 * the position, exact in a double for up to 2^20 images; larger datasets sort with a comparator.
 */
function byScanTime(dataset: ImageDataset, dir: 'asc' | 'desc'): Int32Array {
  const { size, row } = dataset;
  const scanTime = new Float64Array(size);
  for (let p = 0; p < size; p++) scanTime[p] = dataset.scanTime[row[p]!]!;
  const out = new Int32Array(size);
  for (let p = 0; p < size; p++) out[p] = p;
  const sign = dir === 'desc' ? -1 : 1;
  if (size > 2 ** 20) return out.sort((a, b) => sign * (scanTime[a]! - scanTime[b]!) || a - b);
  const times = Float64Array.from(scanTime).sort();
  let distinct = 0;
  for (let i = 0; i < times.length; i++)
    if (i === 0 || times[i] !== times[distinct - 1]) times[distinct++] = times[i]!;
  const rankOf = (t: number) => {
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return dir === 'desc' ? distinct - 1 - lo : lo;
  };
  const keys = new Float64Array(size);
  for (let p = 0; p < size; p++) keys[p] = rankOf(scanTime[p]!) * 2 ** 20 + p;
  keys.sort();
  for (let i = 0; i < size; i++) out[i] = keys[i]! % 2 ** 20;
  return out;
}

export interface ListImagesOptions {
  /** The project that holds `records`; any other project has no images. */
  projectId: string;
  /** The clock a missing `end_*` time stands for (default `Date.now`). */
  now?: () => number;
}

/** Selections a handler keeps (least recently used dropped first), and the positions they may hold in all. */
const KEPT_SELECTIONS = 64;
const KEPT_POSITIONS = 16_000_000;

/**
 * `GET /v5/{project_id}/image/registries/images` over a dataset (in `id` order):
 * - `project_id`: the dataset's project; any other is a project without images (`total_num: 0`);
 * - every filter of `filtersOf`, all applied together (AND);
 * - order: `id` ascending without `sort_key`; `sort_key=latest_scan_time` with `sort_dir`
 *   (default `asc`), ties by `id` ascending; `sort_dir` alone changes nothing;
 * - `offset` (default 0) / `limit` (default 10) page; `total_num` counts every matching image; an
 *   offset past the end gives an empty `data_list` and the same `total_num`.
 *
 * A page costs the same at any depth of any dataset: the positions a selection (filters and order)
 * picks are listed on its first request and kept for the pages that follow; the two scan-time
 * orders are sorted once, on first use.
 */
export function listImagesHandler(
  records: ImageDataset | readonly ImageRecord[],
  options: ListImagesOptions,
): Handler {
  const given = !('at' in records && !Array.isArray(records));
  const dataset = given ? datasetOf(records as ImageRecord[]) : (records as ImageDataset);
  const now = options.now ?? Date.now;
  const orders = new Map<string, Int32Array>();
  const orderOf = (dir: 'asc' | 'desc') => {
    let order = orders.get(dir);
    if (!order) {
      order = byScanTime(dataset, dir);
      orders.set(dir, order);
    }
    return order;
  };
  const kept = new Map<string, Int32Array>();
  let keptPositions = 0;
  /** The positions a request selects, in its order (undefined: every position in id order), and a key naming them. */
  const select = (params: Params): { list: Int32Array | undefined; id: string } => {
    const at = now();
    const { key } = selectionOf(dataset, params, at, false);
    const dir =
      params.sort_key === 'latest_scan_time'
        ? ((params.sort_dir as 'asc' | 'desc' | undefined) ?? 'asc')
        : undefined;
    const id = `${dir ?? 'id'} ${key}`;
    // No filter: an empty key (the predicates come with their key's entries).
    if (key === '[]') return { list: dir ? orderOf(dir) : undefined, id };
    const hit = kept.get(id);
    if (hit) {
      kept.delete(id);
      kept.set(id, hit);
      return { list: hit, id };
    }
    const { predicates } = selectionOf(dataset, params, at, true);
    const order = dir ? orderOf(dir) : undefined;
    const picked = new Int32Array(dataset.size);
    let n = 0;
    for (let i = 0; i < dataset.size; i++) {
      const p = order ? order[i]! : i;
      const row = dataset.row[p]!;
      let keep = true;
      for (const predicate of predicates) {
        if (!predicate(row)) {
          keep = false;
          break;
        }
      }
      if (keep) picked[n++] = p;
    }
    const list = picked.slice(0, n);
    kept.set(id, list);
    keptPositions += n;
    for (const [oldest, dropped] of kept) {
      if (kept.size <= KEPT_SELECTIONS && keptPositions <= KEPT_POSITIONS) break;
      if (oldest === id) break;
      kept.delete(oldest);
      keptPositions -= dropped.length;
    }
    return { list, id };
  };
  // The same page asked again is the same frozen body: encoded and checked once. Records given
  // as an array are the caller's (not frozen, may change): their pages are made afresh.
  type Page = { total_num: number; data_list: RegistryImagesInfo[] };
  const pages = given ? (_: string, make: () => Page) => make() : pageCache<Page>();
  return (req: MockRequest) => {
    const params = req.params;
    const limit = (params.limit as number | undefined) ?? DEFAULT_LIMIT;
    const offset = (params.offset as number | undefined) ?? 0;
    if (params.project_id !== options.projectId) {
      return { status: 200, body: { total_num: 0, data_list: [] } };
    }
    const { list, id } = select(params);
    const body = pages(`${offset} ${limit} ${id}`, () => {
      const total = list ? list.length : dataset.size;
      const data: RegistryImagesInfo[] = [];
      for (let k = offset, end = Math.min(total, offset + limit); k < end; k++)
        data.push(dataset.at(list ? list[k]! : k).image);
      return { total_num: total, data_list: data };
    });
    return { status: 200, body };
  };
}

/** A dataset view over records held as an array, in `id` order (what `listImagesHandler` was first given). */
function datasetOf(records: readonly ImageRecord[]): ImageDataset {
  const versions = [...new Set(records.map((r) => r.image.image_version))];
  const column = <A extends { [i: number]: number }>(
    make: (n: number) => A,
    read: (i: RegistryImagesInfo) => number,
  ): A => {
    const out = make(records.length);
    records.forEach((r, p) => {
      out[p] = read(r.image);
    });
    return out;
  };
  return {
    seed: Number.NaN,
    size: records.length,
    at: (p) => records[p]!,
    // One repository per record: what the filters read of it.
    repositories: records.map(({ image: i, enterpriseProjectId }) => ({
      registry: {
        registry_id: i.registry_id,
        registry_name: i.registry_name,
        registry_type: i.registry_type,
        image_type: i.image_type,
        instance: { id: i.instance_id, name: i.instance_name, url: i.instance_url },
        weight: 0,
      },
      namespace: i.namespace,
      name: i.image_name,
      enterpriseProjectId,
      multiArch: i.is_multiple_arch,
    })),
    row: Int32Array.from(records, (_, p) => p),
    repositoryOf: Int32Array.from(records, (_, p) => p),
    versionOf: column(
      (n) => new Int32Array(n),
      (i) => versions.indexOf(i.image_version),
    ),
    versions,
    id: column(
      (n) => new Float64Array(n),
      (i) => i.id,
    ),
    latest: column(
      (n) => new Int32Array(n),
      (i) => (i.latest_version ? 1 : 0),
    ),
    status: column(
      (n) => new Int32Array(n),
      (i) => SCAN_STATUSES.indexOf(i.scan_status),
    ),
    severity: column(
      (n) => new Int32Array(n),
      (i) => (i.severity_level ? SEVERITY_LEVELS.indexOf(i.severity_level) : -1),
    ),
    vul: column(
      (n) => new Int32Array(n),
      (i) => i.vul_num,
    ),
    unsafe: column(
      (n) => new Int32Array(n),
      (i) => i.unsafe_setting_num,
    ),
    malicious: column(
      (n) => new Int32Array(n),
      (i) => i.malicious_file_num,
    ),
    imageSize: column(
      (n) => new Float64Array(n),
      (i) => i.image_size,
    ),
    updateTime: column(
      (n) => new Float64Array(n),
      (i) => i.latest_update_time,
    ),
    scanTime: column(
      (n) => new Float64Array(n),
      (i) => i.latest_scan_time,
    ),
    syncTime: column(
      (n) => new Float64Array(n),
      (i) => i.latest_sync_time,
    ),
  };
}
