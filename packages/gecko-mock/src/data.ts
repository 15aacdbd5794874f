import { createRandom, lazyItems, type Random } from '@scanapis/mock-kit';

/** One scan as `GET /api/v1/scans` lists it (the spec's `ScanSummary`). */
export interface Scan {
  id: string;
  name: string;
  status: string | null;
  isDone: boolean;
  createdAt: string;
  endAt: string | null;
  programmingLanguage: string | null;
  progress: number | null;
  vulnerabilityCounts: { total: number; critical: number; high: number; medium: number; low: number };
}

/** The seed of the default dataset. */
export const DEFAULT_SEED = 1;
/** Scans in the default dataset: 123, the total of the seed page's example. */
export const DEFAULT_SIZE = 123;

/** Every status the generator uses; `null` is Gecko's "no status set yet". */
export const SCAN_STATUSES = ['completed', 'running', 'queued', 'failed', 'cancelled'] as const;

/** Languages as Gecko names them, with how often a repository is written in each. */
const LANGUAGES: ReadonlyArray<readonly [name: string | null, weight: number]> = [
  ['TypeScript', 14],
  ['JavaScript', 10],
  ['Python', 12],
  ['Go', 8],
  ['Java', 7],
  ['Ruby', 4],
  ['PHP', 4],
  ['C#', 4],
  ['Kotlin', 3],
  ['Rust', 3],
  ['Swift', 2],
  ['Scala', 1],
  [null, 2],
];

const ORGS = ['acme', 'globex', 'initech', 'umbrella', 'hooli', 'stark-labs', 'wayne-ent'];
const REPOS = [
  'web-api',
  'billing-service',
  'mobile-app',
  'auth-gateway',
  'data-pipeline',
  'admin-portal',
  'payments',
  'search',
  'notifications',
  'infra-terraform',
  'checkout',
  'user-service',
  'analytics',
  'docs-site',
  'inventory',
  'ml-models',
];
const BRANCHES: ReadonlyArray<readonly [string, number]> = [
  ['main', 12],
  ['develop', 3],
  ['master', 2],
  ['release/2025.04', 1],
  ['feature/sso', 1],
  ['fix/csrf-token', 1],
];

/** The end of the dataset's year: fixed, so the same seed gives the same data on any day. */
const ANCHOR = Date.parse('2025-06-30T12:00:00.000Z');
const YEAR_MS = 365 * 24 * 3600 * 1000;
const MINUTE = 60_000;

interface Repository {
  name: string;
  language: string | null;
}

/**
 * A pool of repositories, one main language each. The first repositories take every language in
 * turn (`null` included), so a pool of 13 or more covers them all; the rest are drawn by weight.
 */
function repositories(rng: Random, count: number): Repository[] {
  const seen = new Set<string>();
  const out: Repository[] = [];
  while (out.length < count) {
    const name = `${rng.pick(ORGS)}/${rng.pick(REPOS)}`;
    if (seen.has(name)) continue;
    seen.add(name);
    const language = out.length < LANGUAGES.length ? LANGUAGES[out.length]![0] : rng.weighted(LANGUAGES);
    out.push({ name, language });
  }
  return out;
}

/**
 * Which repository each scan is of (an index into `pool`): every repository at least once (when
 * size allows), the rest at random, shuffled.
 */
function repositoryOrder(rng: Random, pool: readonly Repository[], size: number): Uint8Array {
  const order = new Uint8Array(size);
  for (let i = 0; i < size; i++) order[i] = i < pool.length ? i : Math.floor(rng.next() * pool.length);
  for (let i = size - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

/** The distinct values of `values` (sorted in place first), ascending. */
function sortedDistinct(values: Float64Array): Float64Array {
  values.sort();
  let n = 0;
  for (let i = 0; i < values.length; i++)
    if (i === 0 || values[i] !== values[n - 1]) values[n++] = values[i]!;
  return values.subarray(0, n);
}

/**
 * Distinct creation instants over the year before the anchor, newest first: instants are drawn
 * until `size` of them differ (a draw equal to an earlier one is dropped). Drawn in rounds of as
 * many as are still missing, which makes the same draws as drawing one by one into a set.
 */
function instants(rng: Random, size: number): Float64Array {
  let distinct: Float64Array = new Float64Array(0);
  while (distinct.length < size) {
    const round = new Float64Array(size);
    round.set(distinct);
    for (let i = distinct.length; i < size; i++) round[i] = ANCHOR - Math.floor(rng.next() * YEAR_MS);
    distinct = sortedDistinct(round);
  }
  return distinct.reverse();
}

/**
 * The status of the scan at `index` (0 is the newest): scans still running or queued are among
 * the newest; older ones have finished one way or another, and a few never got a status.
 */
function statusFor(rng: Random, index: number, size: number): string | null {
  const recent = index < Math.max(4, Math.ceil(size * 0.1));
  return recent ? rng.weighted(RECENT_STATUSES) : rng.weighted<string | null>(OLDER_STATUSES);
}

const RECENT_STATUSES: ReadonlyArray<readonly [string, number]> = [
  ['running', 4],
  ['queued', 3],
  ['completed', 5],
  ['failed', 1],
];
const OLDER_STATUSES: ReadonlyArray<readonly [string | null, number]> = [
  ['completed', 70],
  ['failed', 10],
  ['cancelled', 8],
  ['running', 2],
  ['queued', 2],
  [null, 5],
];

/** Draws `counts` makes (one `chance` picks the critical range, then an int and a chance per severity). */
const COUNT_DRAWS = 9;
/** Draws after the status that every scan makes: the uuid (33), the branch (1), the duration (2). */
const COMMON_DRAWS = 36;

/** How many draws a scan of `status` makes after its status (what `scanAt` draws). */
function drawsAfterStatus(status: string | null): number {
  switch (status) {
    case 'completed':
      return COMMON_DRAWS + COUNT_DRAWS;
    case 'running':
    case 'failed':
    case 'cancelled':
      return COMMON_DRAWS + 1 + COUNT_DRAWS;
    default:
      return COMMON_DRAWS;
  }
}

function counts(rng: Random, scale: number): Scan['vulnerabilityCounts'] {
  const sev = (max: number) => Math.round(rng.int(0, max) * scale * (rng.chance(0.25) ? 0 : 1));
  const critical = sev(rng.chance(0.7) ? 2 : 8);
  const high = sev(15);
  const medium = sev(40);
  const low = sev(30);
  return { total: critical + high + medium + low, critical, high, medium, low };
}

/** The scan whose draws start at `rng` (its status draw first). */
function scanAt(rng: Random, index: number, size: number, repo: Repository, created: number): Scan {
  const status = statusFor(rng, index, size);
  const id = rng.uuid();
  const name = `${repo.name}@${rng.weighted(BRANCHES)}`;
  const createdAt = new Date(created).toISOString();
  const programmingLanguage = repo.language;
  const duration = rng.int(2, 95) * MINUTE + rng.int(0, 59_999);
  const at = (ms: number) => new Date(ms).toISOString();
  const scan = (
    isDone: boolean,
    endAt: string | null,
    progress: number | null,
    vulnerabilityCounts: Scan['vulnerabilityCounts'],
  ): Scan => ({
    id,
    name,
    status,
    isDone,
    createdAt,
    endAt,
    programmingLanguage,
    progress,
    vulnerabilityCounts,
  });
  switch (status) {
    case 'completed':
      return scan(true, at(created + duration), 100, counts(rng, 1));
    case 'running': {
      const progress = rng.int(0, 99);
      return scan(false, null, progress, counts(rng, progress / 100));
    }
    case 'failed':
    case 'cancelled': {
      // Ended part-way: done, with what was found up to then.
      const progress = rng.int(0, 99);
      return scan(
        true,
        at(created + Math.round((duration * progress) / 100) + MINUTE),
        progress,
        counts(rng, progress / 100),
      );
    }
    default:
      // `queued`, or no status yet: nothing has run.
      return scan(false, null, status === null ? null : 0, {
        total: 0,
        critical: 0,
        high: 0,
        medium: 0,
        low: 0,
      });
  }
}

/** Every status code a dataset stores: `SCAN_STATUSES` in order, then `null`. */
const STATUS_CODES: ReadonlyArray<string | null> = [...SCAN_STATUSES, null];
/** Every language code a dataset stores: the languages in `LANGUAGES` order (`null` included). */
const LANGUAGE_CODES: ReadonlyArray<string | null> = LANGUAGES.map(([name]) => name);

/**
 * A dataset of scans, newest first, held compactly: per scan its creation instant, status,
 * language and the generator's state where its draws start — a scan object is derived on demand
 * from those (`at`), the same draws as a generator that made every scan in turn, and kept in a
 * bounded cache (every scan of a dataset up to 65,536; recently used ones beyond).
 */
export interface ScanDataset {
  readonly seed: number;
  readonly size: number;
  /** The scan at `index` (0 is the newest); frozen, and the same object while it stays cached. */
  at(index: number): Scan;
  /** The code of each scan's `status`: an index into `statusCodes`. */
  readonly statusOf: Uint8Array;
  /** The code of each scan's `programmingLanguage`: an index into `languageCodes`. */
  readonly languageOf: Uint8Array;
  readonly statusCodes: ReadonlyArray<string | null>;
  readonly languageCodes: ReadonlyArray<string | null>;
}

/**
 * The mock's dataset: `size` scans from `seed`, newest first (`createdAt` descending, all
 * distinct). Deterministic — the same seed and size give the same scans on every machine — and
 * varied in every field a filter or order touches: statuses (`completed`, `running`, `queued`,
 * `failed`, `cancelled`, a few `null`), a dozen languages (and a few `null`), creation times over
 * a year. Fields are consistent with the status: `completed` → `isDone`, progress 100, `endAt` set;
 * `running`/`queued` → not done, `endAt` null; `failed`/`cancelled` → done part-way;
 * `total` = critical + high + medium + low. A million scans take about 30 MB.
 */
export function createScanDataset(options: { seed?: number; size?: number } = {}): ScanDataset {
  const seed = options.seed ?? DEFAULT_SEED;
  const size = options.size ?? DEFAULT_SIZE;
  const rng = createRandom(seed);
  const pool = repositories(rng, Math.max(1, Math.min(40, Math.ceil(size / 4))));
  const repos = repositoryOrder(rng, pool, size);
  const created = instants(rng, size);
  const states = new Uint32Array(size);
  const statusOf = new Uint8Array(size);
  const languageOf = new Uint8Array(size);
  const languageCode = new Map(LANGUAGE_CODES.map((name, code) => [name, code]));
  for (let i = 0; i < size; i++) {
    states[i] = rng.state();
    const status = statusFor(rng, i, size);
    statusOf[i] = STATUS_CODES.indexOf(status);
    languageOf[i] = languageCode.get(pool[repos[i]!]!.language)!;
    rng.advance(drawsAfterStatus(status));
  }
  const at = lazyItems(size, (index) =>
    scanAt(createRandom(states[index]!), index, size, pool[repos[index]!]!, created[index]!),
  );
  return {
    seed,
    size,
    statusOf,
    languageOf,
    statusCodes: STATUS_CODES,
    languageCodes: LANGUAGE_CODES,
    at,
  };
}

/** Every scan of `createScanDataset(options)` as an array (for a small dataset, or a test). */
export function generateScans(options: { seed?: number; size?: number } = {}): Scan[] {
  const dataset = createScanDataset(options);
  return Array.from({ length: dataset.size }, (_, i) => dataset.at(i));
}
