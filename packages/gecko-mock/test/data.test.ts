import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, DEFAULT_SIZE, generateScans, SCAN_STATUSES, type Scan } from '../src/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const countBy = (scans: Scan[], key: (s: Scan) => unknown) => {
  const out: Record<string, number> = {};
  for (const s of scans) out[String(key(s))] = (out[String(key(s))] ?? 0) + 1;
  return out;
};

describe('generateScans: the same seed gives the same data on every machine', () => {
  it.each([
    [
      'the default dataset (seed 1, size 123)',
      {
        given: {},
        want: {
          size: 123,
          first: [
            [
              '875acd1e-85d8-45d9-83e6-b245b5875bbf',
              'globex/checkout@fix/csrf-token',
              'queued',
              '2025-06-28T18:28:58.554Z',
              'Swift',
            ],
            [
              'a685beb1-5428-4156-ba30-a8fc679a1a54',
              'initech/ml-models@release/2025.04',
              'queued',
              '2025-06-27T20:40:26.173Z',
              'Java',
            ],
            [
              'fdd763eb-03da-40a9-a30b-1e360aade1ea',
              'initech/inventory@main',
              'completed',
              '2025-06-25T12:58:46.468Z',
              'Go',
            ],
          ],
          last: [
            'db2195c7-f743-4d84-b459-705f64c2ce0e',
            'wayne-ent/user-service@main',
            'completed',
            '2024-07-01T16:56:21.457Z',
            'Python',
          ],
          statuses: { completed: 92, failed: 12, cancelled: 8, queued: 5, running: 3, null: 3 },
        },
      },
    ],
    [
      'seed 7, size 5',
      {
        given: { seed: 7, size: 5 },
        want: { size: 5, firstIds: ['84f3e322', 'ae18aefd', '89263ddb', '48c14ddc', 'becdf3f4'] },
      },
    ],
  ])('%s', (_, { given, want }) => {
    const scans = generateScans(given);
    expect(scans).toHaveLength(want.size);
    expect(generateScans(given)).toEqual(scans);
    const fields = (s: Scan) => [s.id, s.name, s.status, s.createdAt, s.programmingLanguage];
    if ('first' in want) {
      expect(scans.slice(0, 3).map(fields)).toEqual(want.first);
      expect(fields(scans.at(-1)!)).toEqual(want.last);
      expect(countBy(scans, (s) => s.status)).toEqual(want.statuses);
    } else {
      expect(scans.map((s) => s.id.slice(0, 8))).toEqual(want.firstIds);
    }
  });

  it('defaults are seed 1 and size 123', () => {
    expect([DEFAULT_SEED, DEFAULT_SIZE]).toEqual([1, 123]);
    expect(generateScans()).toEqual(generateScans({ seed: 1, size: 123 }));
  });

  it('another seed gives other scans', () => {
    expect(generateScans({ seed: 2 }).map((s) => s.id)).not.toEqual(generateScans().map((s) => s.id));
  });
});

describe('generateScans: realistic, varied and consistent', () => {
  const seeds = [1, 2, 3, 99, 2 ** 32 - 1];

  it('the default dataset has every status, a few null, a dozen languages and a few null', () => {
    const scans = generateScans();
    expect(Object.keys(countBy(scans, (s) => s.status)).sort()).toEqual([...SCAN_STATUSES, 'null'].sort());
    const languages = countBy(scans, (s) => s.programmingLanguage);
    for (const l of ['TypeScript', 'JavaScript', 'Python', 'Go', 'Java', 'Ruby', 'PHP', 'C#', 'Kotlin'])
      expect(languages[l], l).toBeGreaterThan(0);
    expect(languages.null).toBeGreaterThan(0);
    expect(languages.null).toBeLessThan(scans.length / 8);
    const days = (Date.parse(scans[0]!.createdAt) - Date.parse(scans.at(-1)!.createdAt)) / 86_400_000;
    expect(days).toBeGreaterThan(300);
    expect(days).toBeLessThanOrEqual(365);
    expect(new Set(scans.map((s) => s.name.split('@')[0])).size).toBeGreaterThan(20);
  });

  it.each(seeds.map((seed) => [`seed ${seed}`, seed] as const))(
    '%s: ids unique uuids, newest first, fields consistent with the status',
    (_, seed) => {
      const scans = generateScans({ seed });
      expect(new Set(scans.map((s) => s.id)).size).toBe(scans.length);
      for (const [i, s] of scans.entries()) {
        const where = `${seed}#${i} ${JSON.stringify(s)}`;
        expect(s.id, where).toMatch(UUID);
        expect(s.name, where).toMatch(/^[a-z-]+\/[a-z-]+@[\w./-]+$/);
        if (i > 0) expect(Date.parse(s.createdAt), where).toBeLessThan(Date.parse(scans[i - 1]!.createdAt));
        const c = s.vulnerabilityCounts;
        expect(c.total, where).toBe(c.critical + c.high + c.medium + c.low);
        expect(Math.min(c.critical, c.high, c.medium, c.low), where).toBeGreaterThanOrEqual(0);
        if (s.endAt !== null) expect(Date.parse(s.endAt), where).toBeGreaterThan(Date.parse(s.createdAt));
        switch (s.status) {
          case 'completed':
            expect([s.isDone, s.progress, s.endAt !== null], where).toEqual([true, 100, true]);
            break;
          case 'running':
            expect([s.isDone, s.endAt], where).toEqual([false, null]);
            expect(s.progress, where).toBeLessThan(100);
            break;
          case 'queued':
            expect([s.isDone, s.endAt, s.progress, c.total], where).toEqual([false, null, 0, 0]);
            break;
          case 'failed':
          case 'cancelled':
            expect([s.isDone, s.endAt !== null], where).toEqual([true, true]);
            expect(s.progress, where).toBeLessThan(100);
            break;
          default:
            expect([s.status, s.isDone, s.endAt, s.progress, c.total], where).toEqual([
              null,
              false,
              null,
              null,
              0,
            ]);
        }
      }
    },
  );
});
