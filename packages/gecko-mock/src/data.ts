import { createRandom, type Random } from '@scanapis/mock-kit';

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

/** Which repository each scan is of: every repository at least once (when size allows), the rest at random. */
function repositoryOrder(rng: Random, pool: readonly Repository[], size: number): Repository[] {
  const order = Array.from({ length: size }, (_, i) => (i < pool.length ? pool[i]! : rng.pick(pool)));
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Distinct creation instants over the year before the anchor, newest first. */
function instants(rng: Random, size: number): number[] {
  const seen = new Set<number>();
  while (seen.size < size) seen.add(ANCHOR - Math.floor(rng.next() * YEAR_MS));
  return [...seen].sort((a, b) => b - a);
}

/**
 * The status of the scan at `index` (0 is the newest): scans still running or queued are among
 * the newest; older ones have finished one way or another, and a few never got a status.
 */
function statusFor(rng: Random, index: number, size: number): string | null {
  const recent = index < Math.max(4, Math.ceil(size * 0.1));
  return recent
    ? rng.weighted([
        ['running', 4],
        ['queued', 3],
        ['completed', 5],
        ['failed', 1],
      ])
    : rng.weighted<string | null>([
        ['completed', 70],
        ['failed', 10],
        ['cancelled', 8],
        ['running', 2],
        ['queued', 2],
        [null, 5],
      ]);
}

function counts(rng: Random, scale: number): Scan['vulnerabilityCounts'] {
  const sev = (max: number) => Math.round(rng.int(0, max) * scale * (rng.chance(0.25) ? 0 : 1));
  const critical = sev(rng.chance(0.7) ? 2 : 8);
  const high = sev(15);
  const medium = sev(40);
  const low = sev(30);
  return { total: critical + high + medium + low, critical, high, medium, low };
}

/**
 * The mock's dataset: `size` scans from `seed`, newest first (`createdAt` descending, all
 * distinct). Deterministic — the same seed and size give the same scans on every machine — and
 * varied in every field a filter or order touches: statuses (`completed`, `running`, `queued`,
 * `failed`, `cancelled`, a few `null`), a dozen languages (and a few `null`), creation times over
 * a year. Fields are consistent with the status: `completed` → `isDone`, progress 100, `endAt` set;
 * `running`/`queued` → not done, `endAt` null; `failed`/`cancelled` → done part-way;
 * `total` = critical + high + medium + low.
 */
export function generateScans(options: { seed?: number; size?: number } = {}): Scan[] {
  const seed = options.seed ?? DEFAULT_SEED;
  const size = options.size ?? DEFAULT_SIZE;
  const rng = createRandom(seed);
  const pool = repositories(rng, Math.max(1, Math.min(40, Math.ceil(size / 4))));
  const repos = repositoryOrder(rng, pool, size);
  return instants(rng, size).map((created, index): Scan => {
    const repo = repos[index]!;
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
  });
}
