import { checkResponse, createAjv, type JsonObject, listOperations, loadSpec } from '@scanapis/spec-tools';
import { describe, expect, it } from 'vitest';
import {
  ANCHOR_MS,
  DEFAULT_ENTERPRISE_PROJECT,
  DEFAULT_SIZE,
  ENTERPRISE_PROJECTS,
  generateImages,
  IMAGE_TYPES,
  type ImageRecord,
  REGISTRIES,
  SCAN_FAILED_CODES,
  SCAN_STATUSES,
  SEVERITY_LEVELS,
  specFile,
} from '../src/index.js';

const doc = loadSpec(specFile);
const operation = listOperations(doc).find((o) => o.operationId === 'ListRegistryImages')!;
const ajv = createAjv();
const imageFields = Object.keys(
  ((doc.components as JsonObject).schemas as Record<string, { properties: JsonObject }>).RegistryImagesInfo!
    .properties,
);

const defaultData = generateImages();
const datasets: Array<[string, { given: ImageRecord[] }]> = [
  ['the default dataset (seed 1, 500 images)', { given: defaultData }],
  ['seed 2', { given: generateImages({ seed: 2 }) }],
  ['seed 4242, 800 images', { given: generateImages({ seed: 4242, size: 800 }) }],
];

const values = <T>(records: ImageRecord[], get: (r: ImageRecord) => T) => new Set(records.map(get));

describe('generateImages: deterministic', () => {
  it.each([
    ['the same seed and size → the same images', { given: [{ seed: 3 }, { seed: 3 }], want: true }],
    ['no options → seed 1, 500 images', { given: [{}, { seed: 1, size: DEFAULT_SIZE }], want: true }],
    ['another seed → other images', { given: [{ seed: 3 }, { seed: 4 }], want: false }],
  ] as Array<[string, { given: [object, object]; want: boolean }]>)('%s', (_, { given, want }) => {
    const [a, b] = given.map((o) => generateImages(o));
    expect(JSON.stringify(a) === JSON.stringify(b)).toBe(want);
  });

  it('the default dataset: 500 images, 280 of them in the default enterprise project (as the README says)', () => {
    expect(defaultData).toHaveLength(DEFAULT_SIZE);
    expect(defaultData.filter((r) => r.enterpriseProjectId === DEFAULT_ENTERPRISE_PROJECT)).toHaveLength(280);
  });

  it.each([0, 1, 7, 123, 1000])('size %i → that many images, ids ascending and distinct', (size) => {
    const records = generateImages({ size });
    expect(records).toHaveLength(size);
    const ids = records.map((r) => r.image.id);
    expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
  });
});

describe.each(datasets)('generateImages: %s', (_, { given: records }) => {
  it('every record is a valid RegistryImagesInfo, with no field the spec lacks', () => {
    for (let i = 0; i < records.length; i += 200) {
      const data_list = records.slice(i, i + 200).map((r) => r.image);
      const problems = checkResponse(ajv, operation, {
        status: 200,
        headers: { 'x-request-id': '0'.repeat(32) },
        body: { total_num: records.length, data_list },
        contentType: 'application/json',
      });
      expect(problems).toEqual([]);
    }
    const extra = records.flatMap((r) => Object.keys(r.image).filter((k) => !imageFields.includes(k)));
    expect(extra).toEqual([]);
  });

  it.each([
    ['image_type', { given: (r: ImageRecord) => r.image.image_type, want: IMAGE_TYPES }],
    ['scan_status (all 7)', { given: (r: ImageRecord) => r.image.scan_status, want: SCAN_STATUSES }],
    ['severity_level', { given: (r: ImageRecord) => r.image.severity_level, want: SEVERITY_LEVELS }],
    [
      'has a malicious file',
      { given: (r: ImageRecord) => r.image.malicious_file_num > 0, want: [true, false] },
    ],
    [
      'has an unsafe setting',
      { given: (r: ImageRecord) => r.image.unsafe_setting_num > 0, want: [true, false] },
    ],
    ['has a vulnerability', { given: (r: ImageRecord) => r.image.vul_num > 0, want: [true, false] }],
    [
      'risky without a vulnerability',
      { given: (r: ImageRecord) => r.image.vul_num === 0 && r.image.unsafe_setting_num > 0, want: [true] },
    ],
    ['is_multiple_arch', { given: (r: ImageRecord) => r.image.is_multiple_arch, want: [true, false] }],
    ['latest_version', { given: (r: ImageRecord) => r.image.latest_version, want: [true, false] }],
    ['shared_status', { given: (r: ImageRecord) => r.image.shared_status, want: ['effective', 'expired'] }],
    [
      'registry',
      { given: (r: ImageRecord) => r.image.registry_name, want: REGISTRIES.map((x) => x.registry_name) },
    ],
    [
      'enterprise project',
      { given: (r: ImageRecord) => r.enterpriseProjectId, want: ENTERPRISE_PROJECTS.map(([id]) => id) },
    ],
  ] as Array<[string, { given: (r: ImageRecord) => unknown; want: readonly unknown[] }]>)(
    'covers every %s value',
    (_, { given, want }) => {
      const seen = values(records, given);
      expect(want.filter((v) => !seen.has(v))).toEqual([]);
    },
  );

  it('varies namespaces, names, versions and sizes', () => {
    expect(values(records, (r) => r.image.namespace).size).toBeGreaterThanOrEqual(8);
    expect(values(records, (r) => r.image.image_name).size).toBeGreaterThanOrEqual(15);
    expect(values(records, (r) => r.image.image_version).size).toBeGreaterThanOrEqual(50);
    expect(values(records, (r) => r.image.image_size).size).toBeGreaterThan(records.length * 0.9);
  });

  it('fields agree with each other', () => {
    const wrong = (rule: string, keep: (r: ImageRecord) => boolean) =>
      records.filter((r) => !keep(r)).map((r) => `${rule}: id ${r.image.id}`);
    expect([
      ...wrong(
        'update ≤ sync ≤ anchor',
        (r) =>
          r.image.latest_update_time <= r.image.latest_sync_time && r.image.latest_sync_time <= ANCHOR_MS,
      ),
      ...wrong(
        'scanned → sync ≤ scan ≤ anchor',
        (r) =>
          !['success', 'failed', 'download_failed', 'image_oversized'].includes(r.image.scan_status) ||
          (r.image.latest_sync_time <= r.image.latest_scan_time && r.image.latest_scan_time <= ANCHOR_MS),
      ),
      ...wrong(
        'unscan → scan time 0',
        (r) => r.image.scan_status !== 'unscan' || r.image.latest_scan_time === 0,
      ),
      ...wrong(
        'severity ⇔ success',
        (r) => (r.image.severity_level !== undefined) === (r.image.scan_status === 'success'),
      ),
      ...wrong(
        'Security ⇔ no risk',
        (r) =>
          r.image.severity_level === undefined ||
          (r.image.severity_level === 'Security') ===
            (r.image.vul_num + r.image.unsafe_setting_num + r.image.malicious_file_num === 0),
      ),
      ...wrong(
        'failure code ⇔ a failed status',
        (r) =>
          (r.image.scan_failed_code !== undefined) ===
          ['failed', 'download_failed', 'image_oversized'].includes(r.image.scan_status),
      ),
      ...wrong(
        'image_oversized ⇔ image_over_sized, unscannable',
        (r) =>
          (r.image.scan_status === 'image_oversized') ===
          (r.image.scan_failed_code === 'image_over_sized' && !r.image.scannable),
      ),
      ...wrong(
        'failure description is the code’s',
        (r) =>
          r.image.scan_failed_code === undefined ||
          r.image.scan_failed_desc === SCAN_FAILED_CODES[r.image.scan_failed_code],
      ),
      ...wrong(
        'shared fields ⇔ shared image',
        (r) =>
          (r.image.image_type === 'shared_image') ===
          (r.image.domain_name !== undefined && r.image.shared_status !== undefined),
      ),
      ...wrong(
        'instance fields ⇔ enterprise image',
        (r) =>
          (r.image.image_type === 'instance_image') ===
          (r.image.instance_id !== '' && r.image.instance_name !== ''),
      ),
      ...wrong('association_images ⇔ multi-arch (2 or 3)', (r) =>
        r.image.is_multiple_arch
          ? [2, 3].includes(r.image.association_images?.length ?? 0)
          : r.image.association_images === undefined,
      ),
    ]).toEqual([]);
  });

  it('one latest version per repository, the most recently updated', () => {
    const repos = new Map<string, ImageRecord['image'][]>();
    for (const { image } of records) {
      const key = `${image.registry_id}/${image.namespace}/${image.image_name}`;
      repos.set(key, [...(repos.get(key) ?? []), image]);
    }
    for (const [key, images] of repos) {
      const latest = images.filter((i) => i.latest_version);
      expect(latest, key).toHaveLength(1);
      expect(latest[0]!.latest_update_time, key).toBe(Math.max(...images.map((i) => i.latest_update_time)));
      expect(new Set(images.map((i) => i.image_version)).size, key).toBe(images.length);
    }
  });
});
