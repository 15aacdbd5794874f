import { createRandom, lazyItems, type Random } from '@scanapis/mock-kit';

/** The seed `pnpm start` and `startMock()` use when none is given. */
export const DEFAULT_SEED = 1;
/** How many images the dataset holds when no `size` is given. */
export const DEFAULT_SIZE = 300;

/** `ScanResult.status` values, in the vendor enum's numeric order (the order `orderBy=status` uses). */
export const SCAN_STATUSES = ['STATUS_UNSPECIFIED', 'RUNNING', 'READY', 'ERROR'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

/** A Blob as the API sends it (proto3 JSON: `size` is an int64 string). */
export interface BlobJson {
  id: string;
  digest: string;
  size: string;
}

/** An Image as the API sends it; fields holding their default are absent, as in proto3 JSON. */
export interface ImageJson {
  id: string;
  name: string;
  digest: string;
  compressedSize?: string;
  config?: BlobJson;
  layers?: BlobJson[];
  tags?: string[];
  createdAt?: string;
}

export interface VulnerabilityStatsJson {
  critical?: string;
  high?: string;
  medium?: string;
  low?: string;
  negligible?: string;
  undefined?: string;
}

/** A ScanResult as the API sends it: `RUNNING` scans have no `scannedAt` nor `vulnerabilities`. */
export interface ScanJson {
  id: string;
  imageId: string;
  scannedAt?: string;
  status?: ScanStatus;
  vulnerabilities?: VulnerabilityStatsJson;
}

export interface Folder {
  id: string;
}

export interface Registry {
  id: string;
  folderId: string;
}

export interface Repository {
  id: string;
  /** `<registry id>/<path>`; every image of the repository carries it as its `name`. */
  name: string;
  registryId: string;
  folderId: string;
}

/** An image with where it lives; `json` is exactly what `Image.list` sends. */
export interface StoredImage {
  json: ImageJson;
  repositoryId: string;
  registryId: string;
  folderId: string;
  /** `createdAt` as a string that sorts in time order (fractions padded to 9 digits). */
  createdKey: string;
}

/** A scan with the repository of its image; `json` is exactly what `Scanner.list` sends. */
export interface StoredScan {
  json: ScanJson;
  repositoryId: string;
}

/**
 * A generated dataset. `images` and `scans` are derived on first read (every item, in order);
 * the mock itself reads single items through {@link imageAt} and {@link scanAt} and the columns
 * of {@link columnsOf}, so a dataset of a million images never holds them all as objects.
 */
export interface RegistryDataset {
  seed: number;
  size: number;
  folders: Folder[];
  registries: Registry[];
  repositories: Repository[];
  readonly images: StoredImage[];
  readonly scans: StoredScan[];
}

export interface GenerateOptions {
  /** Same seed, same data on every machine (default {@link DEFAULT_SEED}). */
  seed?: number;
  /** Number of images (default {@link DEFAULT_SIZE}); scans, repositories and registries scale with it. */
  size?: number;
}

/**
 * The spec's example resources: the folder, registry, repositories, the two images of the
 * `Image.list` example and the four scans of the `Scanner.list` examples, byte for byte. Every
 * dataset starts with them (the images when `size` allows), so the spec's example requests and
 * the contract suite's baseline requests name things that exist.
 */
export const SPEC_EXAMPLES: {
  folderId: string;
  registryId: string;
  repository: { id: string; name: string };
  webAppRepositoryName: string;
  images: readonly ImageJson[];
  scans: readonly ScanJson[];
} = {
  folderId: 'b1g88tflru0ek1omtsu0',
  registryId: 'crpc9qeoft236r8tpvt7',
  repository: { id: 'crp2ln7vk3oh5qiu9s1e', name: 'crpc9qeoft236r8tpvt7/ubuntu' },
  webAppRepositoryName: 'crpc9qeoft236r8tpvt7/team/web-app',
  images: [
    {
      id: 'crpbbr7fclo5hrasp6nh',
      name: 'crpc9qeoft236r8tpvt7/ubuntu',
      digest: 'sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb',
      compressedSize: '29754290',
      config: {
        id: 'crp5ak0c8vq3i2lm1tde',
        digest: 'sha256:3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d',
        size: '2298',
      },
      layers: [
        {
          id: 'crp1hl7e4gm0o3jfs9qa',
          digest: 'sha256:2e7d2c03a9507ae265ecf5b5356885a53393a2029d241394997265a1a25aefc6',
          size: '29753810',
        },
      ],
      tags: ['22.04', 'latest'],
      createdAt: '2024-11-25T14:16:20.117346825Z',
    },
    {
      id: 'crpm0f4ls1t6u8bdq2nc',
      name: 'crpc9qeoft236r8tpvt7/team/web-app',
      digest: 'sha256:18ac3e7343f016890c510e93f935261169d9e3f565436429830faf0934f4f8e4',
      compressedSize: '58213473',
      config: {
        id: 'crpr9e2ci5ob7gk4vt1m',
        digest: 'sha256:3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea',
        size: '7021',
      },
      layers: [
        {
          id: 'crp1hl7e4gm0o3jfs9qa',
          digest: 'sha256:2e7d2c03a9507ae265ecf5b5356885a53393a2029d241394997265a1a25aefc6',
          size: '29753810',
        },
        {
          id: 'crpd6a3nq8j0s5ku7e2b',
          digest: 'sha256:252f10c83610ebca1a059c0bae8255eba2f95be4d1d7bcfa89d7248a82d9f111',
          size: '28459183',
        },
      ],
      createdAt: '2024-11-20T08:02:45Z',
    },
  ],
  scans: [
    {
      id: 'crp3b6o0h1ssa2lcbu5g',
      imageId: 'crpbbr7fclo5hrasp6nh',
      scannedAt: '2024-11-26T09:41:07.482913650Z',
      status: 'READY',
      vulnerabilities: {
        critical: '2',
        high: '14',
        medium: '37',
        low: '52',
        negligible: '9',
        undefined: '1',
      },
    },
    {
      id: 'crpk1q5ne0t8g4m2lr7d',
      imageId: 'crpbbr7fclo5hrasp6nh',
      scannedAt: '2024-11-19T17:03:22.907Z',
      status: 'READY',
      vulnerabilities: { high: '3', medium: '11', low: '20' },
    },
    { id: 'crpv7ctq2p0d9as1e6hk', imageId: 'crpbbr7fclo5hrasp6nh', status: 'RUNNING' },
    {
      id: 'crp8d0u5mdj1s7f2vq4e',
      imageId: 'crpbbr7fclo5hrasp6nh',
      scannedAt: '2024-10-02T06:15:00Z',
      status: 'ERROR',
    },
  ],
};

/** Repository paths (after `<registry id>/`), all matching the spec's `repositoryName` pattern. */
const REPOSITORY_PATHS = [
  'ubuntu',
  'debian',
  'alpine',
  'nginx',
  'postgres',
  'redis',
  'node',
  'python',
  'golang',
  'team/web-app',
  'backend/api',
  'backend/worker',
  'payments/gateway',
  'payments/ledger-sync',
  'ml/trainer',
  'ml/model-server',
  'frontend',
  'infra/ingress-controller',
  'infra/log.shipper',
  'data/etl-worker',
  'data/clickhouse-exporter',
  'auth-service',
  'billing_v2',
  'tools/ci.runner',
  'mobile/push-gateway',
  'search/indexer',
];

/** Yandex Cloud IDs: a 3-character prefix and 17 characters of this alphabet, 20 in all. */
const ID_ALPHABET = 'abcdefghijklmnopqrstuv0123456789';
const START = Date.UTC(2022, 0, 1) / 1000;
const END = Date.UTC(2025, 5, 30) / 1000;

/** `n` characters of `alphabet` (32 characters), six from each draw of the generator. */
function chars(rnd: Random, n: number, alphabet: string): string {
  const codes: number[] = [];
  while (codes.length < n) {
    let v = Math.floor(rnd.next() * 2 ** 30);
    for (let k = 0; k < 6 && codes.length < n; k++, v >>>= 5) codes.push(alphabet.charCodeAt(v & 31));
  }
  return String.fromCharCode(...codes);
}

/** `n` hex digits (n a multiple of 8), eight from each draw of the generator. */
function hex(rnd: Random, n: number): string {
  const bytes = Buffer.allocUnsafe(n / 2);
  for (let i = 0; i < n / 2; i += 4) bytes.writeUInt32BE(Math.floor(rnd.next() * 2 ** 32), i);
  return bytes.toString('hex');
}

/** `YYYY-MM-DDTHH:MM:SS[.f{1,9}]Z` with 0–9 fractional digits, and a key that sorts in time order. */
function timestamp(rnd: Random, seconds: number): { text: string; key: string } {
  const base = new Date(seconds * 1000).toISOString().slice(0, 19);
  const digits = rnd.int(0, 9);
  const fraction = String(Math.floor(rnd.next() * 1e9))
    .padStart(9, '0')
    .slice(0, digits);
  return { text: `${base}${digits ? `.${fraction}` : ''}Z`, key: `${base}.${fraction.padEnd(9, '0')}` };
}

/** The sortable key of a proto3 JSON timestamp: seconds, then the fraction padded to 9 digits. */
export function timestampKey(text: string): string {
  const m = /^(.{19})(?:\.(\d{1,9}))?Z$/.exec(text);
  return m ? `${m[1]}.${(m[2] ?? '').padEnd(9, '0')}` : text;
}

/** The rank of each ID character in string order (digits sort before letters). */
const RANK = [...ID_ALPHABET].map((c) => [...ID_ALPHABET].sort().indexOf(c));
const ID_CODES = Array.from(ID_ALPHABET, (c) => c.charCodeAt(0));
const CODE_INDEX = new Map([...ID_ALPHABET].map((c, k) => [c, k]));
const B30 = 2 ** 30;
const LOW25 = 0x1ffffff;
const SCAN_END = END + 86_400 * 30;

/** The key that sorts 6 (or 5) ID characters drawn as `v` in string order. */
function sortKey(v: number, n: number): number {
  let key = 0;
  for (let k = 0; k < n; k++, v >>>= 5) key = key * 32 + RANK[v & 31]!;
  return key;
}

/** The three draws an ID is made of (`chars(rnd, 17, …)`); the third keeps its 25 bits in use. */
function idString(prefix: string, v1: number, v2: number, v3: number): string {
  const c = ID_CODES;
  return (
    prefix +
    String.fromCharCode(
      c[v1 & 31]!,
      c[(v1 >>> 5) & 31]!,
      c[(v1 >>> 10) & 31]!,
      c[(v1 >>> 15) & 31]!,
      c[(v1 >>> 20) & 31]!,
      c[(v1 >>> 25) & 31]!,
      c[v2 & 31]!,
      c[(v2 >>> 5) & 31]!,
      c[(v2 >>> 10) & 31]!,
      c[(v2 >>> 15) & 31]!,
      c[(v2 >>> 20) & 31]!,
      c[(v2 >>> 25) & 31]!,
      c[v3 & 31]!,
      c[(v3 >>> 5) & 31]!,
      c[(v3 >>> 10) & 31]!,
      c[(v3 >>> 15) & 31]!,
      c[(v3 >>> 20) & 31]!,
    )
  );
}

/** The draws of a `crp` ID's 17 characters, or undefined when the text is no such ID. */
function idDraws(id: string): [number, number, number] | undefined {
  if (id.length !== 20 || !id.startsWith('crp')) return undefined;
  const v = [0, 0, 0];
  for (let c = 0; c < 17; c++) {
    const k = CODE_INDEX.get(id[3 + c]!);
    if (k === undefined) return undefined;
    const g = c < 6 ? 0 : c < 12 ? 1 : 2;
    const at = c - g * 6;
    v[g]! += k * 2 ** (5 * at);
  }
  return v as [number, number, number];
}

const hash3 = (v1: number, v2: number, v3: number): number => {
  let h =
    Math.imul(v1 ^ 0x9e3779b9, 0x85ebca6b) ^
    Math.imul(v2 ^ 0x27d4eb2f, 0xc2b2ae35) ^
    Math.imul(v3, 0x165667b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 13;
  return h >>> 0 || 1;
};

/**
 * The `crp` IDs drawn so far, compactly: per ID a 32-bit hash and the generator state its draws
 * start at (so the ID can be drawn again to compare when two hashes meet). Exactly a set of IDs.
 */
class DrawnIds {
  private fp: Uint32Array;
  private st: Uint32Array;
  private mask: number;
  private count = 0;
  private readonly fixed = new Map<number, Array<[number, number, number]>>();

  constructor(expected: number) {
    let cap = 1024;
    while (cap * 3 < expected * 4) cap *= 2;
    this.fp = new Uint32Array(cap);
    this.st = new Uint32Array(cap);
    this.mask = cap - 1;
  }

  /** IDs that hold no generator state (the spec's examples). */
  addFixed(id: string): void {
    const v = idDraws(id);
    if (!v) return; // not a `crp` ID of the alphabet: no draw can make it
    const h = hash3(...v);
    const list = this.fixed.get(h) ?? [];
    list.push(v);
    this.fixed.set(h, list);
  }

  /** Adds the ID drawn as (v1, v2, v3) from `state`; false when it was drawn (or fixed) before. */
  add(v1: number, v2: number, v3: number, state: number): boolean {
    const h = hash3(v1, v2, v3);
    const fixed = this.fixed.get(h);
    if (fixed?.some((f) => f[0] === v1 && f[1] === v2 && f[2] === v3)) return false;
    let slot = h & this.mask;
    for (;;) {
      const f = this.fp[slot]!;
      if (f === 0) break;
      if (f === h) {
        const r = createRandom(this.st[slot]!);
        const w1 = Math.floor(r.next() * B30);
        const w2 = Math.floor(r.next() * B30);
        const w3 = Math.floor(r.next() * B30) & LOW25;
        if (w1 === v1 && w2 === v2 && w3 === v3) return false;
      }
      slot = (slot + 1) & this.mask;
    }
    this.fp[slot] = h;
    this.st[slot] = state;
    if (++this.count * 4 > this.fp.length * 3) this.grow();
    return true;
  }

  private grow(): void {
    const fp = this.fp;
    const st = this.st;
    this.fp = new Uint32Array(fp.length * 2);
    this.st = new Uint32Array(fp.length * 2);
    this.mask = this.fp.length - 1;
    for (let i = 0; i < fp.length; i++) {
      const h = fp[i]!;
      if (h === 0) continue;
      let slot = h & this.mask;
      while (this.fp[slot] !== 0) slot = (slot + 1) & this.mask;
      this.fp[slot] = h;
      this.st[slot] = st[i]!;
    }
  }
}

/**
 * What the mock reads of a dataset without building its items: per image (in dataset order) its
 * repository, creation instant and ID order; per scan its image, status and ID order. Items are
 * rebuilt from the generator state their draws start at ({@link imageAt}, {@link scanAt}).
 */
export interface RegistryColumns {
  imageCount: number;
  scanCount: number;
  /** Index into `repositories` of each image. */
  imageRepository: Int32Array;
  /** `createdAt`: whole seconds and nanoseconds (the order `orderBy=createdAt` uses). */
  imageSeconds: Float64Array;
  imageNanos: Uint32Array;
  /** Image indexes in ID order, and each image's position in it. */
  imagesById: Int32Array;
  imageIdRank: Int32Array;
  /** The ID draws of each image (for finding an image by its ID). */
  imageDraws: [Uint32Array, Uint32Array, Uint32Array];
  scanImage: Int32Array;
  /** `statusRank` of each scan. */
  scanStatus: Uint8Array;
  scansById: Int32Array;
  scanIdRank: Int32Array;
}

interface Internals {
  columns: RegistryColumns;
  image: (index: number) => StoredImage;
  scan: (index: number) => StoredScan;
}

const INTERNALS = new WeakMap<RegistryDataset, Internals>();

function internals(dataset: RegistryDataset): Internals {
  const found = INTERNALS.get(dataset);
  if (!found) throw new TypeError('not a dataset made by generateRegistry');
  return found;
}

/** The columns of a dataset made by {@link generateRegistry}. */
export const columnsOf = (dataset: RegistryDataset): RegistryColumns => internals(dataset).columns;
/** The image at `index` (dataset order), derived on demand and deep-frozen. */
export const imageAt = (dataset: RegistryDataset, index: number): StoredImage =>
  internals(dataset).image(index);
/** The scan at `index` (dataset order), derived on demand and deep-frozen. */
export const scanAt = (dataset: RegistryDataset, index: number): StoredScan => internals(dataset).scan(index);

/** The index of the image with this ID, or -1. */
export function findImage(dataset: RegistryDataset, id: string): number {
  const { imagesById, imageDraws } = internals(dataset).columns;
  const v = idDraws(id);
  if (!v) return -1;
  const [a, b, c] = imageDraws;
  const key = [sortKey(v[0], 6), sortKey(v[1], 6), sortKey(v[2], 5)];
  let lo = 0;
  let hi = imagesById.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const i = imagesById[mid]!;
    const k = [sortKey(a[i]!, 6), sortKey(b[i]!, 6), sortKey(c[i]!, 5)];
    const cmp = k[0]! - key[0]! || k[1]! - key[1]! || k[2]! - key[2]!;
    if (cmp === 0) return i;
    if (cmp < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Indexes 0…n-1 in the order of (k1, k2, k3) (30-, 30- and 25-bit keys), IDs being unique. */
function orderByKeys(
  k1: Uint32Array,
  k2: Uint32Array,
  k3: Uint32Array,
): { order: Int32Array; rank: Int32Array } {
  const n = k1.length;
  // LSD radix sort on k1, 15 bits a pass (two passes; the counts fit the cache), carrying the keys along.
  let order = new Int32Array(n);
  let keys = k1.slice();
  let nextOrder = new Int32Array(n);
  let nextKeys = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const count = new Int32Array(32768);
  for (let shift = 0; shift < 30; shift += 15) {
    count.fill(0);
    for (let p = 0; p < n; p++) count[(keys[p]! >>> shift) & 32767]!++;
    for (let b = 0, at = 0; b < 32768; b++) {
      const c = count[b]!;
      count[b] = at;
      at += c;
    }
    for (let p = 0; p < n; p++) {
      const key = keys[p]!;
      const to = count[(key >>> shift) & 32767]!++;
      nextOrder[to] = order[p]!;
      nextKeys[to] = key;
    }
    [order, nextOrder] = [nextOrder, order];
    [keys, nextKeys] = [nextKeys, keys];
  }
  // Runs that share the first key: by the rest.
  const less = (i: number, j: number) => k2[i]! - k2[j]! || k3[i]! - k3[j]!;
  for (let s = 0; s < n; ) {
    let e = s + 1;
    while (e < n && keys[e] === keys[s]) e++;
    if (e - s > 1) order.subarray(s, e).sort(less);
    s = e;
  }
  const rank = nextOrder;
  for (let p = 0; p < n; p++) rank[order[p]!] = p;
  return { order, rank };
}

/** A number per `crp` ID (its first draw and 23 bits of a hash of the others): equal IDs, equal numbers. */
const idNumber = (v1: number, v2: number, v3: number): number =>
  v1 * 2 ** 23 + ((Math.imul(v2 ^ 0x27d4eb2f, 0x9e3779b1) ^ Math.imul(v3 ^ 0x165667b1, 0x85ebca6b)) >>> 9);

/** Whether two of the first `n` numbers are equal (partitioned by their top bits, then sorted). */
function hasRepeat(numbers: Float64Array, n: number): boolean {
  const buckets = 1024;
  const bucketOf = (x: number) => Math.floor(x / 2 ** 43);
  const starts = new Int32Array(buckets + 1);
  for (let p = 0; p < n; p++) starts[bucketOf(numbers[p]!) + 1]!++;
  for (let b = 0; b < buckets; b++) starts[b + 1]! += starts[b]!;
  const fill = starts.slice(0, buckets);
  const parted = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const x = numbers[p]!;
    parted[fill[bucketOf(x)]!++] = x;
  }
  // Per bucket (a few thousand numbers): an open-addressing set that fits the cache.
  let table = new Float64Array(1024);
  for (let b = 0; b < buckets; b++) {
    const from = starts[b]!;
    const to = starts[b + 1]!;
    let cap = table.length;
    while (cap < (to - from) * 2) cap *= 2;
    if (cap > table.length) table = new Float64Array(cap);
    const mask = cap - 1;
    table.fill(-1, 0, cap);
    for (let p = from; p < to; p++) {
      const x = parted[p]!;
      let slot = x & mask; // the low bits: 23 bits of a hash
      for (;;) {
        const y = table[slot]!;
        if (y === -1) break;
        if (y === x) return true;
        slot = (slot + 1) & mask;
      }
      table[slot] = x;
    }
  }
  return false;
}

/** Grows a typed array (doubling) so that it holds index `at`. */
function fit<T extends Float64Array | Uint32Array | Int32Array | Uint8Array>(a: T, at: number): T {
  if (at < a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(16, a.length * 2));
  b.set(a);
  return b;
}

/**
 * A deterministic, realistic Container Registry: folders (`b1g…`), registries and repositories
 * (`crp…`), images with digests, int64 sizes as strings, config and layer blobs (base layers
 * shared within a repository), tags unique within their repository, and 0–6 scans per image in
 * every status, with vulnerability counts as int64 strings and timestamps of 0–9 fractional
 * digits. The same seed and size give the same data on every machine.
 *
 * The dataset holds the repositories as objects and, per image and scan, only the columns the
 * filters and orders read and the generator state its draws start at: an item is drawn again
 * when asked for (the same draws, so the same item). IDs stay unique as before: a draw that
 * repeats an earlier ID is drawn again, and the states of such draws are kept, so a rebuild
 * repeats the same choice.
 */
export function generateRegistry(options: GenerateOptions = {}): RegistryDataset {
  const seed = options.seed ?? DEFAULT_SEED;
  const size = options.size ?? DEFAULT_SIZE;
  // IDs never repeat in practice (85 random bits each): draw as if none does and check after,
  // and only if one did, draw again keeping every ID in a set (the same data either way).
  return generate(seed, size, false) ?? generate(seed, size, true)!;
}

/**
 * The dataset of `seed` and `size`. `exact` keeps every ID drawn in a set and draws again on a
 * repeat, as IDs are specified; otherwise IDs are only recorded, and the answer is undefined when
 * two of them are equal (then the exact way gives different draws from there on).
 */
export function generate(seed: number, size: number, exact: boolean): RegistryDataset | undefined {
  const rnd = createRandom(seed);
  const ex = SPEC_EXAMPLES;
  // About 6.5 IDs per image; the set (or record) is dropped once the dataset is drawn.
  let ids = new DrawnIds(exact ? size * 7 + 64 : 0);
  let drawn = new Float64Array(exact ? 0 : size * 7 + 64);
  let drawnCount = 0;
  for (const id of new Set([
    ex.registryId,
    ex.repository.id,
    ...ex.images.flatMap((i) => [i.id, i.config?.id ?? '', ...(i.layers ?? []).map((l) => l.id)]),
    ...ex.scans.map((s) => s.id),
  ])) {
    ids.addFixed(id);
    const v = idDraws(id);
    if (v && !exact) drawn[drawnCount++] = idNumber(...v);
  }
  const folderIds = new Set<string>([ex.folderId]);
  /** States of ID draws that repeated an earlier ID (and were drawn again). */
  const rejected = new Set<number>();
  let v1 = 0;
  let v2 = 0;
  let v3 = 0;
  /** Draws a new `crp` ID, leaving its draws in v1, v2, v3. */
  const drawCrp = (r: Random): void => {
    for (;;) {
      const s = r.state();
      v1 = Math.floor(r.next() * B30);
      v2 = Math.floor(r.next() * B30);
      v3 = Math.floor(r.next() * B30) & LOW25;
      if (!exact) {
        drawn = fit(drawn, drawnCount);
        drawn[drawnCount++] = idNumber(v1, v2, v3);
        return;
      }
      if (ids.add(v1, v2, v3, s)) return;
      rejected.add(s);
    }
  };
  const newId = (prefix: string): string => {
    if (prefix === 'crp') {
      drawCrp(rnd);
      return idString('crp', v1, v2, v3);
    }
    for (;;) {
      const s = rnd.state();
      const id = prefix + chars(rnd, 17, ID_ALPHABET);
      if (!folderIds.has(id)) {
        folderIds.add(id);
        return id;
      }
      rejected.add(s);
    }
  };

  // Folders and registries: the spec's example ones first.
  const folders: Folder[] = [{ id: ex.folderId }];
  const folderCount = Math.min(6, 2 + Math.floor(size / 150));
  for (let i = 1; i < folderCount; i++) folders.push({ id: newId('b1g') });
  const registries: Registry[] = [{ id: ex.registryId, folderId: ex.folderId }];
  const registryCount = Math.max(2, Math.round(size / 25));
  for (let i = 1; i < registryCount; i++) {
    // Every folder gets a registry before any gets a second one.
    const folder = i < folders.length ? folders[i]! : rnd.pick(folders);
    registries.push({ id: newId('crp'), folderId: folder.id });
  }

  // Repositories: 2–7 per registry, names unique within their registry.
  const repositories: Repository[] = [
    { id: ex.repository.id, name: ex.repository.name, registryId: ex.registryId, folderId: ex.folderId },
    { id: newId('crp'), name: ex.webAppRepositoryName, registryId: ex.registryId, folderId: ex.folderId },
  ];
  // The paths taken in a registry as bits of REPOSITORY_PATHS (26 of them); the example registry
  // starts with its two repositories.
  const examplePaths =
    (1 << REPOSITORY_PATHS.indexOf(ex.repository.name.slice(ex.registryId.length + 1))) |
    (1 << REPOSITORY_PATHS.indexOf(ex.webAppRepositoryName.slice(ex.registryId.length + 1)));
  for (const registry of registries) {
    let taken = registry.id === ex.registryId ? examplePaths : 0;
    let takenCount = taken ? 2 : 0;
    const want = rnd.int(2, 7);
    let guard = 0;
    while (takenCount < want && guard++ < 100) {
      const path = Math.floor(rnd.next() * REPOSITORY_PATHS.length); // rnd.pick(REPOSITORY_PATHS)
      if (taken & (1 << path)) continue;
      taken |= 1 << path;
      takenCount++;
      const name = `${registry.id}/${REPOSITORY_PATHS[path]}`;
      repositories.push({ id: newId('crp'), name, registryId: registry.id, folderId: registry.folderId });
    }
  }
  const repoCount = repositories.length;

  // Images: the spec's two examples, then generated ones spread unevenly over the repositories.
  const exampleImages = ex.images.slice(0, Math.min(size, ex.images.length));
  const exCount = exampleImages.length;
  const imageRepository = new Int32Array(size);
  const imageState = new Uint32Array(size);
  const imageSeconds = new Float64Array(size);
  const imageNanos = new Uint32Array(size);
  const imageDigest = new Uint32Array(size);
  const d1 = new Uint32Array(size);
  const d2 = new Uint32Array(size);
  const d3 = new Uint32Array(size);
  for (const [k, json] of exampleImages.entries()) {
    imageRepository[k] = repositories.findIndex((r) => r.name === json.name);
    const key = timestampKey(json.createdAt ?? '');
    imageSeconds[k] = Date.parse(`${key.slice(0, 19)}Z`) / 1000;
    imageNanos[k] = Number(key.slice(20));
    const v = idDraws(json.id)!;
    [d1[k], d2[k], d3[k]] = v;
  }
  const repoFirstImage = new Int32Array(repoCount).fill(-1);
  const repoBaseState = new Uint32Array(repoCount);
  // Uneven weights: a few repositories hold many images, many hold a few.
  const cumulative = new Float64Array(repoCount);
  let total = 0;
  for (let k = 0; k < repoCount; k++) {
    total += 0.05 + rnd.next() ** 3;
    cumulative[k] = total;
  }
  // A guide to the search below: bucket b = floor(x × repoCount / total) of a draw x holds its
  // answer (the first k with cumulative[k] > x) between guide[b] and guide[b + 1], guide[b] being
  // how many k have a bucket below b (the bucket is monotone in x): the same answer, found in a
  // few steps instead of a search of every repository.
  const buckets = repoCount;
  const bucketOf = (x: number) => Math.min(buckets, Math.floor((x * buckets) / total));
  const guide = new Int32Array(buckets + 2);
  for (let k = 0; k < repoCount; k++) guide[bucketOf(cumulative[k]!) + 1]!++;
  for (let b = 0; b <= buckets; b++) guide[b + 1]! += guide[b]!;
  const pickRepository = (): number => {
    const x = rnd.next() * total;
    const b = bucketOf(x);
    let lo = guide[b]!;
    let hi = Math.min(guide[b + 1]!, repoCount - 1);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  // A layer's or config's draws: its ID, its digest (8 draws), its size (1 draw).
  const skipBlob = () => {
    drawCrp(rnd);
    rnd.advance(9);
  };
  for (let i = exCount; i < size; i++) {
    imageState[i] = rnd.state();
    const repo = pickRepository();
    imageRepository[i] = repo;
    if (repoFirstImage[repo] === -1) {
      repoFirstImage[repo] = i;
      repoBaseState[repo] = rnd.state();
      const n = rnd.int(1, 2);
      for (let k = 0; k < n; k++) skipBlob();
    }
    rnd.next(); // huge
    const own = rnd.int(0, 5);
    for (let k = 0; k < own; k++) skipBlob();
    skipBlob(); // config
    const seconds = rnd.int(START, END);
    const digits = rnd.int(0, 9);
    const fraction = Math.floor(rnd.next() * 1e9);
    const scale = 10 ** (9 - digits);
    imageSeconds[i] = seconds;
    imageNanos[i] = digits ? Math.floor(fraction / scale) * scale : 0;
    drawCrp(rnd);
    d1[i] = v1;
    d2[i] = v2;
    d3[i] = v3;
    imageDigest[i] = Math.floor(rnd.next() * 2 ** 32);
    rnd.advance(7);
  }

  // Tags, unique within each repository: versions grow with age, the newest image takes
  // `latest` unless an example image holds it, about a quarter stay untagged. They are drawn per
  // repository when one of its images is built ({@link tagsOf}): repositories draw in order of
  // their first image, one draw for the first major version and four per generated image (three
  // for the newest), so where each repository's draws start follows from its image count alone.
  const memberStart = new Int32Array(repoCount + 1);
  for (let i = 0; i < size; i++) memberStart[imageRepository[i]! + 1]!++;
  for (let k = 0; k < repoCount; k++) memberStart[k + 1]! += memberStart[k]!;
  /** The images of each repository in dataset order: `members[memberStart[r] … memberStart[r + 1]]`. */
  const members = new Int32Array(size);
  const tagState = new Uint32Array(repoCount);
  {
    const fill = memberStart.slice(0, repoCount);
    for (let i = 0; i < size; i++) {
      const r = imageRepository[i]!;
      if (fill[r] === memberStart[r]) {
        // The repository's first image: its draws start here.
        let generated = memberStart[r + 1]! - memberStart[r]!;
        for (let k = 0; k < exCount; k++) if (imageRepository[k] === r) generated--;
        tagState[r] = rnd.state();
        rnd.advance(generated > 0 ? 4 * generated : 1);
      }
      members[fill[r]!++] = i;
    }
  }
  const createdLess = (a: number, b: number) =>
    imageSeconds[a]! < imageSeconds[b]! ||
    (imageSeconds[a] === imageSeconds[b] && imageNanos[a]! < imageNanos[b]!);
  /** The tags of generated image `i`, drawn with the rest of its repository's. */
  const tagsOf = (i: number, digest: string): string[] => {
    const r = imageRepository[i]!;
    let latestTaken = false;
    const generated: number[] = [];
    for (let m = memberStart[r]!, end = memberStart[r + 1]!; m < end; m++) {
      const k = members[m]!;
      if (k >= exCount) generated.push(k);
      else if (exampleImages[k]!.tags?.includes('latest')) latestTaken = true;
    }
    if (generated.length > 1) generated.sort((a, b) => (createdLess(a, b) ? -1 : 1));
    const t = createRandom(tagState[r]!);
    const shas = new Set<number>();
    let major = t.int(0, 3);
    let minor = 0;
    let patch = 0;
    for (let n = 0; n < generated.length; n++) {
      const image = generated[n]!;
      const newest = n === generated.length - 1;
      if (t.chance(0.3)) minor += 1;
      else patch += 1;
      if (t.chance(0.05)) major += 1;
      const version = newest || t.chance(0.75);
      let sha = false;
      if (t.chance(0.2)) {
        const key = imageDigest[image]! >>> 4;
        if (!shas.has(key)) {
          shas.add(key);
          sha = true;
        }
      }
      if (image !== i) continue;
      const tags: string[] = [];
      if (version) tags.push(`${major}.${minor}.${patch}`);
      if (sha) tags.push(`sha-${digest.slice(7, 14)}`);
      if (newest && !latestTaken) tags.push('latest');
      return tags;
    }
    throw new Error(`image ${i} is not in its repository`);
  };

  // Scans: the spec's four for the first example image, 0–6 for every generated one.
  let scanCount = 0;
  let scanImage = new Int32Array(Math.max(16, size * 2));
  let scanState = new Uint32Array(scanImage.length);
  let scanSeconds = new Float64Array(scanImage.length);
  let scanStatus = new Uint8Array(scanImage.length);
  let s1 = new Uint32Array(scanImage.length);
  let s2 = new Uint32Array(scanImage.length);
  let s3 = new Uint32Array(scanImage.length);
  const pushScan = (image: number, state: number, seconds: number, status: number) => {
    const at = scanCount++;
    scanImage = fit(scanImage, at);
    scanState = fit(scanState, at);
    scanSeconds = fit(scanSeconds, at);
    scanStatus = fit(scanStatus, at);
    s1 = fit(s1, at);
    s2 = fit(s2, at);
    s3 = fit(s3, at);
    scanImage[at] = image;
    scanState[at] = state;
    scanSeconds[at] = seconds;
    scanStatus[at] = status;
    s1[at] = sortKey(v1, 6);
    s2[at] = sortKey(v2, 6);
    s3[at] = sortKey(v3, 5);
  };
  if (size > 0) {
    for (const json of ex.scans) {
      [v1, v2, v3] = idDraws(json.id)!;
      pushScan(0, 0, 0, SCAN_STATUSES.indexOf(json.status ?? 'STATUS_UNSPECIFIED'));
    }
  }
  const exampleScanCount = scanCount;
  const times: number[] = [];
  for (let i = exCount; i < size; i++) {
    const r = rnd.next();
    const n = r < 0.1 ? 0 : r < 0.55 ? 1 : r < 0.8 ? 2 : r < 0.92 ? 3 : rnd.int(4, 6);
    // Date.parse(createdAt) / 1000: the instant to the millisecond.
    const from = (imageSeconds[i]! * 1000 + Math.floor(imageNanos[i]! / 1e6)) / 1000;
    times.length = 0;
    for (let k = 0; k < n; k++) times.push(rnd.int(from, Math.max(from + 60, SCAN_END)));
    // Ascending (insertion sort: at most six).
    for (let k = 1; k < n; k++) {
      const t = times[k]!;
      let at = k;
      for (; at > 0 && times[at - 1]! > t; at--) times[at] = times[at - 1]!;
      times[at] = t;
    }
    for (let k = 0; k < n; k++) {
      const state = rnd.state();
      const status = drawScan(rnd, k === n - 1, drawCrp);
      pushScan(i, state, times[k]!, status);
    }
  }

  ids = new DrawnIds(0);
  if (!exact && hasRepeat(drawn, drawnCount)) return undefined;
  drawn = new Float64Array(0);
  const k1 = new Uint32Array(size);
  const k2 = new Uint32Array(size);
  const k3 = new Uint32Array(size);
  for (let i = 0; i < size; i++) {
    k1[i] = sortKey(d1[i]!, 6);
    k2[i] = sortKey(d2[i]!, 6);
    k3[i] = sortKey(d3[i]!, 5);
  }
  const imageOrder = orderByKeys(k1, k2, k3);
  scanImage = scanImage.slice(0, scanCount);
  scanStatus = scanStatus.slice(0, scanCount);
  const scanOrder = orderByKeys(
    s1.subarray(0, scanCount),
    s2.subarray(0, scanCount),
    s3.subarray(0, scanCount),
  );
  const columns: RegistryColumns = {
    imageCount: size,
    scanCount,
    imageRepository,
    imageSeconds,
    imageNanos,
    imagesById: imageOrder.order,
    imageIdRank: imageOrder.rank,
    imageDraws: [d1, d2, d3],
    scanImage,
    scanStatus,
    scansById: scanOrder.order,
    scanIdRank: scanOrder.rank,
  };
  scanState = scanState.slice(0, scanCount);
  scanSeconds = scanSeconds.slice(0, scanCount);
  s1 = s2 = s3 = new Uint32Array(0);

  /** A new `crp` ID in a rebuild: the same draws, the same repeats drawn again. */
  const replayId = (r: Random): string => {
    for (;;) {
      const s = r.state();
      const id = `crp${chars(r, 17, ID_ALPHABET)}`;
      if (!rejected.has(s)) return id;
    }
  };
  const digest = (r: Random) => `sha256:${hex(r, 64)}`;
  const layer = (r: Random, min: number, max: number): BlobJson => ({
    id: replayId(r),
    digest: digest(r),
    size: String(r.int(min, max)),
  });
  const baseLayers = (r: Random) =>
    Array.from({ length: r.int(1, 2) }, () => layer(r, 2_000_000, 60_000_000));

  const makeImage = (i: number): StoredImage => {
    const repo = repositories[imageRepository[i]!]!;
    const where = { repositoryId: repo.id, registryId: repo.registryId, folderId: repo.folderId };
    if (i < exCount) {
      const json = structuredClone(exampleImages[i]!) as ImageJson;
      return { json, ...where, createdKey: timestampKey(json.createdAt ?? '') };
    }
    const r = createRandom(imageState[i]!);
    r.advance(1); // the repository's pick
    const first = repoFirstImage[imageRepository[i]!] === i;
    const base = first ? baseLayers(r) : baseLayers(createRandom(repoBaseState[imageRepository[i]!]!));
    const huge = r.chance(0.04);
    const own = Array.from({ length: r.int(0, 5) }, () =>
      huge ? layer(r, 500_000_000, 3_500_000_000) : layer(r, 200, 40_000_000),
    );
    const layers = [...base, ...own];
    const config = { id: replayId(r), digest: digest(r), size: String(r.int(900, 16_000)) };
    const compressed = layers.reduce((n, l) => n + Number(l.size), 0);
    const created = timestamp(r, r.int(START, END));
    const json: ImageJson = {
      id: replayId(r),
      name: repo.name,
      digest: digest(r),
      compressedSize: String(compressed),
      config,
      layers,
      createdAt: created.text,
    };
    const tags = tagsOf(i, json.digest);
    if (tags.length) json.tags = tags;
    return { json, ...where, createdKey: created.key };
  };

  const makeScan = (j: number): StoredScan => {
    const image = scanImage[j]!;
    const repositoryId = repositories[imageRepository[image]!]!.id;
    if (j < exampleScanCount) return { json: structuredClone(ex.scans[j]!) as ScanJson, repositoryId };
    const r = createRandom(scanState[j]!);
    const newest = j === scanCount - 1 || scanImage[j + 1] !== image;
    const imageId = makeImageId(image);
    const json = buildScan(r, newest, scanSeconds[j]!, imageId, replayId);
    return { json, repositoryId };
  };
  const makeImageId = (i: number) =>
    i < exCount ? exampleImages[i]!.id : idString('crp', d1[i]!, d2[i]!, d3[i]!);

  // The items last sent (every item of a dataset of up to 4,096 images): a bounded window. An image
  // with its layers is about 3 KB; the largest page (1,000) fits four times over.
  const image = lazyItems(size, makeImage, 4096);
  const scan = lazyItems(scanCount, makeScan, 32_768);
  let allImages: StoredImage[] | undefined;
  let allScans: StoredScan[] | undefined;
  const dataset = { seed, size, folders, registries, repositories } as RegistryDataset;
  Object.defineProperties(dataset, {
    images: {
      enumerable: true,
      get: () => {
        allImages ??= Array.from({ length: size }, (_, i) => image(i));
        return allImages;
      },
    },
    scans: {
      enumerable: true,
      get: () => {
        allScans ??= Array.from({ length: scanCount }, (_, j) => scan(j));
        return allScans;
      },
    },
  });
  INTERNALS.set(dataset, { columns, image, scan });
  return dataset;
}

/** The status draws of a generated scan (the rest of its draws are skipped); `statusRank`. */
function drawScan(rnd: Random, newest: boolean, drawId: (r: Random) => void): number {
  const status: ScanStatus = newest && rnd.chance(0.18) ? 'RUNNING' : rnd.chance(0.14) ? 'ERROR' : 'READY';
  drawId(rnd);
  if (status !== 'RUNNING' && (status === 'READY' || rnd.chance(0.6))) rnd.advance(2);
  if (status === 'READY') {
    const count = (p: number) => {
      if (rnd.chance(p)) rnd.advance(1);
    };
    count(0.3);
    count(0.6);
    count(0.75);
    rnd.next(); // the chance of a large `low`
    count(0.8);
    count(0.5);
    count(0.15);
  }
  return SCAN_STATUSES.indexOf(status);
}

/** A generated scan, drawn from where its draws start. */
function buildScan(
  rnd: Random,
  newest: boolean,
  seconds: number,
  imageId: string,
  newId: (r: Random) => string,
): ScanJson {
  const status: ScanStatus = newest && rnd.chance(0.18) ? 'RUNNING' : rnd.chance(0.14) ? 'ERROR' : 'READY';
  const json: ScanJson = { id: newId(rnd), imageId };
  if (status !== 'RUNNING' && (status === 'READY' || rnd.chance(0.6)))
    json.scannedAt = timestamp(rnd, seconds).text;
  json.status = status;
  if (status === 'READY') {
    const count = (max: number, p: number) => (rnd.chance(p) ? String(rnd.int(1, max)) : undefined);
    const stats: VulnerabilityStatsJson = {};
    const entries: Array<[keyof VulnerabilityStatsJson, string | undefined]> = [
      ['critical', count(12, 0.3)],
      ['high', count(60, 0.6)],
      ['medium', count(200, 0.75)],
      ['low', count(rnd.chance(0.1) ? 2500 : 300, 0.8)],
      ['negligible', count(120, 0.5)],
      ['undefined', count(8, 0.15)],
    ];
    for (const [key, value] of entries) if (value !== undefined) stats[key] = value;
    json.vulnerabilities = stats;
  }
  return json;
}
