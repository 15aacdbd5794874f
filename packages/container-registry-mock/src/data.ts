import { createRandom, type Random } from '@scanapis/mock-kit';

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

export interface RegistryDataset {
  seed: number;
  size: number;
  folders: Folder[];
  registries: Registry[];
  repositories: Repository[];
  images: StoredImage[];
  scans: StoredScan[];
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

/**
 * A deterministic, realistic Container Registry: folders (`b1g…`), registries and repositories
 * (`crp…`), images with digests, int64 sizes as strings, config and layer blobs (base layers
 * shared within a repository), tags unique within their repository, and 0–6 scans per image in
 * every status, with vulnerability counts as int64 strings and timestamps of 0–9 fractional
 * digits. The same seed and size give the same data on every machine.
 */
export function generateRegistry(options: GenerateOptions = {}): RegistryDataset {
  const seed = options.seed ?? DEFAULT_SEED;
  const size = options.size ?? DEFAULT_SIZE;
  const rnd = createRandom(seed);
  const ex = SPEC_EXAMPLES;
  const used = new Set<string>([
    ex.folderId,
    ex.registryId,
    ex.repository.id,
    ...ex.images.flatMap((i) => [i.id, i.config?.id ?? '', ...(i.layers ?? []).map((l) => l.id)]),
    ...ex.scans.map((s) => s.id),
  ]);
  const newId = (prefix: string): string => {
    for (;;) {
      const id = prefix + chars(rnd, 17, ID_ALPHABET);
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
  const digest = () => `sha256:${hex(rnd, 64)}`;

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
  for (const registry of registries) {
    const taken = new Set(registry.id === ex.registryId ? [ex.repository.name, ex.webAppRepositoryName] : []);
    const want = rnd.int(2, 7);
    let guard = 0;
    while (taken.size < want && guard++ < 100) {
      const name = `${registry.id}/${rnd.pick(REPOSITORY_PATHS)}`;
      if (taken.has(name)) continue;
      taken.add(name);
      repositories.push({ id: newId('crp'), name, registryId: registry.id, folderId: registry.folderId });
    }
  }

  // Images: the spec's two examples, then generated ones spread unevenly over the repositories.
  const byName = new Map(repositories.map((r) => [r.name, r]));
  const images: StoredImage[] = [];
  for (const json of ex.images.slice(0, Math.min(size, ex.images.length))) {
    const repo = byName.get(json.name)!;
    images.push({
      json: structuredClone(json) as ImageJson,
      repositoryId: repo.id,
      registryId: repo.registryId,
      folderId: repo.folderId,
      createdKey: timestampKey(json.createdAt ?? ''),
    });
  }
  const baseLayers = new Map<string, BlobJson[]>();
  const layer = (min: number, max: number): BlobJson => ({
    id: newId('crp'),
    digest: digest(),
    size: String(rnd.int(min, max)),
  });
  // Uneven weights: a few repositories hold many images, many hold a few.
  const cumulative: number[] = [];
  let total = 0;
  for (const _ of repositories) {
    total += 0.05 + rnd.next() ** 3;
    cumulative.push(total);
  }
  const pickRepository = (): Repository => {
    const x = rnd.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return repositories[lo]!;
  };
  while (images.length < size) {
    const repo = pickRepository();
    let base = baseLayers.get(repo.id);
    if (!base) {
      base = Array.from({ length: rnd.int(1, 2) }, () => layer(2_000_000, 60_000_000));
      baseLayers.set(repo.id, base);
    }
    const huge = rnd.chance(0.04); // ML images: several GB, past 2^32 bytes
    const own = Array.from({ length: rnd.int(0, 5) }, () =>
      huge ? layer(500_000_000, 3_500_000_000) : layer(200, 40_000_000),
    );
    const layers = [...base, ...own];
    const config = { id: newId('crp'), digest: digest(), size: String(rnd.int(900, 16_000)) };
    const compressed = layers.reduce((n, l) => n + Number(l.size), 0);
    const created = timestamp(rnd, rnd.int(START, END));
    images.push({
      json: {
        id: newId('crp'),
        name: repo.name,
        digest: digest(),
        compressedSize: String(compressed),
        config,
        layers,
        createdAt: created.text,
      },
      repositoryId: repo.id,
      registryId: repo.registryId,
      folderId: repo.folderId,
      createdKey: created.key,
    });
  }

  // Tags, unique within each repository: versions grow with age, the newest image takes
  // `latest` unless an example image holds it, about a quarter stay untagged.
  const imagesOf = new Map<string, StoredImage[]>();
  for (const image of images) {
    const list = imagesOf.get(image.repositoryId) ?? [];
    list.push(image);
    imagesOf.set(image.repositoryId, list);
  }
  for (const list of imagesOf.values()) {
    const taken = new Set(list.flatMap((i) => i.json.tags ?? []));
    const generated = list
      .filter((i) => !ex.images.some((e) => e.id === i.json.id))
      .sort((a, b) => (a.createdKey < b.createdKey ? -1 : 1));
    let major = rnd.int(0, 3);
    let minor = 0;
    let patch = 0;
    for (const [n, image] of generated.entries()) {
      const newest = n === generated.length - 1;
      if (rnd.chance(0.3)) minor += 1;
      else patch += 1;
      if (rnd.chance(0.05)) major += 1;
      const tags: string[] = [];
      if (newest || rnd.chance(0.75)) tags.push(`${major}.${minor}.${patch}`);
      if (rnd.chance(0.2)) tags.push(`sha-${image.json.digest.slice(7, 14)}`);
      if (newest && !taken.has('latest')) tags.push('latest');
      const unique = tags.filter((t) => !taken.has(t));
      for (const t of unique) taken.add(t);
      if (unique.length) image.json.tags = unique;
    }
  }

  // Scans: the spec's four for the first example image, 0–6 for every generated one.
  const scans: StoredScan[] = [];
  const repoOf = new Map(images.map((i) => [i.json.id, i.repositoryId]));
  if (images.length > 0) {
    for (const json of ex.scans)
      scans.push({ json: structuredClone(json) as ScanJson, repositoryId: repoOf.get(json.imageId)! });
  }
  const count = (max: number, p: number) => (rnd.chance(p) ? String(rnd.int(1, max)) : undefined);
  for (const image of images) {
    if (ex.images.some((e) => e.id === image.json.id)) continue;
    const r = rnd.next();
    const n = r < 0.1 ? 0 : r < 0.55 ? 1 : r < 0.8 ? 2 : r < 0.92 ? 3 : rnd.int(4, 6);
    const from = Date.parse(image.json.createdAt!) / 1000;
    const times = Array.from({ length: n }, () => rnd.int(from, Math.max(from + 60, END + 86_400 * 30))).sort(
      (a, b) => a - b,
    );
    for (const [k, seconds] of times.entries()) {
      const newest = k === n - 1;
      const status: ScanStatus =
        newest && rnd.chance(0.18) ? 'RUNNING' : rnd.chance(0.14) ? 'ERROR' : 'READY';
      const json: ScanJson = { id: newId('crp'), imageId: image.json.id };
      if (status !== 'RUNNING' && (status === 'READY' || rnd.chance(0.6)))
        json.scannedAt = timestamp(rnd, seconds).text;
      json.status = status;
      if (status === 'READY') {
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
      scans.push({ json, repositoryId: image.repositoryId });
    }
  }

  return { seed, size, folders, registries, repositories, images, scans };
}
